/**
 * Background sync in real Chromium against the simulator: checkpoints survive a stopped service
 * worker and a browser restart; expiry and faults pause with a named reason; incremental runs
 * are cheap and exact.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/server';
import { readCsv } from './csv-file';
import { ARCHIVE, clickExportArchive, launchBrowser, loginToCrm, readJobs, readStore, stopServiceWorker, type Browser } from './harness';
import { DASHBOARD, expectStoreExact, openPopup, statusText, syncAndWait, syncSetup, waitForSyncDone } from './sync-helpers';

describe('background sync (small dataset)', () => {
  let sim: Simulator;
  let b: Browser | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small', knobs: { latencyMs: 40, uiPageSize: 3 } });
  });
  afterEach(async () => {
    await b?.close();
    b = undefined;
    sim.setKnobs({ sessionExpiresAfter: null, malformedOnRequest: null, malformedMatch: null });
  });
  afterAll(async () => sim?.close());

  // Points in the run, as a share of the requests a whole sync makes (API dictionaries and pages,
  // board columns and pagers): the worker stops once the CRM has answered that many.
  const STOP_AT = [0.01, 0.04, 0.08, 0.12, 0.2, 0.3, 0.4, 0.5, 0.6, 0.75];

  /** Requests (all, and API) of a full sync that nothing interrupts, measured once. */
  let baselineAll = 0;
  let baselineApi = 0;

  interface JobRow {
    state: string;
    lastSuccessAt?: string;
    lastSuccessStartedAt?: string;
    run?: { id: string };
  }

  it('baseline: a full sync that nothing interrupts', async () => {
    const s = await syncSetup(sim);
    b = s.b;
    sim.resetStats();
    await syncAndWait(s.popup);
    baselineAll = sim.stats().total;
    baselineApi = sim.stats().byKind.api ?? 0;
    expect(baselineApi).toBeGreaterThan(5);
    await expectStoreExact(b, sim);
  });

  it.each(STOP_AT)('completes exactly when the service worker is stopped at %d of the run, resuming it', async (share) => {
    const n = Math.max(1, Math.round(share * baselineAll));
    const s = await syncSetup(sim);
    b = s.b;
    sim.resetStats();
    await s.popup.getByTestId('sync-now').click();
    await expect.poll(() => sim.stats().total, { interval: 5, timeout: 60_000 }).toBeGreaterThanOrEqual(n);
    await stopServiceWorker(b);
    // The run was still going when the worker stopped.
    const [atStop] = (await readJobs(b)) as JobRow[];
    expect(atStop.state).toBe('running');
    expect(atStop.lastSuccessAt).toBeUndefined();
    // The popup's next status request wakes the worker, which resumes from its checkpoint.
    await waitForSyncDone(s.popup);
    await expectStoreExact(b, sim);
    // The same run ended, and from its checkpoint: no more API requests than an uninterrupted
    // sync, but for those in flight when it stopped (the client sends up to four at once).
    const [done] = (await readJobs(b)) as JobRow[];
    expect(done.lastSuccessStartedAt).toBe(atStop.run!.id);
    expect(sim.stats().byKind.api ?? 0).toBeLessThanOrEqual(baselineApi + 4);
  });

  it('completes exactly after the browser is closed and relaunched mid-sync', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'cae-relaunch-'));
    const s = await syncSetup(sim, profile);
    b = s.b;
    sim.resetStats();
    await s.popup.getByTestId('sync-now').click();
    await expect.poll(() => sim.stats().total, { interval: 5, timeout: 60_000 }).toBeGreaterThanOrEqual(12);
    await b.close();

    b = await launchBrowser({ userDataDir: profile });
    const crm = await b.ctx.newPage();
    await loginToCrm(crm, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, DASHBOARD);
    const popup = await openPopup(b);
    await waitForSyncDone(popup);
    await expectStoreExact(b, sim);
  });

  it('pauses on session expiry in the archive read, shows it, and finishes after a new login', async () => {
    const s = await syncSetup(sim);
    b = s.b;
    await s.popup.getByTestId('sync-now').click();
    // A full run reads the board alongside the API: expire the session once the board read is under way.
    await expect.poll(() => sim.stats().byKind['ui-board'] ?? 0, { interval: 5, timeout: 60_000 }).toBeGreaterThan(0);
    sim.setKnobs({ sessionExpiresAfter: 3 });
    await expect.poll(() => statusText(s.popup), { timeout: 60_000 }).toMatch(/^paused: session expired: log in to AlfaCRM again/);
    const badge = await (await b.worker()).evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe('!');
    expect(await s.popup.getByTestId('last-error').textContent()).toBe('session expired: log in to AlfaCRM again');

    sim.setKnobs({ sessionExpiresAfter: null });
    await loginToCrm(s.crm, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, DASHBOARD);
    await waitForSyncDone(s.popup);
    await expectStoreExact(b, sim);
    expect(await (await b.worker()).evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });

  it.each([
    ['an API page', 'customer/index'],
    ['a board column', 'lead/board'],
    ['the archive tab page', 'lead/index'],
  ])('pauses with a named error when %s comes back cut short, keeping what was stored', async (_, match) => {
    const s = await syncSetup(sim);
    b = s.b;
    await syncAndWait(s.popup);
    const before = await readStore(b);

    // Changes give the incremental run API pages and board columns to read.
    sim.mutate.archiveLeads(1, 2);
    sim.setKnobs({ malformedMatch: match, malformedOnRequest: 1 });
    await s.popup.getByTestId('sync-now').click();
    await expect.poll(() => statusText(s.popup), { timeout: 60_000 }).toMatch(/^paused: malformed response/);
    expect(sim.stats().malformed).toBeGreaterThan(0);
    const during = new Map((await readStore(b)).map((r) => [r.id, r]));
    for (const r of before) expect(during.get(r.id)?.api ? 'kept' : 'lost').toBe('kept');

    sim.setKnobs({ malformedMatch: null, malformedOnRequest: null });
    await syncAndWait(s.popup);
    await expectStoreExact(b, sim);
  });

  it('a full run whose board read fails finishes its API part, then pauses with the reason', async () => {
    const s = await syncSetup(sim);
    b = s.b;
    sim.setKnobs({ malformedMatch: 'lead/board', malformedOnRequest: 1 });
    await s.popup.getByTestId('sync-now').click();
    await expect.poll(() => statusText(s.popup), { timeout: 60_000 }).toMatch(/^paused: malformed response/);
    // The API part went on beside the failed board read: every API record of the branch is stored.
    const apiIds = (await readStore(b)).filter((r) => r.api).map((r) => r.id);
    const truth = [...sim.truth.activeIds(1), ...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1)];
    expect(new Set(apiIds)).toEqual(new Set(truth));

    sim.setKnobs({ malformedMatch: null, malformedOnRequest: null });
    await syncAndWait(s.popup);
    await expectStoreExact(b, sim);
  });

  it('an incremental run with no change asks ≤ 3 requests per source; then reflects 5 archived and 1 restored', async () => {
    const s = await syncSetup(sim);
    b = s.b;
    await syncAndWait(s.popup);

    sim.resetStats();
    await syncAndWait(s.popup);
    const quiet = sim.stats();
    const ui = Object.entries(quiet.byKind)
      .filter(([k]) => k.startsWith('ui'))
      .reduce((n, [, v]) => n + v, 0);
    expect(quiet.byKind.api ?? 0).toBeLessThanOrEqual(3);
    expect(ui).toBeLessThanOrEqual(3);

    const archivedNow = sim.mutate.archiveLeads(1, 5);
    expect(archivedNow).toHaveLength(5);
    const restored = sim.truth.archivedLeadIds(1).find((id) => !archivedNow.includes(id))!;
    sim.mutate.restoreLead(restored);
    await syncAndWait(s.popup);
    await expectStoreExact(b, sim);
    const rows = new Map((await readStore(b)).map((r) => [r.id, r]));
    for (const id of archivedNow) expect(rows.get(id)?.ui?.archived).toBe(true);
    expect(rows.get(restored)?.ui?.archived).toBe(false);
    expect(rows.get(restored)?.api?.archived).toBe(false);
  });

  it('after a sync, «Export archive» reads only the API changes since it, and the file has them', async () => {
    const s = await syncSetup(sim);
    b = s.b;
    await syncAndWait(s.popup);
    const [before] = (await readJobs(b)) as { lastSuccessAt: string }[];
    const archivedNow = sim.mutate.archiveLeads(1, 3);
    sim.resetStats();

    await s.crm.goto(sim.url + ARCHIVE);
    const res = await clickExportArchive(s.crm, 120_000);
    if (!res.ok) throw new Error(`export failed: ${res.text}`);
    const csv = readCsv(path.join(b.downloadsDir, res.fileName));

    const truth = sim.truth.archivedLeadIds(1);
    expect(csv.rows.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual([...truth].sort((x, y) => x - y));
    for (const id of archivedNow) {
      const row = csv.rows.find((r) => Number(r.id) === id)!;
      expect(row.source).toBe('api+ui');
      expect(row.archived).toBe('1');
    }
    // The incremental run: one page of changes, one of the changed records as archived, one count
    // (a full read of the branch's archive is more pages than that), and the dictionaries.
    expect(sim.stats().byEntity.customer ?? 0).toBeLessThanOrEqual(3);
    // One run did it all: the export's, reading the changes since the sync (not the whole archive).
    const [after] = (await readJobs(b)) as { lastSuccessStartedAt: string; run: { id: string; mode: string; tasks: { name: string }[] } }[];
    expect(after.run.mode).toBe('export');
    expect(after.run.tasks.map((t) => t.name)).toContain('changed');
    expect(after.run.tasks.map((t) => t.name)).not.toContain('archived');
    expect(after.lastSuccessStartedAt).toBe(after.run.id);
    expect(after.run.id > before.lastSuccessAt).toBe(true);
  });

  it('the popup shows state and counts with the interface test ids (360×600 screenshot)', async () => {
    const s = await syncSetup(sim);
    b = s.b;
    await syncAndWait(s.popup);
    const archived = sim.truth.archivedLeadIds(1).length + sim.truth.archivedCustomerIds(1).length;
    await expect.poll(() => s.popup.getByTestId('count-archived').textContent(), { timeout: 30_000 }).toBe(String(archived));
    expect(await s.popup.getByTestId('count-active').textContent()).toBe(String(sim.truth.activeIds(1).length));
    expect(Number(await s.popup.getByTestId('count-with-reason').textContent())).toBeGreaterThan(0);
    expect(await s.popup.getByTestId('last-error').textContent()).toBe('');
    const alarm = await (await b.worker()).evaluate(() => chrome.alarms.get('periodic-sync'));
    expect(alarm?.periodInMinutes).toBe(30);
    const shot = await s.popup.screenshot({ path: path.resolve('docs/popup.png') });
    expect(shot.readUInt32BE(16)).toBe(360); // PNG width
    expect(shot.readUInt32BE(20)).toBe(600); // PNG height
  });
});
