/**
 * `npm run bench`: builds the e2e extension, then measures it in Debian's Chromium against the
 * simulated AlfaCRM (fixed per-request latency, API rate limit), prints a table and writes
 * bench/results.json (raw runs, medians, targets, pass/fail). README «Benchmark» explains it.
 *
 * Environment (all optional): BENCH_LATENCY_MS (50), BENCH_RATE (5), BENCH_BUDGET_S (570: optional
 * repetitions are skipped when they would end past it), BENCH_ONLY (comma list of sections:
 * content,export,insights,sync,sources; export includes IndexedDB, sync the incremental runs, sources
 * Altegio's and LiveTex's exports), BENCH_ALTEGIO_CARDS=full (Altegio's per-card export of the
 * whole 1,850-client location, over 12 minutes, instead of the 120-client one), BENCH_SYNC_POPUP_OPEN=1 (one more 50 ms full sync with the
 * popup kept open, as tests/e2e/sync-helpers.ts does), BENCH_SYNC_QUICK=1 (the sync section's first full sync,
 * incremental runs and export after them only), BENCH_EXPORT_AFTER_SUMMARY=1 (that export clicked once the tab's
 * Insights line has come).
 */
import { fork, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { RemoteSim, type Truth } from './lib/remote-sim';
import { bundleForPage } from './lib/bundle';
import { fullSyncFloor, type Floor } from './lib/floor';
import { fmtMs, median } from './lib/stats';
import {
  BRANCH,
  BUDGET_MS,
  BUILD_DIR,
  elapsed,
  LATENCY,
  loadNote,
  log,
  notes,
  RATE,
  results,
  ROOT,
  SWEEP,
  wants,
  type FullSyncRun,
  type IncrementalRun,
} from './lib/results';
import { report, summarise } from './report';
import type { sequentialSync, SequentialResult } from './sequential-client';
import { contentScriptBench } from './sections/content-script';
import { insightsBench } from './sections/insights';
import { sourcesBench } from './sections/sources';
import { exportBench, type ExportMode } from './sections/store';
import { checkStore, exportAfterSync, openSyncSession, runSync, type SyncSession } from './sections/sync';

// ---------------------------------------------------------------------------------------------
// Build

function build(): { ms: number; extDir: string } {
  const started = Date.now();
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    log('Chromium is missing: scripts/ensure-setup.mjs installs it (and builds)…');
    const r = spawnSync('node', ['scripts/ensure-setup.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('setup failed');
  }
  log('Building the extension: npx wxt build --mode e2e …');
  const r = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  // Load a private copy: another `npm test` or `build:e2e` on the machine may rebuild the folder.
  const extDir = mkdtempSync(path.join(tmpdir(), 'cae-bench-ext-'));
  cpSync(BUILD_DIR, extDir, { recursive: true });
  for (const f of ['manifest.json', 'background.js', 'content-scripts/crm-loader.js', 'crm-ui.js']) {
    if (!existsSync(path.join(extDir, f))) throw new Error(`build output lacks ${f}`);
  }
  return { ms: Date.now() - started, extDir };
}

// ---------------------------------------------------------------------------------------------
// Sections

async function sectionContent(extDir: string, sim: RemoteSim) {
  log(`\n[4] Content script on /company/1/dashboard/index (5 traced loads with the extension, 5 without)${loadNote('content script')}`);
  const r = await contentScriptBench({ extDir, sim, loads: 5, log });
  const withMs = median(r.withExtension.map((l) => l.pageMainThreadMs));
  const withoutMs = median(r.withoutExtension.map((l) => l.pageMainThreadMs));
  const withCpuMs = median(r.withExtension.map((l) => l.pageMainThreadCpuMs));
  const withoutCpuMs = median(r.withoutExtension.map((l) => l.pageMainThreadCpuMs));
  results.contentScript = {
    ...r,
    median: {
      attributedMs: median(r.withExtension.map((l) => l.attributedMs)),
      attributedCpuMs: median(r.withExtension.map((l) => l.attributedCpuMs)),
      evaluateScriptMs: median(r.withExtension.map((l) => l.evaluateScriptMs)),
      withMs,
      withoutMs,
      addedAbMs: withMs - withoutMs,
      withCpuMs,
      withoutCpuMs,
      addedAbCpuMs: withCpuMs - withoutCpuMs,
    },
  };
}

async function sectionExport(extDir: string, bundle: string, sim: RemoteSim) {
  const truth = await sim.truth();
  const plan: { rows: number; modes: ExportMode[]; timeoutMs: number; idbAfter?: { syncPathRows: number } }[] = [
    { rows: 10_000, modes: ['popup', 'popup', 'popup', 'message'], timeoutMs: 90_000 },
    // One run per mode: a run takes tens of seconds here (see README «Benchmark»).
    {
      rows: 100_000,
      modes: ['popup', 'xlsx', 'message', ...(process.env.BENCH_EXPORT_POPUP_OPEN === '1' ? (['popup-open'] as const) : [])],
      // Beyond this the run counts as not finished (the time waited is then a lower bound).
      timeoutMs: 45_000,
      idbAfter: { syncPathRows: 5_000 },
    },
  ];
  for (const { rows, modes, timeoutMs, idbAfter } of plan) {
    log(
      `\n[3] Export of ${rows.toLocaleString('en')} merged rows («Export all leads»; runs: ${modes.join(', ')}; a fresh browser on the seeded profile for each)` +
        (idbAfter ? '\n[5] and IndexedDB: the seeding is the 100,000-row write; then read-back and the sync write path' : '') +
        loadNote(`export ${rows}`),
    );
    const r = await exportBench({ extDir, bundle, sim, truth, rows, modes, timeoutMs, log, idbAfter });
    const popupRuns = r.runs.filter((x) => x.mode === 'popup');
    const finished = popupRuns.filter((x) => x.ok);
    const judged = finished.length ? finished : popupRuns;
    results.export[String(rows)] = {
      ...r,
      median: judged.length
        ? {
            toFileMs: median(judged.map((x) => x.toFileMs)),
            finished: finished.length > 0,
            extensionRss: median(judged.map((x) => x.memory.extensionRss)),
            extensionPss: median(judged.map((x) => x.memory.extensionPss)),
            extensionPrivate: median(judged.map((x) => x.memory.extensionPrivate)),
          }
        : null,
    };
    if (idbAfter) {
      const sample = (x: { rows: number; ms: number } | undefined) => (x ? { ...x, rowsPerSec: x.rows / (x.ms / 1000) } : null);
      results.idb = { bulkPut: sample(r.seed)!, readAll: sample(r.readAll), buildBlob: sample(r.buildBlob), syncPath: sample(r.syncPath) };
    }
  }
}

async function sectionInsights(extDir: string, bundle: string, sim: RemoteSim) {
  log(`\n[6] Insights page on 100,000 records (seeded store; first paint of 3 loads, 6 filter changes)${loadNote('insights')}`);
  const r = await insightsBench({ extDir, bundle, sim, truth: await sim.truth(), rows: 100_000, log });
  results.insights = { ...r, median: { firstPaintMs: median(r.firstPaintMs), filterMs: median(r.filterMs), worstFilterMs: Math.max(...r.filterMs) } };
}

async function sectionSources(extDir: string) {
  const cardsDataset = process.env.BENCH_ALTEGIO_CARDS === 'full' ? 'default' : 'small';
  log(
    `\n[7] Altegio «Export clients» (bulk list; per card on the ${cardsDataset === 'small' ? '120-client' : '1,850-client'} location) and LiveTex «Export leads» (5,000), ${LATENCY} ms per request${loadNote('sources')}`,
  );
  results.sources = await sourcesBench({ extDir, latencyMs: LATENCY, cardsDataset, log });
}

/** The floor at `latencyMs`, from the unchanged dataset (every simulator starts from the same seed). */
let pristine: { truth: Truth; knobs: RemoteSim['knobs'] } | null = null;
function floorFor(latencyMs: number): Floor {
  const key = String(latencyMs);
  results.fullSync.floors[key] ??= fullSyncFloor(pristine!.truth, pristine!.knobs, BRANCH, latencyMs, RATE);
  return results.fullSync.floors[key];
}

async function fullSync(
  extDir: string,
  sim: RemoteSim,
  latencyMs: number,
  rep: number,
  popupOpen = false,
): Promise<{ run: FullSyncRun; session: SyncSession }> {
  await sim.setKnobs({ latencyMs, apiRateLimit: RATE });
  floorFor(latencyMs);
  const session = await openSyncSession(extDir, sim);
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const run = await runSync(session, sim, { timeoutMs: latencyMs >= 200 ? 420_000 : 300_000, keepPopupOpen: popupOpen });
  lag.disable();
  if (run.ok) run.store = await checkStore(session, sim, BRANCH);
  const benchEventLoopDelayMs = { p99: Number((lag.percentile(99) / 1e6).toFixed(1)), max: Number((lag.max / 1e6).toFixed(1)) };
  const full: FullSyncRun = { ...run, latencyMs, rep, popupOpen, benchEventLoopDelayMs };
  results.fullSync.runs.push(full);
  log(
    `  extension ${latencyMs} ms #${rep}${popupOpen ? ' (popup open)' : ''}: ${run.ok ? fmtMs(run.wallMs) : `FAILED ${run.error} after ${fmtMs(run.wallMs)}`} ` +
      `(API part ${fmtMs(run.apiPartMs)}, board read ${fmtMs(run.uiPartMs)}); requests API ${run.requests.api}, UI ${run.requests.ui}; 429s ${run.status429}; store ${run.store?.detail ?? '—'}; ` +
      `bench event-loop delay p99 ${benchEventLoopDelayMs.p99} ms, max ${benchEventLoopDelayMs.max} ms`,
  );
  return { run: full, session };
}

/** bench/sequential-client.ts in a process of its own (bench/lib/peer-child.ts). */
function runPeerProcess(opts: Parameters<typeof sequentialSync>[0]): Promise<SequentialResult> {
  const child = fork(path.join(import.meta.dirname, 'lib', 'peer-child.ts'), [JSON.stringify(opts)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { ok: boolean; result?: SequentialResult; error?: string }) => (m.ok ? resolve(m.result!) : reject(new Error(m.error))));
    child.once('exit', (code) => reject(new Error(`peer process exited (${code})`)));
  });
}

