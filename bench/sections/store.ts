/**
 * Items 3 and 5: the export of 10,000 / 100,000 merged rows (the store seeded directly through
 * the product's db module, then the popup's «Export all leads», which has the offscreen document
 * build the CSV and the worker download it), and IndexedDB throughput: the seeding itself is the
 * 100,000-row write (bulkPut batches of 1,000 into the product's schema), then, after the
 * exports, reading them back and the sync's write path (pages of 50).
 */
import { readFileSync, statSync, unlinkSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RemoteSim, Truth } from '../lib/remote-sim';
import type { SeedSpec } from '../page/store-bench';
import { extensionPage, launch, listDownloads, type BenchBrowser } from '../lib/browser';
import { MemorySampler, type MemoryPeak } from '../lib/memory';
import { dictsFrom, templatesFrom } from '../lib/sim-data';
import { sleep, waitFor } from '../lib/stats';

/**
 * How the export is started:
 * - `popup`: the popup opens and shows its first status, `export-csv` is
 *   clicked, and the popup is closed right away, as when the user goes back to the page;
 * - `popup-open`: the same, but the popup stays open (it asks for the status every second);
 * - `message`: no popup; an extension page sends the message the button sends (`exportAll`, the
 *   product's messaging envelope), so only the export path runs (offscreen build + download);
 * - `xlsx`: as `popup`, with «File format: Excel» in the settings.
 */
export type ExportMode = 'popup' | 'popup-open' | 'message' | 'xlsx';

export interface ExportRun {
  rows: number;
  mode: ExportMode;
  ok: boolean;
  error?: string;
  /** Start (click or message) → the CSV complete on disk under its final name. */
  toFileMs: number;
  fileBytes: number;
  /** Data rows in the file (records after the header). */
  fileRows: number;
  memory: MemoryPeak;
}

export interface ExportResult {
  rows: number;
  /** The seeding write: rows and ms (bulkPut batches of 1,000 into the product's database). */
  seed: { rows: number; ms: number };
  runs: ExportRun[];
  /** After the exports, when asked: reading all rows back, and the sync's write path. */
  readAll?: { rows: number; ms: number };
  buildBlob?: { rows: number; ms: number };
  syncPath?: { rows: number; ms: number };
}

export interface StoreBenchApi {
  seed(s: SeedSpec): Promise<{ rows: number; ms: number }>;
  seedJob(origin: string, branch: number): Promise<void>;
  readAll(origin: string): Promise<{ rows: number; ms: number }>;
  buildBlob(origin: string): Promise<{ rows: number; ms: number }>;
  syncPath(s: SeedSpec): Promise<{ rows: number; ms: number }>;
}

export async function storePage(b: BenchBrowser, bundle: string): Promise<Page> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'options.html'));
  await page.evaluate(bundle);
  return page;
}

export function seedSpec(sim: RemoteSim, truth: Truth, count: number): SeedSpec {
  return { origin: sim.url, branch: 1, count, templates: templatesFrom(truth, 1, 7), dicts: dictsFrom(truth), firstId: 1_000_000 };
}

/** Data rows of an .xlsx (its sheet's rows minus the header). */
function countSheetRows(file: Uint8Array): number {
  const xml = strFromU8(unzipSync(file, { filter: (f) => f.name === 'xl/worksheets/sheet1.xml' })['xl/worksheets/sheet1.xml']);
  return (xml.match(/<row[ >]/g) ?? []).length - 1;
}

/** Sets the file format in the product's settings (v2: the seeded v1 settings were migrated by then). */
async function setFileFormat(b: BenchBrowser, format: 'csv' | 'xlsx'): Promise<void> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'options.html'));
  await page.getByTestId('file-format').selectOption(format);
  await page.getByTestId('save-settings').click();
  await page.getByTestId('settings-status').filter({ hasNotText: /^$/ }).waitFor();
  await page.close();
}

/** Records in a CSV text (CRLF or LF ends, quoted cells may hold line breaks), minus the header. */
function countCsvRows(text: string): number {
  let rows = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) rows++;
  }
  if (text.length && !text.endsWith('\n')) rows++;
  return rows - 1;
}

async function startExport(b: BenchBrowser, mode: ExportMode): Promise<{ started: number; page: Page }> {
  if (mode === 'message') {
    const page = await b.ctx.newPage();
    await page.goto(extensionPage(b, 'options.html'));
    await sleep(300);
    const started = Date.now();
    await page.evaluate(() => {
      // The envelope of @webext-core/messaging (utils/messaging.ts), as the popup's button sends it.
      chrome.runtime.sendMessage({ id: 1, type: 'exportAll', data: {}, timestamp: Date.now() }, () => void chrome.runtime.lastError);
    });
    return { started, page };
  }
  const page = await b.ctx.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.goto(extensionPage(b, 'popup.html'));
  await page.getByTestId('export-csv').waitFor();
  // Opening the popup includes its first status answer.
  await page
    .getByTestId('sync-status')
    .filter({ hasNotText: /loading/ })
    .waitFor({ timeout: 10_000 });
  await sleep(300);
  const started = Date.now();
  await page.getByTestId('export-csv').click();
  return { started, page };
}

