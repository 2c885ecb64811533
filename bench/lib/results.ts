/**
 * The benchmark's settings (from the environment) and the results object every section fills
 * and the report reads; bench/results.json is this object.
 */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import type { Floor } from './floor';
import type { SequentialResult } from '../sequential-client';
import type { ContentScriptResult } from '../sections/content-script';
import type { InsightsBenchResult } from '../sections/insights';
import type { SourcesResult } from '../sections/sources';
import type { ExportResult } from '../sections/store';
import type { ExportAfterSync, SyncRun } from '../sections/sync';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BUILD_DIR = path.join(ROOT, '.output', 'chrome-mv3-e2e');
const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
export const LATENCY = num(process.env.BENCH_LATENCY_MS, 50);
export const RATE = num(process.env.BENCH_RATE, 5);
export const SWEEP = [10, 200].filter((l) => l !== LATENCY);
export const BUDGET_MS = num(process.env.BENCH_BUDGET_S, 570) * 1000;
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
export const wants = (section: string) => !ONLY || ONLY.has(section);
export const BRANCH = 1;

export const T0 = Date.now();
export const elapsed = () => Date.now() - T0;
export const log = (s: string) => console.log(s);
/** The machine's 1-minute load average now, for the section headings (the machine may be shared). */
export const sectionLoad: Record<string, number> = {};
export const loadNote = (section: string) => {
  sectionLoad[section] = Number(loadavg()[0].toFixed(2));
  return ` [load ${sectionLoad[section]}]`;
};
export const notes: string[] = [];

// ---------------------------------------------------------------------------------------------
// Results

export interface FullSyncRun extends SyncRun {
  latencyMs: number;
  rep: number;
  popupOpen: boolean;
  /**
   * Event-loop delay of this Node process (which hosts the simulators) during the run: the
   * simulator stamps requests for its rate limit when it handles them, so a long delay here could
   * bunch requests that arrived apart. p99 and max in ms.
   */
  benchEventLoopDelayMs: { p99: number; max: number };
}

export interface IncrementalRun extends SyncRun {
  kind: 'no change' | 'archive 45 + restore 5';
  /** The mutations by archive-board column: column id → [leads in before, leads out]. */
  columnChanges?: Record<string, [number, number]>;
}

export type PeerRun = SequentialResult & { latencyMs: number; ratioToParallelFloor: number; ratioToSerialFloor: number; recordsMatch: boolean };

export interface IdbSample {
  rows: number;
  ms: number;
  rowsPerSec: number;
}

export interface Target {
  id: string;
  target: string;
  measured: string;
  value: number | null;
  limit: number;
  pass: boolean | null;
  note?: string;
}

export const results = {
  meta: {
    startedAt: new Date(T0).toISOString(),
    finishedAt: '',
    totalMs: 0,
    node: process.version,
    chromium: '',
    /** The product as measured: git HEAD and the tracked files changed on top of it. */
    commit: '',
    changedFiles: [] as string[],
    cpus: cpus().length,
    loadavgStart: loadavg().map((x) => Number(x.toFixed(2))),
    loadavgEnd: [] as number[],
    /** 1-minute load average at the start of each section. */
    sectionLoad,
    knobs: { latencyMs: LATENCY, apiRateLimit: RATE, sweepLatenciesMs: [LATENCY, ...SWEEP].sort((a, b) => a - b) },
    budgetMs: BUDGET_MS,
    buildMs: 0,
    notes,
  },
  fullSync: {
    floors: {} as Record<string, Floor>,
    runs: [] as FullSyncRun[],
    medians: {} as Record<
      string,
      {
        n: number;
        wallMs: number;
        apiPartMs: number;
        uiPartMs: number;
        apiRequests: number;
        uiRequests: number;
        status429: number;
        ratioToParallelFloor: number;
        ratioToSerialFloor: number;
      }
    >,
    /** The peer baseline at each latency, run at the same time as the extension's first run there. */
    peers: {} as Record<string, PeerRun>,
    /** Extension median wall ÷ peer wall, per latency. */
    productToPeer: {} as Record<string, number>,
  },
  incremental: {
    runs: [] as IncrementalRun[],
    medians: {} as Record<string, { n: number; wallMs: number; apiRequests: number; uiRequests: number }>,
    exportAfterSync: null as ExportAfterSync | null,
  },
  /**
   * By row count. `median` is over the popup-button runs (the judged ones); when none finished
   * in time, toFileMs is the time waited (a lower bound) and `finished` is false.
   */
  export: {} as Record<
    string,
    ExportResult & { median: { toFileMs: number; finished: boolean; extensionRss: number; extensionPss: number; extensionPrivate: number } | null }
  >,
  contentScript: null as
    | (ContentScriptResult & {
        median: {
          attributedMs: number;
          attributedCpuMs: number;
          evaluateScriptMs: number;
          withMs: number;
          withoutMs: number;
          addedAbMs: number;
          withCpuMs: number;
          withoutCpuMs: number;
          addedAbCpuMs: number;
        };
      })
    | null,
  idb: null as { bulkPut: IdbSample; readAll: IdbSample | null; buildBlob?: IdbSample | null; syncPath: IdbSample | null } | null,
  /** The Insights page on a seeded store (section 6). */
  insights: null as (InsightsBenchResult & { median: { firstPaintMs: number; filterMs: number; worstFilterMs: number } }) | null,
  /** Altegio's and LiveTex's exports through their buttons (section 7), one run each. */
  sources: null as SourcesResult | null,
  targets: [] as Target[],
};