/** The peer baseline (bench/sequential-client.ts) on its own simulator. */
async function peerSync(simP: RemoteSim, latencyMs: number): Promise<void> {
  await simP.setKnobs({ latencyMs, apiRateLimit: RATE });
  await simP.resetStats();
  const c = simP.credentials;
  try {
    const peer = await runPeerProcess({
      baseUrl: simP.url,
      branch: BRANCH,
      apiEmail: c.apiEmail,
      apiKey: c.apiKey,
      uiLogin: c.uiLogin,
      uiPassword: c.uiPassword,
      ratePerSecond: RATE,
    });
    const t = await simP.truth();
    const floor = floorFor(latencyMs);
    const recordsMatch =
      peer.records.active === t.activeIds(BRANCH).length &&
      peer.records.archived === t.archivedLeadIds(BRANCH).length + t.archivedCustomerIds(BRANCH).length &&
      peer.records.uiArchivedLeads === t.archivedLeadIds(BRANCH).length &&
      peer.shortColumns.length === 0;
    results.fullSync.peers[String(latencyMs)] = {
      ...peer,
      latencyMs,
      recordsMatch,
      ratioToParallelFloor: peer.wallMs / floor.parallelMs,
      ratioToSerialFloor: peer.wallMs / floor.serialMs,
    };
    log(
      `  peer      ${latencyMs} ms:    ${fmtMs(peer.wallMs)} (API ${fmtMs(peer.apiMs)}, UI ${fmtMs(peer.uiMs)}); requests API ${peer.requests.api}, UI ${peer.requests.ui} (+${peer.requests.login} login); 429s ${peer.status429}; ` +
        `records ${peer.records.active} active / ${peer.records.archived} archived / ${peer.records.uiArchivedLeads} on the board${recordsMatch ? ' = truth' : ' ≠ truth'}`,
    );
  } catch (e) {
    notes.push(`peer baseline at ${latencyMs} ms failed: ${(e as Error).message}`);
    log(`  peer ${latencyMs} ms: FAILED ${(e as Error).message}`);
  }
}

