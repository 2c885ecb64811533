/**
 * LiveTex in real Chromium against the simulated cabinet and Web API (contract §4): the button
 * in the cabinet's header, an operator's export with the texts LiveTex withholds marked, the
 * same export filled by a saved admin identity, both role modes and hidden forms, tokens that
 * expire or are revoked mid-pull, and never a request beyond the rate limit.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLivetexSimulator } from '../simulator/livetex/server';
import type { LivetexSimulator } from '../simulator/livetex/types';
import { readCsv } from './csv-file';
import { launchBrowser, listDownloads, type Browser } from './harness';
import { cabinetToken, clickExportLeads, expectLeadCells, expectTexts, exportedFile, INTERFACE_COLUMNS, saveIdentity, signInCabinet } from './livetex-helpers';
import { openPopup, waitForSyncDone } from './sync-helpers';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The simulator's stats: no 429 ever, no token past 5 requests in a second, the account past 120
 * in a minute. (Our own pace of 2 a second is the pacer's unit test: arrival jitter blurs it here.)
 */
function expectWithinRateLimit(sim: LivetexSimulator): void {
  const s = sim.stats();
  expect(s.status429).toBe(0);
  expect(s.maxPerMinute).toBeLessThanOrEqual(120);
  expect(Math.max(0, ...Object.values(s.maxPerSecondByToken))).toBeLessThanOrEqual(5);
}

describe('LiveTex: 5,000 leads, operator 1 and the admin', () => {
  let sim: LivetexSimulator;
  let b: Browser;
  let page: Page;

  beforeAll(async () => {
    sim = await startLivetexSimulator({ dataset: 'default' });
    b = await launchBrowser();
    page = await b.ctx.newPage();
    await signInCabinet(page, sim, 'operator1');
  });
  afterAll(async () => {
    await b?.close();
    await sim?.close();
  });

  it('puts «Export leads» in the cabinet header once drawn, through redraws and navigation (the README picture)', async () => {
    const button = page.locator('header#lt-header').getByTestId('export-leads');
    await expect.poll(() => button.textContent(), { timeout: 10_000 }).toBe('Export leads');
    const draws = await page.evaluate(() => (window as unknown as { __livetexCabinet: { headerDraws: number } }).__livetexCabinet.headerDraws);
    await page.evaluate(() => (window as unknown as { __livetexCabinet: { redraw(): Promise<void> } }).__livetexCabinet.redraw());
    await expect.poll(() => page.locator('header#lt-header').getAttribute('data-draw')).toBe(String(draws + 1));
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
    await page.evaluate(() => (window as unknown as { __livetexCabinet: { navigate(p: string): Promise<void> } }).__livetexCabinet.navigate('/chats'));
    await expect.poll(() => page.locator('#lt-content').getAttribute('data-section')).toBe('/chats');
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
    await page.locator('#lt-nav a[href="/leads"]').click();
    await page.locator('#lt-leads').waitFor();
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: path.resolve('docs/livetex-button.png'), clip: { x: 0, y: 0, width: 1280, height: 420 } });
  });

  it('as operator 1 (documented mode): every lead, visible texts byte-exact, the 1,500 hidden ones marked, within the rate limit', async () => {
    sim.resetStats();
    const { fileName, csv } = await exportedFile(b, page);
    expect(fileName).toBe(`livetex-leads-127.0.0.1_${sim.port}-${today()}.csv`);
    expect(csv.bom && csv.crlf).toBe(true);
    expect(csv.header.slice(0, INTERFACE_COLUMNS.length)).toEqual(INTERFACE_COLUMNS);
    expect(csv.rows).toHaveLength(5000);
    const hidden = expectTexts(csv, sim, [sim.employees.operator1.id]);
    expect(hidden).toBe(1500);
    expect(csv.rows.filter((r) => r.text === '[hidden: operator]' && r.answer_text === '[hidden: operator]')).toHaveLength(1500);
    expectLeadCells(csv, sim);
    expect(new Set(csv.rows.map((r) => r.pulled_by))).toEqual(
      new Set([`${sim.employees.operator1.firstName} ${sim.employees.operator1.lastName} (${sim.employees.operator1.id})`]),
    );
    expectWithinRateLimit(sim);
    expect(sim.stats().byRoute['/leads/list']).toBe(50);
  });

  it('with the admin saved in the options, the popup names the hidden texts, and the same export holds every text', async () => {
    expect(await saveIdentity(b, sim, 'admin')).toMatch(/^connected as .+ \(admin\)$/);
    const popup = await openPopup(b);
    await expect.poll(() => popup.getByTestId('count-leads').textContent()).toBe('5000');
    expect(await popup.getByTestId('count-hidden-texts').textContent()).toBe('1500');
    expect(await popup.locator('dt', { hasText: 'hidden from operator' }).count()).toBe(1);
    expect(await popup.getByTestId('count-hint').textContent()).toMatch(/admin identity/);
    await popup.close();

    sim.resetStats();
    const { csv } = await exportedFile(b, page);
    expect(csv.rows).toHaveLength(5000);
    expect(expectTexts(csv, sim, [sim.employees.operator1.id, sim.employees.admin.id])).toBe(0);
    expect(csv.rows.every((r) => r.text_visibility === 'visible' && r.pulled_by.split(', ').length === 2)).toBe(true);
    expectWithinRateLimit(sim);
  });

  it('recovers when the saved identity’s token expires mid-pull (background sync, no cabinet tab)', async () => {
    await page.close();
    sim.setKnobs({ tokenLifetimeSec: 10 });
    sim.resetStats();
    const popup = await openPopup(b);
    await expect.poll(() => popup.getByTestId('sync-status').getAttribute('data-last-sync'), { timeout: 10_000 }).not.toBe('');
    const before = (await popup.getByTestId('sync-status').getAttribute('data-last-sync')) ?? '';
    await popup.getByTestId('sync-now').click();
    await waitForSyncDone(popup, 120_000, before);
    sim.setKnobs({ tokenLifetimeSec: 3600 });
    const s = sim.stats();
    expect(s.status401).toBeGreaterThanOrEqual(2);
    expect(s.byRoute['/leads/list']).toBeGreaterThanOrEqual(50);
    expect(await popup.getByTestId('count-hidden-texts').textContent()).toBe('0');
    expect(await popup.getByTestId('last-error').textContent()).toBe('');
    await popup.close();
  });
});

