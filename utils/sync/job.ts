/**
 * The sync job as persisted in IndexedDB: everything needed to resume after the service worker
 * stops, the tab closes or the browser restarts. Work is committed in the same transaction as
 * the cursor that says it is done, so a stop loses at most the step in flight (which is redone;
 * records are keyed by id, so redoing never duplicates).
 */
import type { ErrorInfo } from '../errors';

export type JobState = 'idle' | 'running' | 'paused' | 'error';
export type PauseReason = 'session-expired' | 'rate-limited' | 'malformed-response' | 'api-key-rejected' | 'network';

/** One `customer/index` query read page by page. */
export interface ApiPass {
  name: 'active' | 'archived' | 'changed' | 'changed-archived' | 'archive-count';
  filter: Record<string, unknown>;
  /** Records of this pass are archived (fetched with removed=2). null: decided by a later pass. */
  archived: boolean | null;
  total: number | null;
  pagesDone: number[];
  ids: number[];
  /** Ids whose record differed from the stored one (changed since we last saw it). */
  novel: number[];
  done: boolean;
}

export interface UiProgress {
  /** 'failed': the board read beside a full run's API part failed; the run pauses with `error` once its API part is done. */
  state: 'pending' | 'requested' | 'done' | 'waiting-tab' | 'failed';
  error?: ErrorInfo;
  /** Column id → board-count of the columns read in this run. */
  columnsDone: Record<string, number>;
  /** Column id → board-count as of the last complete read (to skip unchanged columns). */
  lastCounts: Record<string, number>;
  expected: number | null;
  requestedAt?: string;
}

export interface SyncJob {
  key: string;
  origin: string;
  branch: number;
  state: JobState;
  mode: 'full' | 'incremental';
  phase: 'dicts' | 'api' | 'ui' | 'done';
  passes: ApiPass[];
  ui: UiProgress;
  /** UI reported archived total (sum of board-counts), API archived total, at the last read. */
  uiArchived: number | null;
  apiArchived: number | null;
  attempts: number;
  pausedReason?: ErrorInfo;
  lastError?: ErrorInfo;
  runStartedAt?: string;
  lastSuccessAt?: string;
  /** Start of the last successful run: the next incremental asks for changes since then. */
  lastSuccessStartedAt?: string;
  /** Retry-After of a rate-limit pause (epoch ms). */
  resumeAfter?: number;
  /** Archived records in the store and what disagrees, as of the last complete run. */
  reconciled?: { stored: number; differences: string[] };
}

export function jobKey(origin: string, branch: number): string {
  return `${origin}|${branch}`;
}

export function newJob(origin: string, branch: number): SyncJob {
  return {
    key: jobKey(origin, branch),
    origin,
    branch,
    state: 'idle',
    mode: 'full',
    phase: 'done',
    passes: [],
    ui: { state: 'pending', columnsDone: {}, lastCounts: {}, expected: null },
    uiArchived: null,
    apiArchived: null,
    attempts: 0,
  };
}

export function pass(name: ApiPass['name'], filter: Record<string, unknown>, archived: boolean | null): ApiPass {
  return { name, filter, archived, total: null, pagesDone: [], ids: [], novel: [], done: false };
}

/** `YYYY-MM-DD HH:MM:SS` a day before `iso`: the API's format, with room for any time zone. */
export function updatedSince(iso: string): string {
  const d = new Date(Date.parse(iso) - 24 * 3600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** The passes of a run: a full read, or the changes since the last good run plus a count check. */
export function planPasses(job: SyncJob): ApiPass[] {
  if (job.mode === 'full' || !job.lastSuccessStartedAt) {
    return [pass('active', { removed: 0, is_study: 2 }, false), pass('archived', { removed: 2, is_study: 2 }, true)];
  }
  return [
    pass('changed', { removed: 1, is_study: 2, updated_at_from: updatedSince(job.lastSuccessStartedAt) }, null),
    pass('archive-count', { removed: 2, is_study: 2 }, true),
  ];
}

/** Start a run: the cursor goes back to the beginning; what was learnt before stays. */
export function startRun(job: SyncJob, mode: 'full' | 'incremental', now: string): SyncJob {
  const next: SyncJob = { ...job, mode, state: 'running', phase: mode === 'full' ? 'dicts' : 'api', runStartedAt: now, attempts: 0 };
  next.passes = planPasses(next);
  next.ui = { ...job.ui, state: 'pending', columnsDone: {}, expected: null };
  delete next.pausedReason;
  delete next.lastError;
  return next;
}