/**
 * Items 1 and 2. The extension's full syncs (default latency first, on simulator A, then the
 * incremental runs there; the other latencies on simulator B) one after the other; alongside,
 * the peer script does the same full syncs, one after the other, on simulator P. The peer is
 * light (one request at a time from this process; its simulator is a process of its own).
 */
async function sectionSyncs(extDir: string, simA: RemoteSim, simB: RemoteSim, simP: RemoteSim) {
  log(
    `\n[1] First full sync at ${LATENCY} ms, ${RATE} requests/s; the peer script runs the same syncs (${[LATENCY, ...SWEEP].join(', ')} ms) meanwhile on its own simulator${loadNote(`full sync ${LATENCY} ms`)}`,
  );
  // BENCH_SYNC_QUICK=1: only the first full sync, the incremental runs and the export after them.
  const quick = process.env.BENCH_SYNC_QUICK === '1';
  const peerTrack = (async () => {
    if (!quick) for (const latencyMs of [LATENCY, ...SWEEP]) await peerSync(simP, latencyMs);
  })();
  try {
    const { session } = await fullSync(extDir, simA, LATENCY, 1);
    try {
      await incrementalRuns(session, simA);
    } finally {
      await session.close();
    }
    if (quick) return;
    log(`\n[1] First full sync at other latencies (${SWEEP.join(', ')} ms)${loadNote('full sync sweep')}`);
    for (const latencyMs of SWEEP) {
      const { session: s } = await fullSync(extDir, simB, latencyMs, 1);
      await s.close();
    }
  } finally {
    await peerTrack;
  }
  // Optional: a second repetition at the default latency, when the budget allows it.
  const last = results.fullSync.runs.find((r) => r.latencyMs === LATENCY)?.wallMs ?? 150_000;
  if (elapsed() + last * 1.15 + 20_000 < BUDGET_MS) {
    log(`\n[1] Second full sync at ${LATENCY} ms (the time budget allows it)${loadNote('full sync rep 2')}`);
    const { session } = await fullSync(extDir, simB, LATENCY, 2);
    await session.close();
  } else {
    notes.push(
      `second full sync at ${LATENCY} ms skipped: it would have ended past the ${BUDGET_MS / 1000} s budget (elapsed ${(elapsed() / 1000).toFixed(0)} s, one run ${(last / 1000).toFixed(0)} s)`,
    );
    log(`  (second full sync at ${LATENCY} ms skipped to stay within ${BUDGET_MS / 1000} s)`);
  }
  if (process.env.BENCH_SYNC_POPUP_OPEN === '1') {
    log(`\n[1] Full sync at ${LATENCY} ms with the popup kept open (as tests/e2e/sync-helpers.ts does)`);
    const { session } = await fullSync(extDir, simB, LATENCY, 1, true);
    await session.close();
  }
}

