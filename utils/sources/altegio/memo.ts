/**
 * What Altegio's jobs keep between runs (Job.memo): the location's UTC offset (for
 * `changed_after`), when the last complete id pass was, the channel the page's rows came by,
 * and the chunks of the last per-card pass (so an interrupted one resumes, and the tab's sync
 * reads every card at most daily).
 */
import type { Job } from '../../engine/run';

export interface CardPass {
  runId: string;
  at: string;
  chunks: Record<string, number>;
  complete: boolean;
}

export interface AltegioMemo {
  offsetMin?: number;
  /**
   * Per side, the start of the last run whose list read (whole, or its changes) completed: each
   * side's changes are asked since its own (an export through the page alone says nothing of the API's).
   */
  listedAt?: Partial<Record<'api' | 'ui', string>>;
  idPassAt?: string;
  rows?: 'list' | 'cards';
  cards?: CardPass;
}

const DAY_MS = 24 * 3600_000;
/** An export resumes a per-card pass interrupted this recently. */
const RESUME_MS = 6 * 3600_000;

export const memoOf = (job: Pick<Job, 'memo'>) => job.memo as AltegioMemo;

export function idPassDue(job: Pick<Job, 'memo'>, now = Date.now()): boolean {
  const at = memoOf(job).idPassAt;
  return !at || now - Date.parse(at) > DAY_MS;
}

/** The chunks a run's per-card read may skip: an interrupted pass (export), or any pass of today (sync). */
export function skippableCards(job: Pick<Job, 'memo' | 'run'>, now = Date.now()): Record<string, number> {
  const c = memoOf(job).cards;
  if (!c) return {};
  const age = now - Date.parse(c.at);
  const ok = job.run?.mode === 'export' ? !c.complete && age < RESUME_MS : age < DAY_MS;
  return ok ? c.chunks : {};
}

/** Records a chunk read in this run; the first of the run starts a new pass unless it resumes one. */
export function noteCardChunk(job: Pick<Job, 'memo' | 'run'>, key: string, count: number, now = new Date()): void {
  const memo = memoOf(job);
  const runId = job.run!.id;
  if (memo.cards?.runId !== runId) {
    const resumed = Object.keys(skippableCards(job, now.getTime())).length > 0;
    memo.cards = resumed ? { ...memo.cards!, runId, complete: false } : { runId, at: now.toISOString(), chunks: {}, complete: false };
  }
  memo.cards!.chunks[key] = count;
}

/** A side's list read completed in this run. */
export function noteListed(job: Pick<Job, 'memo' | 'run'>, side: 'api' | 'ui'): void {
  const memo = memoOf(job);
  memo.listedAt = { ...memo.listedAt, [side]: job.run!.id };
}
