/**
 * The one API pager: an API task read page by page, each page committed with its cursor in one
 * transaction. The first page tells the total; the pages it implies go out together (the
 * client's queue paces them); the few pages that repeated rows push past the end come one by
 * one. A list that moves under the cursor (its total changes, or the pass sat paused too long)
 * is read again from the start: offsets shift when a row leaves, and a shifted row is missed.
 * A newest-first list (a log) that grows is read on: its rows shift later, so none is missed.
 */
import { CrmError } from '../errors';
import type { ApiTask, Job } from './run';
import type { RunContext, SourceEngine } from './source';
import { db } from './store';

/** Pages planned in one step: a step ends, and the run looks at its state again, after this many. */
const PAGES_PER_STEP = 256;
/** Pages asked for and not yet committed, at most (the client's queue paces them). */
const IN_FLIGHT = 6;
/** No CRM account here holds more; a larger total is a broken answer, not a plan of requests. */
export const MAX_TOTAL = 1_000_000;
/** A list that moved this often while being read fails the run (it is retried later). */
const MAX_RESTARTS = 5;
/** Pages read longer ago than this are not trusted to line up with new ones. */
const STALE_MS = 10 * 60_000;

/** Next pages of a task: those `total` implies, then the tail that repeated rows push past it. */
export function nextPages(t: ApiTask, pageSize: number): number[] {
  if (t.ended) return [];
  if (t.total === null) return [0];
  const planned = Math.ceil(t.total / pageSize);
  const done = new Set(t.pagesDone);
  const missing = [];
  for (let i = 0; i < planned && missing.length < (t.perStep ?? PAGES_PER_STEP); i++) if (!done.has(i)) missing.push(i);
  if (missing.length) return missing;
  if (t.ids.length >= t.total) return [];
  const last = Math.max(-1, ...t.pagesDone);
  if (last + 1 > planned * 2 + 5) throw new CrmError('pager-never-ends', `API: ${last + 1} pages, ${t.ids.length} of ${t.total}`);
  return [last + 1];
}

/** The task started over: what it read is stored (upserts), its cursor is not trusted. */
export function restarted(t: ApiTask, total: number | null): ApiTask {
  if (t.restarts + 1 > MAX_RESTARTS) {
    throw new CrmError('incomplete-read', `the list changed ${t.restarts + 1} times while it was read`);
  }
  const next: ApiTask = { ...t, total, pagesDone: [], ids: [], restarts: t.restarts + 1, done: false };
  delete next.pagedAt;
  return next;
}

/** Runs one step of API task `index`. Returns false once it is complete. */
export async function apiStep<C>(src: SourceEngine<C>, ctx: RunContext<C>, index: number): Promise<boolean> {
  const { job } = ctx;
  const t = job.run!.tasks[index] as ApiTask;
  if (t.pagesDone.length && t.pagedAt && Date.now() - Date.parse(t.pagedAt) > STALE_MS) {
    await commitCursor(job, index, (cur) => restarted(cur, null));
    return true;
  }
  const pageSize = src.api!.pageSize;
  const pages = nextPages(t, pageSize);
  if (pages.length === 0) {
    await finishApiTask(src, ctx, index);
    return true;
  }
  const tail = t.total !== null && pages[0] >= Math.ceil(t.total / pageSize);
  // A few pages in flight at a time, the next one asked as soon as one is committed: the
  // client's paced queue never runs dry inside a step, and a list that moved stops the rest.
  let stop = false;
  const todo = [...pages];
  const reader = async (): Promise<void> => {
    for (let page = todo.shift(); page !== undefined && !stop; page = todo.shift()) {
      const res = await src.api!.fetchPage(ctx.client!, job, t, page);
      if (res.total > MAX_TOTAL) throw new CrmError('malformed-response', `the CRM claims ${res.total} records`);
      if (!(await commitPage(src, ctx, index, page, res, tail))) stop = true;
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, pages.length) }, () =>
      reader().catch((e: unknown) => {
        stop = true;
        throw e;
      }),
    ),
  );
  return true;
}

/** Commits one page with the cursor. False when the run moved on or the list has to be read again. */
async function commitPage<C>(
  src: SourceEngine<C>,
  ctx: RunContext<C>,
  index: number,
  page: number,
  res: { items: { id: number }[]; total: number },
  tail: boolean,
): Promise<boolean> {
  const { job } = ctx;
  let goOn = true;
  await db.transaction('rw', [...db.factTables, db.jobs, db.lists], async () => {
    const current = await db.jobs.get(job.key);
    if (!current?.run || current.state !== 'running' || current.run.id !== job.run!.id) return void (goOn = false);
    const cur = current.run.tasks[index] as ApiTask;
    if (cur.pagesDone.includes(page)) return;
    const grew = cur.newestFirst === true && cur.total !== null && res.total > cur.total;
    // A newest-first page asked before the list grew and answered after a later one: an older
    // view of the same list, whose rows shifted later (read again, none missed).
    const older = cur.newestFirst === true && cur.total !== null && res.total < cur.total;
    if (cur.total !== null && res.total !== cur.total && !grew && !older) {
      current.run.tasks[index] = restarted(cur, res.total);
      goOn = false;
    } else if (res.items.length === 0 && tail) {
      // An empty page past the planned ones ends the list (rows left meanwhile).
      cur.total = cur.ids.length;
    } else if (res.items.length === 0 && res.total > 0) {
      current.run.tasks[index] = restarted(cur, res.total);
      goOn = false;
    } else {
      const known = new Set(cur.ids);
      if (tail && res.items.every((r) => known.has(r.id))) {
        throw new CrmError('incomplete-read', `API page ${page} repeats earlier rows; ${cur.ids.length} of ${cur.total}`);
      }
      const commit = await src.commitApiPage({ ...ctx, job: current }, cur, res.items);
      for (const r of res.items) known.add(r.id);
      cur.ids = [...known];
      cur.novel = [...new Set([...cur.novel, ...commit.novel])];
      if (commit.restKnown) cur.ended = true;
      if (!older) cur.total = res.total;
      cur.pagesDone.push(page);
      cur.pagedAt = new Date().toISOString();
    }
    await db.jobs.put(current);
  });
  return goOn;
}

async function commitCursor(job: Job, index: number, change: (t: ApiTask) => ApiTask): Promise<void> {
  await db.transaction('rw', db.jobs, async () => {
    const current = await db.jobs.get(job.key);
    if (!current?.run || current.run.id !== job.run!.id) return;
    current.run.tasks[index] = change(current.run.tasks[index] as ApiTask);
    await db.jobs.put(current);
  });
}

/** The source's follow-up for a read task, committed with the task's end. */
async function finishApiTask<C>(src: SourceEngine<C>, ctx: RunContext<C>, index: number): Promise<void> {
  await db.transaction('rw', [...db.factTables, db.jobs, db.lists], async () => {
    const current = await db.jobs.get(ctx.job.key);
    if (!current?.run || current.run.id !== ctx.job.run!.id) return;
    const t = current.run.tasks[index] as ApiTask;
    if (t.done) return;
    const more = await src.finishApiTask({ ...ctx, job: current }, t);
    t.done = true;
    if (more?.length) current.run.tasks.splice(index + 1, 0, ...more);
    await db.jobs.put(current);
  });
}