async function incrementalRuns(session: SyncSession, simA: RemoteSim) {
  log(`\n[2] Incremental syncs on the same browser and simulator (${LATENCY} ms)${loadNote('incremental')}`);
  const inc = async (kind: IncrementalRun['kind'], columnChanges?: IncrementalRun['columnChanges']) => {
    const run = await runSync(session, simA, { timeoutMs: 240_000 });
    if (run.ok && kind !== 'no change') run.store = await checkStore(session, simA, BRANCH);
    results.incremental.runs.push({ ...run, kind, ...(columnChanges ? { columnChanges } : {}) });
    log(
      `  ${kind}: ${run.ok ? fmtMs(run.wallMs) : `FAILED ${run.error}`}; requests API ${run.requests.api}, UI ${run.requests.ui} (${JSON.stringify(run.byKind)}); 429s ${run.status429}${run.store ? `; store ${run.store.detail}` : ''}`,
    );
  };
  for (let i = 0; i < 3; i++) await inc('no change');
  // 50 changes: 5 archived leads restored, 45 leads archived. Which board column (reject reason,
  // 0 = none) each leaves or enters is noted, read before a restore clears the reason.
  const columnOf = (t: Truth, id: number) => String(t.records().find((r) => r.id === id)?.lead_reject_id ?? 0);
  const changes: Record<string, [number, number]> = {};
  const before = await simA.truth();
  const restore = before.archivedLeadIds(BRANCH).slice(0, 5);
  for (const id of restore) (changes[columnOf(before, id)] ??= [0, 0])[1]++;
  for (const id of restore) await simA.restoreLead(id);
  const archived = await simA.archiveLeads(BRANCH, 45);
  const after = await simA.truth();
  for (const id of archived) (changes[columnOf(after, id)] ??= [0, 0])[0]++;
  await inc('archive 45 + restore 5', changes);
  const ex = (results.incremental.exportAfterSync = await exportAfterSync(session, simA, after.archivedLeadIds(BRANCH).length));
  log(
    `  «Export archive» after the sync: ${ex.ok ? fmtMs(ex.wallMs) : `FAILED ${ex.error}`}; ${ex.rows} rows; requests API ${ex.requests.api}, UI ${ex.requests.ui}`,
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const chromium = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' });
  results.meta.chromium = (chromium.stdout ?? '').trim().split(' built')[0] || 'Chromium';
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout ?? '';
  results.meta.commit = git('rev-parse', '--short', 'HEAD').trim();
  // Porcelain lines are «XY path»: the status letters may start with a space.
  results.meta.changedFiles = git('status', '--porcelain', '--untracked-files=no')
    .split('\n')
    .filter((l) => l.length > 3)
    .map((l) => l.slice(3));
  const { ms: buildMs, extDir } = build();
  results.meta.buildMs = buildMs;
  log(`  built in ${fmtMs(buildMs)}; loading a copy from ${extDir}`);
  const bundle = await bundleForPage('page/store-bench.ts');
  // Three simulators, each in a process of its own: A for the first sync and the incremental
  // runs (it gets mutated), B for the other full syncs, P for the peer script.
  const [simA, simB, simP] = await Promise.all([0, 1, 2].map(() => RemoteSim.start({ knobs: { latencyMs: LATENCY, apiRateLimit: RATE } })));
  pristine = { truth: await simB.truth(), knobs: simB.knobs };
  try {
    if (wants('content')) await sectionContent(extDir, simB);
    if (wants('export')) await sectionExport(extDir, bundle, simB);
    if (wants('insights')) await sectionInsights(extDir, bundle, simB);
    if (wants('sync')) await sectionSyncs(extDir, simA, simB, simP);
    if (wants('sources')) await sectionSources(extDir);
  } finally {
    await Promise.all([simA, simB, simP].map((s) => s.close()));
    rmSync(extDir, { recursive: true, force: true });
  }
  results.meta.totalMs = elapsed();
  results.meta.finishedAt = new Date().toISOString();
  results.meta.loadavgEnd = loadavg().map((x) => Number(x.toFixed(2)));
  summarise();
  const text = report();
  writeFileSync(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify({ ...results, table: text }, null, 2)}\n`);
  log(`\n${text}\n\nRaw numbers: bench/results.json`);
  if (results.meta.totalMs > 600_000) log(`(took ${fmtMs(results.meta.totalMs)}: more than 10 minutes on this machine)`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
