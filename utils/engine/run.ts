/**
 * A job and its run, as persisted in IndexedDB: everything needed to go on after the service
 * worker stops, a tab closes or the browser restarts. A run is a list of tasks, each with its
 * cursor; work is committed in the same transaction as the cursor that says it is done, so a
 * stop loses at most the step in flight (redone; records are keyed by id, so never doubled).
 * Pure: no I/O here.
 */
import type { ErrorInfo } from '../errors';
import type { NoteKey, Phrase, ReconKey } from '../i18n/keys';
import type { RunMode, SourceId, TabProgress } from './source';

export type JobState = 'idle' | 'running' | 'paused' | 'error';

/** A paged API query; `query` is the source's own (filters), opaque to the engine. */
export interface ApiTask {
  kind: 'api';
  name: string;
  query: Record<string, unknown>;
  total: number | null;
  pagesDone: number[];
  ids: number[];
  /** Ids whose record was new or changed (the source decides). */
  novel: number[];
  /** How often the pass started over because the list moved under it. */
  restarts: number;
  /** When its last page was committed. */
  pagedAt?: string;
  /**
   * A list whose new items come first (a log): growing while it is read shifts items to later
   * pages (read twice, never missed), so growth does not send the read back to the start.
   */
  newestFirst?: boolean;
  /** Pages asked for in one step, when not the pager's default (1: a read that usually ends at once). */
  perStep?: number;
  /** The source found the rest of the list known already (a newest-first read down to a mark). */
  ended?: boolean;
  done: boolean;
}

/** A one-shot step of the source (dictionaries, a count check). */
export interface StepTask {
  kind: 'step';
  name: string;
  done: boolean;
}

/** A read through a CRM tab's session (tab-read protocol). */
export interface TabTask {
  kind: 'tab';
  name: string;
  /** Requested at the run's start and read beside the other tasks. */
  alongside: boolean;
  state: 'pending' | 'requested' | 'waiting-tab' | 'done' | 'failed';
  /** The tab it must be read in (an export's own tab); else any tab of the account. */
  tabId?: number;
  /** The tab reading it now. */
  readerTab?: number;
  unitsDone: Record<string, number>;
  expected: number | null;
  error?: ErrorInfo;
  requestedAt?: string;
  /** When the tab last reported (a silent tab is given up on). */
  heardAt?: string;
  /** Where the read stands, as its last unit said (else the units' counts add up to it). */
  progress?: TabProgress;
}

/** Writes the export file and downloads it. */
export interface FileTask {
  kind: 'file';
  name: 'file';
  scope: string;
  done: boolean;
}

export type Task = ApiTask | StepTask | TabTask | FileTask;

export interface ExportResult {
  fileName: string;
  rows: number;
  /** Where the rows' data came from: the API and the page, or the page only. */
  source: 'api+ui' | 'ui';
  /** What the file holds, when it is less than asked (a message key). */
  note?: NoteKey;
  /** The page's account is not among the configured ones (the button offers to add it). */
  unconfigured?: boolean;
}

/** The export a user asked for with a click: delivered when the run completes. */
export interface ExportRequest {
  scope: string;
  tabId: number;
  requestedAt: string;
  result?: ExportResult;
  error?: ErrorInfo;
}

export interface Run {
  /** Its start time, ISO: also its id. */
  id: string;
  mode: RunMode;
  tasks: Task[];
  /** Whether completing it counts as a sync (everything changed since the last is read). */
  syncs: boolean;
  exports: ExportRequest[];
}

export interface Job {
  key: string;
  source: SourceId;
  account: string;
  partition: string;
  state: JobState;
  run?: Run;
  attempts: number;
  pausedReason?: ErrorInfo;
  lastError?: ErrorInfo;
  /** Retry time of a pause that cures itself (epoch ms). */
  resumeAfter?: number;
  lastSuccessAt?: string;
  /** Start of the last complete sync: the next incremental asks for changes since then. */
  lastSuccessStartedAt?: string;
  /** Incremental runs since the last full one (a full verification comes every few). */
  incrementals: number;
  /** Exports of earlier runs, kept a while for the tabs that asked to read their outcome. */
  finishedExports?: (ExportRequest & { runId: string })[];
  /** What the source keeps between runs (counts seen, unit counts), opaque to the engine. */
  memo: Record<string, unknown>;
  /** What the page, the API and the store said of the archive at the last complete run. */
  reconciled?: Reconciliation;
}

/** One kind of record counted three ways: what the CRM's page and its API say, and what the store holds. */
export interface ReconLine {
  label: ReconKey;
  /** null: not read. */
  page: number | null;
  api: number | null;
  stored: number | null;
}

export interface Reconciliation {
  /** Like with like, one line per kind (absent in what older versions kept: shown after the next sync). */
  lines?: ReconLine[];
  /** Each as a phrase, said in the user's language by the popup. */
  differences: Phrase[];
}

export function jobKey(source: SourceId, account: string, partition: string): string {
  return `${source}|${account}|${partition}`;
}

export function newJob(source: SourceId, account: string, partition: string): Job {
  return { key: jobKey(source, account, partition), source, account, partition, state: 'idle', attempts: 0, incrementals: 0, memo: {} };
}

export function apiTask(name: string, query: Record<string, unknown>, shape: Pick<ApiTask, 'newestFirst' | 'perStep'> = {}): ApiTask {
  return { kind: 'api', name, query, total: null, pagesDone: [], ids: [], novel: [], restarts: 0, ...shape, done: false };
}

export function stepTask(name: string): StepTask {
  return { kind: 'step', name, done: false };
}

export function tabTask(name: string, alongside: boolean, tabId?: number): TabTask {
  return { kind: 'tab', name, alongside, state: 'pending', unitsDone: {}, expected: null, ...(tabId == null ? {} : { tabId }) };
}

export function fileTask(scope: string): FileTask {
  return { kind: 'file', name: 'file', scope, done: false };
}

export function isDone(t: Task): boolean {
  return t.kind === 'tab' ? t.state === 'done' : t.done;
}

/**
 * The task to work on: the first unfinished one, passing over tab reads that run alongside
 * (they report by message), which come when nothing else is left; files come last of all.
 */
export function nextTask(run: Run): Task | undefined {
  const open = run.tasks.filter((t) => !isDone(t));
  return open.find((t) => t.kind !== 'file' && !(t.kind === 'tab' && t.alongside)) ?? open.find((t) => t.kind !== 'file') ?? open[0];
}

const KEEP_FINISHED = 5;

/** Starts a run: the cursor goes back to the beginning; what was learnt before stays. */
export function startRun(job: Job, mode: RunMode, tasks: Task[], now: string, syncs: boolean): Job {
  const old = (job.run?.exports ?? []).map((x) => ({ ...x, runId: job.run!.id }));
  const finishedExports = [...(job.finishedExports ?? []), ...old].slice(-KEEP_FINISHED);
  const next: Job = { ...job, state: 'running', attempts: 0, finishedExports, run: { id: now, mode, tasks, syncs, exports: [] } };
  delete next.pausedReason;
  delete next.lastError;
  delete next.resumeAfter;
  return next;
}

export function findTab(run: Run | undefined, name: string): TabTask | undefined {
  return run?.tasks.find((t): t is TabTask => t.kind === 'tab' && t.name === name);
}
