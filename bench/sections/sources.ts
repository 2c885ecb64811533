/**
 * Item 7: the other sources' exports, through the built extension in Chromium as a person starts
 * them, each on a simulator of its own (in this process: one export at a time, tens of requests a
 * minute, so its event loop is never the bottleneck) and a fresh browser:
 * - Altegio «Export clients» on the client base, the bulk list (default) and the per-card path
 *   (the simulator refuses the page token the bulk list, knob pageTokenBulkList = 403). Floor: the
 *   contract's pace, 3 a second and 150 a minute (bench/lib/altegio-export.ts).
 * - LiveTex «Export leads» in the cabinet header, signed in as operator 1 (5,000 leads, 50 pages).
 *   Floor: the contract's 2 a second (§1.6), the same rule (the last request's earliest start);
 *   the pacer's own 550 ms gap is shown beside it, so 1.10× is what its margin costs by design.
 * Requests are counted by the simulators (rate-limited ones only: no page loads, sign-ins, CORS
 * preflights), from just before the click.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ExportOutcome } from '../../tests/e2e/harness';
import { readCsv } from '../../tests/e2e/csv-file';
import { startAltegioSimulator, type AltegioSimulator } from '../../tests/simulator/altegio/server';
import { startLivetexSimulator } from '../../tests/simulator/livetex/server';
import type { LivetexSimulator } from '../../tests/simulator/livetex/types';
import { contractFloorMs, measureAltegioExport } from '../lib/altegio-export';
import { launch, type BenchBrowser } from '../lib/browser';
import { sleep } from '../lib/stats';

export interface SourceRun {
  id: 'altegio-bulk' | 'altegio-cards' | 'livetex';
  /** What was exported, and from where. */
  what: string;
  ok: boolean;
  /** The button's error line, or why the run did not finish. */
  error?: string;
  fileRows: number;
  expectedRows: number;
  ms: number;
  requests: number;
  /** Rate-limited requests by channel (Altegio: origin:kind; LiveTex: Web API route). */
  byChannel: Record<string, number>;
  status429: number;
  floorMs: number;
  floorRule: string;
  ratio: number;
  /** LiveTex: the floor at the pacer's own gap (550 ms), for comparison. */
  pacerFloorMs?: number;
}

export interface SourcesResult {
  latencyMs: number;
  runs: SourceRun[];
}

/** The button's end line (export-done or export-error), whichever button started it. */
async function clickExport(page: Page, testId: string, timeout: number): Promise<ExportOutcome> {
  // As clickExportArchive (tests/e2e/harness.ts) does for AlfaCRM's button.
  await page.getByTestId(testId).click();
  await page.getByTestId('export-done').or(page.getByTestId('export-error')).waitFor({ timeout });
  const error = page.getByTestId('export-error');
  if (await error.count()) return { ok: false, text: (await error.textContent()) ?? '' };
  const text = (await page.getByTestId('export-done').textContent()) ?? '';
  return { ok: true, text, fileName: /Saved (.+\.(?:csv|xlsx)):/.exec(text)?.[1] ?? '' };
}

const rowsIn = (b: BenchBrowser, o: ExportOutcome) => (o.ok && o.fileName ? readCsv(path.join(b.downloadsDir, o.fileName)).rows.length : 0);

/** As tests/e2e/altegio-helpers.ts signs in: the simulator's form, back to the client base. */
async function signInAltegio(page: Page, sim: AltegioSimulator): Promise<void> {
  const base = `/clients/${sim.cid}/base/`;
  await page.goto(`${sim.webUrl}/signin/${encodeURIComponent(base)}`);
  await page.fill('input[name="login"]', sim.users.owner.login);
  await page.fill('input[name="password"]', sim.users.owner.password);
  await Promise.all([page.waitForURL((u) => u.pathname === base), page.click('[data-locator="signin_submit"]')]);
}

async function altegioRun(extDir: string, channel: 'bulk' | 'cards', dataset: 'default' | 'small', latencyMs: number, timeoutMs: number): Promise<SourceRun> {
  const sim = await startAltegioSimulator({ dataset, knobs: { latencyMs, ...(channel === 'cards' ? { pageTokenBulkList: '403' as const } : {}) } });
  const b = await launch({ extDir });
  const expectedRows = sim.truth.ids(sim.cid).length;
  const what = `Altegio, ${expectedRows.toLocaleString('en')} clients (${dataset} location), ${channel === 'bulk' ? 'bulk list' : 'per card (bulk list refused)'}`;
  try {
    const page = await b.ctx.newPage();
    await signInAltegio(page, sim);
    await page.getByTestId('export-clients').waitFor({ timeout: 30_000 });
    let outcome: ExportOutcome = { ok: false, text: 'not clicked' };
    const m = await measureAltegioExport(sim, async () => {
      outcome = await clickExport(page, 'export-clients', timeoutMs).catch((e: Error) => ({ ok: false as const, text: e.message }));
    });
    // The channel the simulator saw must be the one asked for, else the row measures the other.
    const wrongChannel = m.channel !== channel ? `read through ${m.channel}, not ${channel}` : undefined;
    const rateLimited = Object.fromEntries(Object.entries(m.byOriginKind).filter(([k]) => !/:(page|signin|other)$/.test(k)));
    return {
      id: channel === 'bulk' ? 'altegio-bulk' : 'altegio-cards',
      what,
      ok: outcome.ok && !wrongChannel,
      error: outcome.ok ? wrongChannel : outcome.text,
      fileRows: rowsIn(b, outcome),
      expectedRows,
      ms: m.ms,
      requests: m.requests,
      byChannel: rateLimited,
      status429: sim.stats().status429,
      floorMs: m.floorMs,
      floorRule: '3/s, 150/min',
      ratio: m.ratio,
    };
  } finally {
    await b.close();
    await sim.close();
  }
}

