/**
 * Reading the change log through the engine's one API pager: a newest-first list, read whole the
 * first time (pages together, as the passes are) and later only down to the entries an earlier
 * read saw (one page a step: it usually ends on the first). Each page waits in a list of its own,
 * named by run and page; the task's end folds this run's pages into the branch's `changeLog:{branch}`.
 */
import { z } from 'zod';
import { apiTask, type ApiTask, type Job } from '../../engine/run';
import type { PageCommit, RunContext } from '../../engine/source';
import type { ExportDb } from '../../engine/store';
import type { AlfaApiClient } from './api-client';
import { envelope } from './api-schemas';
import { foldBackwards, isNew, logEntry, markOf, overlay, type LogEntry, type LoggedRecord, type LogMark } from './change-log';

export const LOG_PASS = 'change-log';
/** A page's position in the log numbers its entries for the pager (entries need not carry an id). */
const PAGE_SPAN = 100_000;

const logPage = envelope(z.unknown());
export const logListName = (branch: string): string => `changeLog:${branch}`;
const pagePrefix = (branch: string) => `changeLogPage:${branch}:`;

type Ctx = RunContext<AlfaApiClient>;
type Positioned = { id: number; entry: unknown };

const markOfJob = (job: Job) => (job.memo.changeLogMark as LogMark | null | undefined) ?? null;

/** The log's read: whole when no read has ended before, else down to the last read's mark. */
export function logTask(job: Job): ApiTask {
  return apiTask(LOG_PASS, { entity: 'Customer' }, { newestFirst: true, ...(markOfJob(job) ? { perStep: 1 } : {}) });
}

export async function fetchLogPage(client: AlfaApiClient, job: Job, page: number): Promise<{ items: Positioned[]; total: number }> {
  const res = await client.post(`/v2api/${job.partition}/log/index`, { entity: 'Customer', page }, logPage);
  return { total: res.total, items: res.items.map((entry, i) => ({ id: page * PAGE_SPAN + i, entry })) };
}

/** Entries of other shapes (another entity, a field this reader does not know) are passed over. */
function entriesOf(items: Positioned[]): LogEntry[] {
  const out: LogEntry[] = [];
  for (const item of items) {
    const e = logEntry.safeParse(item.entry);
    if (e.success) out.push(e.data);
  }
  return out;
}

export async function commitLogPage(ctx: Ctx, items: { id: number }[]): Promise<PageCommit> {
  const { job, db } = ctx;
  const page = Math.floor((items[0]?.id ?? 0) / PAGE_SPAN);
  const entries = entriesOf(items as Positioned[]);
  const fresh = entries.filter((e) => isNew(e, markOfJob(job)));
  // The newest entries become the next read's mark once this read ends.
  if (page === 0) job.memo.changeLogTop = { runId: job.run!.id, top: markOf(entries) };
  const name = `${pagePrefix(job.partition)}${job.run!.id}:${String(page).padStart(6, '0')}`;
  await db.lists.put({ source: 'alfacrm', account: job.account, name, items: fresh, fetchedAt: new Date().toISOString() });
  // Newest first: a page that reaches entries read before is the last one needed.
  return { novel: [], restKnown: items.length === 0 || fresh.length < entries.length };
}

/** Folds this run's pages (newest first) over what the branch's log said; pages of runs that never ended are dropped. */
export async function finishLogRead(ctx: Ctx): Promise<void> {
  const { job, db } = ctx;
  const prefix = pagePrefix(job.partition);
  const pages = await db.lists
    .where('[source+account+name]')
    .between(['alfacrm', job.account, prefix], ['alfacrm', job.account, `${prefix}\uffff`])
    .toArray();
  const mine = pages.filter((p) => p.name.startsWith(`${prefix}${job.run!.id}:`));
  await db.lists.bulkDelete(pages.map((p) => [p.source, p.account, p.name]));
  const newer = foldBackwards(mine.flatMap((p) => p.items as LogEntry[]));
  const top = job.memo.changeLogTop as { runId: string; top: LogMark | null } | undefined;
  if (top?.runId === job.run!.id && top.top) job.memo.changeLogMark = top.top;
  delete job.memo.changeLogTop;
  if (newer.size === 0) return;
  const stored = await db.lists.get(['alfacrm', job.account, logListName(job.partition)]);
  const older = new Map(((stored?.items ?? []) as LoggedRecord[]).map((r) => [r.id, r]));
  const items = [...overlay(older, newer).values()];
  await db.lists.put({ source: 'alfacrm', account: job.account, name: logListName(job.partition), items, fetchedAt: new Date().toISOString() });
}

/** The log as the branch's last complete read left it, by record id. */
export async function loggedRecords(db: ExportDb, account: string, branch: string): Promise<Map<number, LoggedRecord>> {
  const row = await db.lists.get(['alfacrm', account, logListName(branch)]);
  return new Map(((row?.items ?? []) as LoggedRecord[]).map((r) => [r.id, r]));
}
