/**
 * How Altegio's reads land in the store. Each runs inside the engine's transaction that commits
 * the cursor, so a page or a chunk and the note that it is done are written together. Nothing of
 * a unit that fails its check is written.
 */
import type { ApiTask, Task } from '../../engine/run';
import type { PageCommit, RunContext, TabReadResult, TabUnit } from '../../engine/source';
import { z } from 'zod';
import { altegioError } from './errors';
import { fieldDefs } from './definitions';
import { changedAfter, offsetOf } from './changes';
import { markRemoved, putRows, type Read } from './facts';
import { saveDefinitions } from './lists';
import { idPassDue, memoOf, noteCardChunk, noteListed, skippableCards } from './memo';
import { locationOf } from './pages';
import { PASSES, TAB_READ } from './plan';
import type { Raw, Side } from './types';

type Ctx = RunContext;

const withId = z.array(z.looseObject({ id: z.number().int().positive() })).max(100_000);
const withClientId = z.array(z.looseObject({ client_id: z.union([z.number().int().positive(), z.string().regex(/^\d{1,15}$/)]) })).max(100_000);

/** Learns the location's UTC offset from the cards' own stamps. */
function learnOffset(ctx: Ctx, rows: Raw[]): void {
  const off = rows.map((r) => offsetOf(r.last_change_date)).find((o) => o !== null);
  if (off !== undefined) memoOf(ctx.job).offsetMin = off;
}

async function commitRows(ctx: Ctx, side: Side, kind: Read, items: unknown[], label: string): Promise<number[]> {
  const at = new Date().toISOString();
  if (kind === 'info') {
    const parsed = withClientId.safeParse(items);
    if (!parsed.success) throw altegioError('malformed-response', `${label}: cards not as expected`);
    const cid = locationOf(ctx.job.account);
    const rows = parsed.data.map((row) => ({ id: Number(row.client_id), row: row as Raw }));
    for (const { row } of rows) {
      const where = (row.client_agreements as { salon_id?: unknown } | undefined)?.salon_id;
      // Rows of another location are never stored, whatever a route returned.
      if (where !== undefined && where !== null && Number(where) !== cid) throw altegioError('malformed-response', `${label}: a card of another location`);
    }
    await putRows(ctx.db, ctx.job.account, side, kind, rows, at);
    return rows.map((r) => r.id);
  }
  const parsed = withId.safeParse(items);
  if (!parsed.success) throw altegioError('malformed-response', `${label}: rows not as expected`);
  if (kind === 'card') learnOffset(ctx, parsed.data);
  await putRows(
    ctx.db,
    ctx.job.account,
    side,
    kind,
    parsed.data.map((row) => ({ id: row.id, row: row as Raw })),
    at,
  );
  return parsed.data.map((r) => r.id);
}

export async function commitTabUnit(ctx: Ctx, _task: string, _partition: string, unit: TabUnit): Promise<void> {
  const kind = unit.key.split(':')[0];
  if (kind === 'defs') {
    const defs = fieldDefs.safeParse(unit.items);
    if (!defs.success) throw altegioError('malformed-response', 'custom fields not as expected');
    // None found (every channel refused) keeps the list from before.
    if (defs.data.length) await saveDefinitions(ctx.db, ctx.job.account, defs.data);
  } else if (kind === 'ids') {
    await commitRows(ctx, 'ui', 'search', unit.items, unit.label);
  } else if (kind === 'list') {
    await commitRows(ctx, 'ui', 'card', unit.items, unit.label);
  } else if (kind === 'cards') {
    await commitRows(ctx, 'ui', 'info', unit.items, unit.label);
    noteCardChunk(ctx.job, unit.key, unit.count);
  } else {
    throw altegioError('malformed-response', `an unknown unit ${unit.key}`);
  }
}

export async function finishTab(ctx: Ctx, _task: string, result: TabReadResult): Promise<void> {
  const memo = memoOf(ctx.job);
  if (result.ids) {
    await markRemoved(ctx.db, ctx.job.account, new Set(result.ids));
    memo.idPassAt = new Date().toISOString();
  }
  memo.rows = result.counts.cards ? 'cards' : 'list';
  noteListed(ctx.job, 'ui');
  if (result.counts.cards && memo.cards?.runId === ctx.job.run?.id) memo.cards!.complete = true;
}

export async function commitApiPage(ctx: Ctx, task: ApiTask, items: { id: number }[]): Promise<PageCommit> {
  return { novel: await commitRows(ctx, 'api', task.name === PASSES.ids ? 'search' : 'card', items, task.name) };
}

export async function finishApiTask(ctx: Ctx, task: ApiTask): Promise<Task[] | void> {
  if (task.name === PASSES.list) return noteListed(ctx.job, 'api');
  await markRemoved(ctx.db, ctx.job.account, new Set(task.ids));
  memoOf(ctx.job).idPassAt = new Date().toISOString();
}

/** The card chunks a read may skip (an interrupted pass resumed, or today's pass in a sync). */
export async function unitPlan(ctx: Ctx, task: string): Promise<{ skip: Record<string, number> }> {
  return { skip: task === TAB_READ ? skippableCards(ctx.job) : {} };
}

/** A sync's tab read asks only for changes since the last good run (and the id pass, daily). */
export async function tabParams(ctx: Ctx): Promise<Record<string, string>> {
  const { job } = ctx;
  const listed = memoOf(job).listedAt?.ui;
  if (job.run?.mode !== 'incremental' || !listed) return {};
  return { since: changedAfter(listed, memoOf(job).offsetMin ?? null), ids: idPassDue(job) ? '1' : '0' };
}
