/**
 * Reading the change log into the store: one page per step, newest first, down to the entries an
 * earlier read saw. Each page waits in a list of its own; the last step folds them into the
 * branch's `changeLog:{branch}` list. A stopped worker redoes one step's pages, never the read.
 */
import { z } from 'zod';
import { stepTask, type ApiTask, type Job } from '../../engine/run';
import type { RunContext, StepOutcome } from '../../engine/source';
import type { ExportDb } from '../../engine/store';
import { CrmError } from '../../errors';
import type { AlfaApiClient } from './api-client';
import { envelope } from './api-schemas';
import { API_PAGE_SIZE } from './api-sync';
import { PASSES, STEPS } from './plan';
import { foldBackwards, isNew, logEntry, markOf, overlay, type LogEntry, type LoggedRecord, type LogMark } from './change-log';

/** No account's log is longer than this many pages: a pager past it is broken. */
const MAX_PAGES = 40_000;
/** Log pages asked for in one step, once the first page has told the total. */
const PAGES_PER_STEP = 4;

/** A read under way, in the job's memo. */
interface LogRead {
  runId: string;
  page: number;
  total: number;
  /** The mark the read leaves when it ends: its first page's newest entries. */
  top: LogMark | null;
}

const logPage = envelope(z.unknown());
export const logListName = (branch: string): string => `changeLog:${branch}`;
const pagePrefix = (branch: string) => `changeLogPage:${branch}:`;

/** Entries of other shapes (another entity, a field this reader does not know) are passed over. */
function entriesOf(items: unknown[]): LogEntry[] {
  const out: LogEntry[] = [];
  for (const item of items) {
    const e = logEntry.safeParse(item);
    if (e.success) out.push(e.data);
  }
  return out;
}

export function readOf(job: Job): LogRead | null {
  const read = job.memo.changeLogRead as LogRead | null | undefined;
  return read && read.runId === job.run?.id ? read : null;
}

/** An incremental run whose API saw no change and the same archive count: the log has nothing new to say. */
function quietRun(job: Job): boolean {
  if (job.run?.mode !== 'incremental') return false;
  const changed = job.run.tasks.find((t): t is ApiTask => t.kind === 'api' && t.name === PASSES.changed);
  return !!changed?.done && changed.novel.length === 0 && !job.run.tasks.some((t) => t.name === PASSES.archived);
}

async function pendingPages(db: ExportDb, account: string, branch: string) {
  const prefix = pagePrefix(branch);
  return db.lists
    .where('[source+account+name]')
    .between(['alfacrm', account, prefix], ['alfacrm', account, `${prefix}\uffff`])
    .toArray();
}

/** Folds the pages of a finished read (page 0 first: newest) over what the branch's log said before. */
async function foldPages(db: ExportDb, job: Job): Promise<void> {
  await db.transaction('rw', db.lists, async () => {
    const pages = await pendingPages(db, job.account, job.partition);
    const newer = foldBackwards(pages.flatMap((p) => p.items as LogEntry[]));
    await db.lists.bulkDelete(pages.map((p) => [p.source, p.account, p.name]));
    if (newer.size === 0) return;
    const stored = await db.lists.get(['alfacrm', job.account, logListName(job.partition)]);
    const older = new Map(((stored?.items ?? []) as LoggedRecord[]).map((r) => [r.id, r]));
    const items = [...overlay(older, newer).values()];
    await db.lists.put({ source: 'alfacrm', account: job.account, name: logListName(job.partition), items, fetchedAt: new Date().toISOString() });
  });
}

export async function readChangeLog(ctx: RunContext<AlfaApiClient>): Promise<StepOutcome> {
  const { job, db } = ctx;
  let read = readOf(job);
  if (!read) {
    if (quietRun(job)) return {};
    // Pages an interrupted earlier run left are of another moment of the log: read afresh.
    const stale = await pendingPages(db, job.account, job.partition);
    await db.lists.bulkDelete(stale.map((p) => [p.source, p.account, p.name]));
    read = { runId: job.run!.id, page: 0, total: 0, top: null };
  }
  if (read.page >= MAX_PAGES) throw new CrmError('pager-never-ends', `change log: ${read.page} pages`);
  // Page 0 alone says how long the log is; then a few pages a step, asked together (the client
  // paces them): a step's commit no longer stands between two requests.
  const mark = (job.memo.changeLogMark as LogMark | null | undefined) ?? null;
  // A read down to a mark usually ends within a page or two: pages in batches only for a first, whole read.
  const batch = mark ? 1 : PAGES_PER_STEP;
  const left = read.total ? Math.ceil(read.total / API_PAGE_SIZE) - read.page : 1;
  const numbers = Array.from({ length: Math.max(1, Math.min(batch, left)) }, (_, i) => read.page + i);
  const answers = await Promise.all(numbers.map((page) => ctx.client!.post(`/v2api/${job.partition}/log/index`, { entity: 'Customer', page }, logPage)));
  let { top, total } = read;
  let next = read.page;
  let more = true;
  const kept = [];
  for (const [i, res] of answers.entries()) {
    const page = numbers[i];
    const items = entriesOf(res.items);
    const fresh = items.filter((e) => isNew(e, mark));
    if (page === 0) top = markOf(items);
    total = res.total;
    kept.push({
      source: 'alfacrm' as const,
      account: job.account,
      name: `${pagePrefix(job.partition)}${String(page).padStart(6, '0')}`,
      items: fresh,
      fetchedAt: new Date().toISOString(),
    });
    next = page + 1;
    // Newest first: a page that reaches entries read before is the last one needed.
    more = res.items.length > 0 && fresh.length === items.length && next * API_PAGE_SIZE < res.total;
    if (!more) break;
  }
  await db.lists.bulkPut(kept);
  if (more) return { tasks: [stepTask(STEPS.changeLog)], memo: { changeLogRead: { ...read, page: next, total, top } } };
  await foldPages(db, job);
  return { memo: { changeLogRead: null, changeLogMark: top ?? mark } };
}

/** The log as the branch's last complete read left it, by record id. */
export async function loggedRecords(db: ExportDb, account: string, branch: string): Promise<Map<number, LoggedRecord>> {
  const row = await db.lists.get(['alfacrm', account, logListName(branch)]);
  return new Map(((row?.items ?? []) as LoggedRecord[]).map((r) => [r.id, r]));
}
