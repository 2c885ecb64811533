/**
 * Items 1 and 2: the first full background sync of branch 1 (real Chromium, built extension,
 * simulator with fixed latency and rate limit) and incremental syncs after it.
 *
 * A sync is driven as tests/e2e/sync-helpers.ts does it: options saved with the API e-mail and
 * key, a logged-in CRM tab on /company/1/dashboard/index (a page without a board of its own, so
 * every board request is the extension's), the popup's `sync-now` clicked. The popup is then
 * closed, as it closes when the user goes back to the page (BENCH_SYNC_POPUP_OPEN adds a run
 * with it open, asking for the status every second); the end of the
 * run is watched in the job row of the extension's IndexedDB (read from another extension page),
 * and confirmed at the end in a new popup: `sync-status` idle with a newer `data-last-sync`.
 */
import type { Page } from 'playwright-core';
import type { SimStats } from '../../tests/simulator/server';
import type { RemoteSim } from '../lib/remote-sim';
import { ARCHIVE, DASHBOARD, exportOutcome } from '../../tests/e2e/harness';
import { configureApi, extensionPage, launch, loginToCrm, type BenchBrowser } from '../lib/browser';
import { sleep } from '../lib/stats';

export interface JobView {
  state: string;
  phase: string;
  mode?: string;
  lastSuccessAt?: string;
  runStartedAt?: string;
  /** The board read's state in this run ('done' once it reported its last column). */
  uiState?: string;
  reason?: string;
}

export interface StoreCheck {
  apiRows: number;
  apiArchived: number;
  uiArchivedLeads: number;
  /** The store holds exactly the simulator's records of the branch, archived as it says. */
  exact: boolean;
  detail: string;
  /** Leads archived on the board per the truth but not per the store's UI facts, and the reverse. */
  uiMissing: number[];
  uiExtra: number[];
}

export interface SyncRun {
  ok: boolean;
  error?: string;
  /** Click on `sync-now` → the job row says idle with a newer last success (ms). */
  wallMs: number;
  /** Click → the job's phase turned to 'ui' (the API part, dictionaries included). */
  apiPartMs: number;
  /** Click → the board read reported done (it runs beside the API part in a full run). */
  uiPartMs: number;
  requests: { api: number; ui: number };
  byKind: Record<string, number>;
  status429: number;
  retriesBeforeRetryAfter: number;
  popupConfirmed: boolean;
  store?: StoreCheck;
}

export interface SyncSession {
  b: BenchBrowser;
  crm: Page;
  watcher: Page;
  close(): Promise<void>;
}

const uiKinds = (s: SimStats) =>
  Object.entries(s.byKind)
    .filter(([k]) => k.startsWith('ui'))
    .reduce((n, [, v]) => n + v, 0);

/** A browser with the API configured and a logged-in CRM tab, ready for `sync-now`. */
export async function openSyncSession(extDir: string, sim: RemoteSim): Promise<SyncSession> {
  const b = await launch({ extDir });
  try {
    const status = await configureApi(b, sim.url, sim.credentials.apiEmail, sim.credentials.apiKey);
    if (!/^connected/.test(status)) throw new Error(`options: ${status}`);
    const crm = await b.ctx.newPage();
    await loginToCrm(crm, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, DASHBOARD);
    const watcher = await b.ctx.newPage();
    await watcher.goto(extensionPage(b, 'options.html'));
    return { b, crm, watcher, close: () => b.close() };
  } catch (e) {
    await b.close();
    throw e;
  }
}

/** The sync job row, read with plain IndexedDB (never creating or upgrading the database). */
export function readJob(watcher: Page): Promise<JobView | null> {
  return watcher.evaluate(async () => {
    const req = indexedDB.open('crm-archive-export');
    req.onupgradeneeded = () => req.transaction?.abort(); // not created yet: leave it to the extension
    const db: IDBDatabase | null = await new Promise((resolve) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
    });
    if (!db) return null;
    try {
      if (!db.objectStoreNames.contains('jobs')) return null;
      const all = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const q = db.transaction('jobs').objectStore('jobs').getAll();
        q.onsuccess = () => resolve(q.result as Record<string, unknown>[]);
        q.onerror = () => reject(q.error);
      });
      const j = all[0];
      if (!j) return null;
      const reason = (j.pausedReason ?? j.lastError) as { message?: string } | undefined;
      return {
        state: String(j.state),
        phase: String(j.phase),
        mode: j.mode as string | undefined,
        lastSuccessAt: j.lastSuccessAt as string | undefined,
        runStartedAt: j.runStartedAt as string | undefined,
        uiState: (j.ui as { state?: string } | undefined)?.state,
        reason: reason?.message,
      };
    } finally {
      db.close();
    }
  });
}