describe('LiveTex: 300 leads, other modes and failures', () => {
  let b: Browser;
  const sims: LivetexSimulator[] = [];

  beforeAll(async () => {
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    for (const s of sims) await s.close();
  });

  async function cabinet(knobs: Record<string, unknown>): Promise<{ sim: LivetexSimulator; page: Page }> {
    const sim = await startLivetexSimulator({ dataset: 'small', knobs });
    sims.push(sim);
    const page = await b.ctx.newPage();
    await signInCabinet(page, sim, 'operator1');
    return { sim, page };
  }

  it('in implementation mode exports exactly operator 1’s leads, texts whole', async () => {
    const { sim, page } = await cabinet({ roleMode: 'implementation' });
    const { csv } = await exportedFile(b, page);
    const mine = sim.truth.listedFor(sim.employees.operator1.id, 'implementation');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(300);
    expect(csv.rows.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual([...mine].sort((x, y) => x - y));
    expect(expectTexts(csv, sim, [sim.employees.operator1.id])).toBe(0);
  });

  it('with the null hidden form marks the same texts', async () => {
    const { sim, page } = await cabinet({ hiddenForm: 'null' });
    const { csv } = await exportedFile(b, page);
    expect(csv.rows).toHaveLength(300);
    expect(expectTexts(csv, sim, [sim.employees.operator1.id])).toBe(sim.truth.outOfScope(sim.employees.operator1.id).length);
  });

  it('says «forbidden for this role» when LiveTex refuses the operator the leads', async () => {
    const { sim, page } = await cabinet({ forbidden: { '/leads/list': ['operator'] } });
    const res = await clickExportLeads(page);
    expect(res).toMatchObject({ ok: false, text: 'forbidden for this role (operator: /leads/list)' });
    expect(sim.stats().byStatus['403']).toBeGreaterThan(0);
  });

  it('says «layout not recognised» for a session key of an unknown form, with diagnostics that hold its shape only', async () => {
    const { page } = await cabinet({});
    await page.evaluate(() => localStorage.setItem('livetex.auth', JSON.stringify({ token: 'do-not-leak', ttl: 3600 })));
    const res = await clickExportLeads(page);
    expect(res).toMatchObject({ ok: false, text: expect.stringMatching(/^layout not recognised \(the cabinet's session/) });
    await page.getByTestId('export-diagnostics').click();
    const file = path.join(b.downloadsDir, 'livetex-diagnostics.json');
    await expect.poll(() => listDownloads(b.downloadsDir).includes('livetex-diagnostics.json'), { timeout: 10_000 }).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ key: 'livetex.auth', shape: { token: 'string', ttl: 'number' } });
    expect(text).not.toContain('do-not-leak');
  });

  it('ends with «session expired» and no file when the session is revoked mid-export, then completes after signing in again', async () => {
    const { sim, page } = await cabinet({});
    const files = listDownloads(b.downloadsDir).length;
    // The cabinet's token is revoked after the identity check and the first page.
    const token = await cabinetToken(page);
    sim.setKnobs({ sessionExpiresAfterRequests: (sim.stats().byToken[token] ?? 0) + 2 });
    const res = await clickExportLeads(page);
    expect(res).toEqual({ ok: false, text: 'session expired: sign in to LiveTex again' });
    expect(listDownloads(b.downloadsDir)).toHaveLength(files);

    sim.setKnobs({ sessionExpiresAfterRequests: null });
    await page.reload(); // the cabinet finds its session gone and asks to sign in
    await page.waitForURL((u) => u.pathname === '/login');
    await signInCabinet(page, sim, 'operator1');
    const again = await clickExportLeads(page);
    expect(again.ok).toBe(true);
    if (again.ok) expect(readCsv(path.join(b.downloadsDir, again.fileName)).rows).toHaveLength(300);
  });
});