async function oneExport(b: BenchBrowser, rows: number, mode: ExportMode, timeoutMs: number): Promise<ExportRun> {
  for (const f of listDownloads(b.downloadsDir)) unlinkSync(path.join(b.downloadsDir, f));
  const sampler = new MemorySampler(b);
  await sampler.start();
  const { started, page } = await startExport(b, mode);
  if (mode === 'popup') await page.close();
  let file: string | undefined;
  let error: string | undefined;
  try {
    const ext = mode === 'xlsx' ? '.xlsx' : '.csv';
    file = await waitFor(() => listDownloads(b.downloadsDir).find((f) => f.endsWith(ext)), timeoutMs, 10, `the ${ext} file`);
  } catch (e) {
    error = (e as Error).message;
  }
  const toFileMs = Date.now() - started;
  const memory = await sampler.stop();
  let note = '';
  if (!page.isClosed()) {
    if (mode === 'popup-open')
      note =
        (await page
          .getByTestId('popup-note')
          .textContent()
          .catch(() => '')) ?? '';
    await page.close();
  }
  if (!file) return { rows, mode, ok: false, error: `${error}${note ? ` (popup: ${note})` : ''}`, toFileMs, fileBytes: 0, fileRows: 0, memory };
  const full = path.join(b.downloadsDir, file);
  const fileBytes = statSync(full).size;
  const fileRows = mode === 'xlsx' ? countSheetRows(readFileSync(full)) : countCsvRows(readFileSync(full, 'utf8'));
  const ok = fileRows === rows;
  return { rows, mode, ok, ...(ok ? {} : { error: `file holds ${fileRows} rows, seeded ${rows}` }), toFileMs, fileBytes, fileRows, memory };
}

/**
 * Seeds a profile once, then runs each export in a browser started afresh on that profile, so
 * every run's memory starts from new processes.
 */
export async function exportBench(opts: {
  extDir: string;
  bundle: string;
  sim: RemoteSim;
  truth: Truth;
  rows: number;
  modes: ExportMode[];
  timeoutMs: number;
  log: (s: string) => void;
  /** Then, in the same profile: read the rows back, and write this many the sync's way. */
  idbAfter?: { syncPathRows: number };
}): Promise<ExportResult> {
  let b = await launch({ extDir: opts.extDir });
  const { userDataDir, downloadsDir } = b;
  try {
    const page = await storePage(b, opts.bundle);
    // The account the popup exports: the options' CRM address (an export needs no API call).
    await page.evaluate(async (crmUrl) => {
      await chrome.storage.local.set({
        settings: { crmUrl, apiEmail: '', delimiter: 'auto', headerLanguage: 'keys', escapeFormulae: true, syncPeriodMin: 30 },
      });
    }, opts.sim.url);
    const seed = await page.evaluate(
      (s) => (globalThis as unknown as { __storeBench: StoreBenchApi }).__storeBench.seed(s),
      seedSpec(opts.sim, opts.truth, opts.rows),
    );
    if (seed.rows !== opts.rows) throw new Error(`seeded ${seed.rows} rows, wanted ${opts.rows}`);
    opts.log(`  seeded ${seed.rows} rows in ${(seed.ms / 1000).toFixed(1)} s`);
    const result: ExportResult = { rows: opts.rows, seed, runs: [] };

    for (const mode of opts.modes) {
      await b.close({ keepProfile: true });
      b = await launch({ extDir: opts.extDir, userDataDir, downloadsDir });
      await sleep(500); // let the new worker start
      if (mode === 'xlsx') {
        // The format saved through the options page, then a fresh browser: the run starts clean.
        await setFileFormat(b, 'xlsx');
        await b.close({ keepProfile: true });
        b = await launch({ extDir: opts.extDir, userDataDir, downloadsDir });
        await sleep(500);
      }
      const run = await oneExport(b, opts.rows, mode, opts.timeoutMs);
      if (mode === 'xlsx') await setFileFormat(b, 'csv');
      result.runs.push(run);
      const m = run.memory;
      opts.log(
        `  ${mode.padEnd(10)}: ${run.ok ? `file in ${run.toFileMs} ms (${(run.fileBytes / 1e6).toFixed(1)} MB, ${run.fileRows} rows)` : `FAILED ${run.error}`}; ` +
          `extension processes RSS ${(m.extensionRssBefore / 1048576).toFixed(0)} → peak ${(m.extensionRss / 1048576).toFixed(0)} MB`,
      );
    }
    if (opts.idbAfter) {
      await b.close({ keepProfile: true });
      b = await launch({ extDir: opts.extDir, userDataDir, downloadsDir });
      const idb = await storePage(b, opts.bundle);
      result.readAll = await idb.evaluate((o) => (globalThis as unknown as { __storeBench: StoreBenchApi }).__storeBench.readAll(o), opts.sim.url);
      result.buildBlob = await idb.evaluate((o) => (globalThis as unknown as { __storeBench: StoreBenchApi }).__storeBench.buildBlob(o), opts.sim.url);
      result.syncPath = await idb.evaluate(
        (s) => (globalThis as unknown as { __storeBench: StoreBenchApi }).__storeBench.syncPath(s),
        seedSpec(opts.sim, opts.truth, opts.idbAfter.syncPathRows),
      );
      await idb.close();
      opts.log(
        `  read back ${result.readAll.rows} rows in ${(result.readAll.ms / 1000).toFixed(1)} s; CSV Blob built in the page in ${(result.buildBlob.ms / 1000).toFixed(1)} s; sync write path ${result.syncPath.rows} rows in ${(result.syncPath.ms / 1000).toFixed(1)} s`,
      );
    }
    return result;
  } finally {
    await b.close();
  }
}