async function openPopup(b: BenchBrowser): Promise<Page> {
  const popup = await b.ctx.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(extensionPage(b, 'popup.html'));
  return popup;
}

/** Clicks «Sync now» in the popup and follows the run to its end. */
export async function runSync(s: SyncSession, sim: RemoteSim, opts: { timeoutMs: number; keepPopupOpen?: boolean }): Promise<SyncRun> {
  const before = (await readJob(s.watcher))?.lastSuccessAt ?? '';
  await sim.resetStats();
  const popup = await openPopup(s.b);
  await popup.getByTestId('sync-now').waitFor();
  const started = Date.now();
  await popup.getByTestId('sync-now').click();
  if (!opts.keepPopupOpen) await popup.close();

  let apiPartMs = NaN;
  let uiPartMs = NaN;
  let stuckSince = 0;
  let error: string | undefined;
  for (;;) {
    await sleep(150);
    const job = await readJob(s.watcher).catch(() => null);
    const elapsed = Date.now() - started;
    if (job && Number.isNaN(apiPartMs) && (job.phase === 'ui' || job.phase === 'done') && job.state !== 'idle') {
      apiPartMs = elapsed;
    }
    if (job && Number.isNaN(uiPartMs) && job.uiState === 'done') uiPartMs = elapsed;
    if (job?.state === 'idle' && (job.lastSuccessAt ?? '') > before) break;
    if (job && (job.state === 'paused' || job.state === 'error')) {
      stuckSince ||= Date.now();
      // A paused run resumes by itself after a minute at the earliest: more than a benchmark waits.
      if (Date.now() - stuckSince > 5000) {
        error = `${job.state}: ${job.reason ?? '?'}`;
        break;
      }
    } else stuckSince = 0;
    if (elapsed > opts.timeoutMs) {
      error = `not finished after ${opts.timeoutMs} ms (${job?.state}/${job?.phase})`;
      break;
    }
  }
  const wallMs = Date.now() - started;
  const stats = await sim.stats();
  if (Number.isNaN(apiPartMs)) apiPartMs = wallMs;
  if (Number.isNaN(uiPartMs)) uiPartMs = wallMs;

  // The popup must agree: idle, with a last success newer than before the click.
  let popupConfirmed = false;
  if (!error) {
    const check = opts.keepPopupOpen ? popup : await openPopup(s.b);
    const status = check.getByTestId('sync-status');
    for (let i = 0; i < 50 && !popupConfirmed; i++) {
      const text = (await status.textContent()) ?? '';
      const last = (await status.getAttribute('data-last-sync')) ?? '';
      popupConfirmed = text.startsWith('idle — last sync') && last > before;
      if (!popupConfirmed) await sleep(100);
    }
    await check.close();
  } else if (opts.keepPopupOpen) await popup.close();

  return {
    ok: !error && popupConfirmed,
    error: error ?? (popupConfirmed ? undefined : 'popup did not show idle with a newer last sync'),
    wallMs,
    apiPartMs,
    uiPartMs,
    requests: { api: stats.byKind.api ?? 0, ui: uiKinds(stats) },
    byKind: stats.byKind,
    status429: stats.status429,
    retriesBeforeRetryAfter: stats.retriesBeforeRetryAfter,
    popupConfirmed,
  };
}