/** Rate-limited Web API routes (the cabinet's pages and CORS preflights do not count). */
const apiRoutes = (sim: LivetexSimulator) => Object.entries(sim.stats().byRoute).filter(([r]) => r !== 'preflight' && !r.startsWith('cabinet:'));

async function livetexRun(extDir: string, latencyMs: number): Promise<SourceRun> {
  const sim = await startLivetexSimulator({ dataset: 'default', knobs: { latencyMs } });
  const b = await launch({ extDir });
  const op = sim.employees.operator1;
  const expectedRows = sim.truth.listedFor(op.id).length;
  try {
    const page = await b.ctx.newPage();
    // As tests/e2e/livetex-helpers.ts signs in: the cabinet's form, back to /leads.
    await page.goto(`${sim.cabinetUrl}/login?return=${encodeURIComponent('/leads')}`);
    await page.fill('#lt-login-form [name=email]', op.email);
    await page.fill('#lt-login-form [name=password]', op.password);
    await Promise.all([page.waitForURL((u) => u.pathname === '/leads'), page.click('#lt-login-submit')]);
    await page.locator('#lt-leads').waitFor({ timeout: 30_000 });
    await page.getByTestId('export-leads').waitFor({ timeout: 30_000 });
    // The cabinet's own table read, and anything the extension does on seeing the token, ends
    // before the count starts: 2 s without a request.
    for (let last = -1, i = 0; sim.stats().total !== last && i < 30; i++) {
      last = sim.stats().total;
      await sleep(2000);
    }
    sim.resetStats();
    const t0 = performance.now();
    const outcome = await clickExport(page, 'export-leads', 240_000).catch((e: Error) => ({ ok: false as const, text: e.message }));
    const ms = performance.now() - t0;
    const byChannel = Object.fromEntries(apiRoutes(sim));
    const requests = Object.values(byChannel).reduce((n, c) => n + c, 0);
    const floorMs = contractFloorMs(requests, 2, 120);
    return {
      id: 'livetex',
      what: `LiveTex, ${expectedRows.toLocaleString('en')} leads (operator 1), cabinet token`,
      ok: outcome.ok,
      error: outcome.ok ? undefined : outcome.text,
      fileRows: rowsIn(b, outcome),
      expectedRows,
      ms,
      requests,
      byChannel,
      status429: sim.stats().status429,
      floorMs,
      floorRule: '2/s (§1.6)',
      ratio: floorMs ? ms / floorMs : 0,
      pacerFloorMs: Math.max(0, requests - 1) * 550,
    };
  } finally {
    await b.close();
    await sim.close();
  }
}

/** One run each: Altegio bulk, Altegio per card (`cardsDataset`), LiveTex. */
export async function sourcesBench(opts: {
  extDir: string;
  latencyMs: number;
  cardsDataset: 'default' | 'small';
  log: (s: string) => void;
}): Promise<SourcesResult> {
  const runs: SourceRun[] = [];
  const line = (r: SourceRun) =>
    `  ${r.what}: ${r.ok ? '' : `FAILED (${r.error}) `}${(r.ms / 1000).toFixed(1)} s, ${r.requests} requests ${JSON.stringify(r.byChannel)}, ` +
    `${r.status429} 429s, floor ${(r.floorMs / 1000).toFixed(1)} s at ${r.floorRule} → ${r.ratio.toFixed(2)}×; file ${r.fileRows}/${r.expectedRows} rows`;
  // Per card the minute window governs: 1,850 cards at 150 a minute is over 12 minutes.
  const cardsTimeout = opts.cardsDataset === 'default' ? 1_200_000 : 300_000;
  for (const run of [
    () => altegioRun(opts.extDir, 'bulk', 'default', opts.latencyMs, 180_000),
    () => altegioRun(opts.extDir, 'cards', opts.cardsDataset, opts.latencyMs, cardsTimeout),
    () => livetexRun(opts.extDir, opts.latencyMs),
  ]) {
    const r = await run();
    runs.push(r);
    opts.log(line(r));
  }
  return { latencyMs: opts.latencyMs, runs };
}