/** Counts in the store (computed in an extension page) against the simulator's truth. */
export async function checkStore(s: SyncSession, sim: RemoteSim, branch: number): Promise<StoreCheck> {
  const counts = await s.watcher.evaluate(async (br) => {
    const req = indexedDB.open('crm-archive-export');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ id: number; parts: string[]; api?: { archived: boolean }; ui?: { archived: boolean; kind: string } }[]>((resolve) => {
      const q = db.transaction('rows').objectStore('rows').getAll();
      q.onsuccess = () => resolve(q.result);
    });
    db.close();
    // No named helper functions in here: tsx would wrap them in a __name() the page lacks.
    const api: number[] = [];
    const apiArchived: number[] = [];
    const uiArchivedLeads: number[] = [];
    const seen = new Set<number>();
    let unique = true;
    for (const r of rows) {
      if (!r.parts.some((p) => p.endsWith(`|${br}`))) continue;
      if (seen.has(r.id)) unique = false;
      seen.add(r.id);
      if (r.api) api.push(r.id);
      if (r.api?.archived) apiArchived.push(r.id);
      if (r.ui?.archived && r.ui.kind === 'lead') uiArchivedLeads.push(r.id);
    }
    return { api, apiArchived, uiArchivedLeads, unique };
  }, branch);
  const t = await sim.truth();
  const archived = [...t.archivedLeadIds(branch), ...t.archivedCustomerIds(branch)].sort((a, b) => a - b);
  const all = [...archived, ...t.activeIds(branch)].sort((a, b) => a - b);
  const same = (a: number[], b: number[]) => a.length === b.length && [...a].sort((x, y) => x - y).every((x, i) => x === b[i]);
  const problems: string[] = [];
  if (!counts.unique) problems.push('duplicate ids');
  if (!same(counts.api, all)) problems.push(`API rows ${counts.api.length} ≠ ${all.length}`);
  if (!same(counts.apiArchived, archived)) problems.push(`API archived ${counts.apiArchived.length} ≠ ${archived.length}`);
  const truthUi = new Set(t.archivedLeadIds(branch));
  const storeUi = new Set(counts.uiArchivedLeads);
  const uiMissing = [...truthUi].filter((id) => !storeUi.has(id));
  const uiExtra = [...storeUi].filter((id) => !truthUi.has(id));
  if (uiMissing.length || uiExtra.length) {
    problems.push(
      `UI archived leads: ${counts.uiArchivedLeads.length} stored, ${truthUi.size} true; ${uiMissing.length} missing, ${uiExtra.length} not archived any more`,
    );
  }
  return {
    apiRows: counts.api.length,
    apiArchived: counts.apiArchived.length,
    uiArchivedLeads: counts.uiArchivedLeads.length,
    exact: problems.length === 0,
    detail: problems.join('; ') || 'exact',
    uiMissing,
    uiExtra,
  };
}

export interface ExportAfterSync {
  ok: boolean;
  error?: string;
  /** The click landing in the page (Playwright waits for the button to sit still) → the button says the file is saved. */
  wallMs: number;
  /** How long Playwright's click waited for the page, still laying out its board, to hold the button still. */
  clickWaitMs: number;
  rows: number;
  expected: number;
  requests: { api: number; ui: number };
}

/**
 * «Export archive» on the archive tab of the synced browser: the UI read of the archive (the
 * export always reads what the tab shows) and, after the sync, only the API's changes.
 */
export async function exportAfterSync(s: SyncSession, sim: RemoteSim, expected: number): Promise<ExportAfterSync> {
  await s.crm.goto(sim.url + ARCHIVE);
  await s.crm.getByTestId('export-archive').waitFor({ timeout: 30_000 });
  await sim.resetStats();
  // BENCH_EXPORT_AFTER_SUMMARY=1: click only once the tab's Insights line has come (the worker has built it).
  if (process.env.BENCH_EXPORT_AFTER_SUMMARY === '1') await s.crm.getByTestId('tab-insights').waitFor({ timeout: 60_000 });
  const asked = Date.now();
  await s.crm.getByTestId('export-archive').click();
  const started = Date.now();
  const clickWaitMs = started - asked;
  const res = await exportOutcome(s.crm);
  const wallMs = Date.now() - started;
  const stats = await sim.stats();
  const requests = { api: stats.byKind.api ?? 0, ui: uiKinds(stats) };
  if (!res.ok) return { ok: false, error: res.text, wallMs, clickWaitMs, rows: 0, expected, requests };
  const rows = Number(/: (\d+) rows/.exec(res.text)?.[1] ?? NaN);
  return {
    ok: rows === expected,
    ...(rows === expected ? {} : { error: `${rows} rows, ${expected} archived` }),
    wallMs,
    clickWaitMs,
    rows,
    expected,
    requests,
  };
}
