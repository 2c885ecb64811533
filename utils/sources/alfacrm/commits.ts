/**
 * How AlfaCRM's reads land in the store. Each runs inside the engine's transaction that commits
 * the cursor, so a page or a column and the note that it is done are written together.
 */
import type { ApiTask, Job, Task } from '../../engine/run';
import { apiTask } from '../../engine/run';
import type { KnownUnit, PageCommit, RunContext, TabReadResult, TabUnit } from '../../engine/source';
import { idsWithMark, rewrite, rowsOf, type RecordRow } from '../../engine/store';
import { CrmError } from '../../errors';
import type { AlfaApiClient } from './api-client';
import { commitLogPage, finishLogRead, LOG_PASS } from './change-log-read';
import { MARK, unitOf } from './derive';
import { apiOf, putApiRecords, putUiFacts, uiOf, writer } from './facts';
import { PASSES, STEPS } from './plan';
import { TAB_READS } from './tab';
import type { ApiRecord, UiFacts } from './types';
import { uiCards } from './ui-schemas';

type Ctx = RunContext<AlfaApiClient>;

/** Whether a query's rows are archived: `removed` 2 only archived, 0 only active, 1 either (keep what is stored). */
function archivedBy(query: Record<string, unknown>): boolean | null {
  return query.removed === 2 ? true : query.removed === 0 ? false : null;
}

export async function commitApiPage(ctx: Ctx, task: ApiTask, items: { id: number }[]): Promise<PageCommit> {
  if (task.name === LOG_PASS) return commitLogPage(ctx, items);
  const records = items as ApiRecord[];
  const stored = await ctx.db.rows.bulkGet(records.map((r) => ['alfacrm', ctx.job.account, r.id] as ['alfacrm', string, number]));
  // The changes query looks a day back: records already stored as they are now are not news.
  const novel = records.filter((r, i) => apiOf(stored[i])?.record.updated_at !== r.updated_at || r.updated_at === undefined).map((r) => r.id);
  // A record stored exactly as it comes (a changes query looks a day back) is not written again: putFacts' `same`.
  await putApiRecords(ctx.db, ctx.job.account, records, archivedBy(task.query), new Date().toISOString());
  return { novel };
}

/** Cards a complete read of the branch's archive page did not show have left that archive (the page lists them all). */
async function markLeftArchivePage(ctx: Ctx, inScope: (r: RecordRow) => boolean, seen: Set<number>): Promise<void> {
  const rows = await rowsOf(ctx.db, 'alfacrm', ctx.job.account, ctx.job.partition);
  const stale = rows.filter((r) => !seen.has(r.id) && uiOf(r)?.archived === true && uiOf(r)?.branch === Number(ctx.job.partition) && inScope(r));
  await rewrite(ctx.db, writer(ctx.job.account), stale, (r) => ({ ui: { ...uiOf(r)!, archived: false } }));
}

export async function finishApiTask(ctx: Ctx, task: ApiTask): Promise<Task[] | void> {
  if (task.name === LOG_PASS) return finishLogRead(ctx);
  const seen = new Set(task.ids);
  const unseen = () => (task.query.id as number[]).filter((id) => !seen.has(id));
  if (task.name === PASSES.archived) {
    ctx.job.memo.apiArchived = task.total;
    // Stored as archived but no longer listed: restored, moved or deleted. Absence says none of
    // these; what the API then shows of each does (`left-active`, `left-elsewhere`).
    // Found by their count marks' index: a full sync does not read every row back here.
    const q = task.query.is_study;
    const marks = q === 0 ? [MARK.apiArchivedLead] : q === 1 ? [MARK.apiArchivedCustomer] : [MARK.apiArchivedLead, MARK.apiArchivedCustomer];
    const marked = await Promise.all(marks.map((m) => idsWithMark(ctx.db, 'alfacrm', ctx.job.account, ctx.job.partition, m)));
    const stale = marked.flat().filter((id) => !seen.has(id));
    return stale.length ? [apiTask(PASSES.leftActive, { removed: 0, is_study: 2, id: stale, branchless: true })] : undefined;
  }
  if (task.name === PASSES.leftActive) {
    const rest = unseen();
    return rest.length ? [apiTask(PASSES.leftElsewhere, { removed: 2, is_study: 2, id: rest, branchless: true })] : undefined;
  }
  if (task.name === PASSES.leftElsewhere) {
    // Neither active nor archived anywhere: deleted in the CRM. Kept, flagged, never exported.
    const gone = (await ctx.db.rows.bulkGet(unseen().map((id) => ['alfacrm', ctx.job.account, id] as ['alfacrm', string, number]))).filter(
      (r): r is RecordRow => !!apiOf(r),
    );
    await rewrite(ctx.db, writer(ctx.job.account), gone, (r) => ({ api: { ...apiOf(r)!, gone: true } }));
    return;
  }
  if (task.name === PASSES.changed && task.novel.length > 0) {
    return [apiTask(PASSES.changedArchived, { removed: 2, is_study: 2, id: task.novel })];
  }
  if (task.name === PASSES.changedArchived) {
    // Changed records that removed=2 did not list are active now.
    const changed = (task.query.id as number[]).filter((id) => !seen.has(id));
    const rows = (await ctx.db.rows.bulkGet(changed.map((id) => ['alfacrm', ctx.job.account, id] as ['alfacrm', string, number]))).filter(
      (r): r is RecordRow => !!apiOf(r),
    );
    await rewrite(ctx.db, writer(ctx.job.account), rows, (r) => ({ api: { ...apiOf(r)!, archived: false } }));
  }
}

const lastCounts = (job: Job) => (job.memo.lastCounts ?? {}) as Record<string, number>;
const taskNamed = (job: Job, name: string) => job.run?.tasks.find((t) => t.name === name);

/**
 * In an incremental run, when the API saw no record change and the same archive count, the
 * archive board cannot have changed either: moving a lead in or out updates it.
 */
export async function needsTab(ctx: Ctx, name: string): Promise<boolean> {
  const { job } = ctx;
  if (name !== TAB_READS.board || job.run?.mode !== 'incremental' || Object.keys(lastCounts(job)).length === 0) return true;
  const changed = taskNamed(job, PASSES.changed) as ApiTask | undefined;
  const count = taskNamed(job, STEPS.archiveCount);
  const recount = taskNamed(job, PASSES.archived);
  return !(changed?.done && changed.novel.length === 0 && count && 'done' in count && count.done && !recount);
}

/**
 * The board read of a run after a sync: columns whose count is unchanged and that no changed
 * record was in or went to are skipped (a lead restored from column A and one archived into A
 * leave A's count as it was); for every other known column the reader is told which leads it
 * held and which of them the API says have left, so it can stop where the known cards resume.
 * A full run, or a run that has not read the API's changes, reads every column in full.
 */
export async function unitPlan(ctx: Ctx, name: string): Promise<{ skip: Record<string, number>; known?: Record<string, KnownUnit> }> {
  const { job } = ctx;
  const changed = taskNamed(job, PASSES.changed) as ApiTask | undefined;
  if (name !== TAB_READS.board || job.run?.mode === 'full' || !changed?.done) return { skip: {} };
  const novel = await ctx.db.rows.bulkGet(changed.novel.map((id) => ['alfacrm', job.account, id] as ['alfacrm', string, number]));
  const touched = new Set<string>();
  for (const r of novel) {
    const ui = uiOf(r);
    const api = apiOf(r);
    if (ui?.columnId != null) touched.add(String(ui.columnId));
    if (api?.archived) touched.add(String(api.record.lead_reject_id ?? 0));
  }
  const counts = lastCounts(job);
  const skip = Object.fromEntries(Object.entries(counts).filter(([id]) => !touched.has(id)));
  const known: Record<string, KnownUnit> = {};
  for (const col of Object.keys(counts).filter((id) => !(id in skip))) {
    const rows = await ctx.db.rows
      .where('[source+account+unit]')
      .equals(['alfacrm', job.account, unitOf({ branch: Number(job.partition), columnId: Number(col) })])
      .toArray();
    const held = rows.filter((r) => uiOf(r)?.archived);
    // The API says they are no longer in this column: restored, given another reason, or gone.
    const left = held.filter((r) => {
      const api = apiOf(r);
      return api && (api.gone || !api.archived || String(api.record.lead_reject_id ?? 0) !== col);
    });
    known[col] = { held: held.map((r) => r.id), left: left.map((r) => r.id) };
  }
  return { skip, known };
}

function cardsOf(unit: TabUnit) {
  const parsed = uiCards.safeParse(unit.items);
  if (!parsed.success) throw new CrmError('malformed-response', `«${unit.label}»: cards not as expected`);
  return parsed.data;
}

export async function commitTabUnit(ctx: Ctx, name: string, partition: string, unit: TabUnit): Promise<void> {
  // A unit read only down to the cards it held before: those it still holds come as ids.
  const seenAt = new Date().toISOString();
  const branch = Number(partition);
  const cards = cardsOf(unit);
  const w = writer(ctx.job.account);
  if (name === TAB_READS.grid) {
    await putUiFacts(
      ctx.db,
      ctx.job.account,
      cards.map((card): UiFacts => ({ branch, kind: 'customer', archived: true, columnId: null, reasonText: card.rejectReason ?? null, card, seenAt })),
    );
    return;
  }
  const columnId = Number(unit.key);
  await putUiFacts(
    ctx.db,
    ctx.job.account,
    cards.map((card): UiFacts => ({ branch, kind: 'lead', archived: true, columnId, reasonText: columnId === 0 ? null : unit.label, card, seenAt })),
  );
  // Leads this column showed before and does not now have left it (restored, or moved).
  const seen = new Set([...cards.map((c) => c.id), ...(unit.kept ?? [])]);
  const before = await ctx.db.rows
    .where('[source+account+unit]')
    .equals(['alfacrm', ctx.job.account, unitOf({ branch, columnId })])
    .toArray();
  const left = before.filter((r) => uiOf(r)?.archived && !seen.has(r.id));
  await rewrite(ctx.db, w, left, (r) => ({ ui: { ...uiOf(r)!, archived: false } }));
}

export async function finishTab(ctx: Ctx, name: string, result: TabReadResult): Promise<void> {
  const kind = name === TAB_READS.grid ? 'customer' : 'lead';
  if (result.ids) await markLeftArchivePage(ctx, (r) => uiOf(r)?.kind === kind, new Set(result.ids));
  if (name === TAB_READS.board) {
    ctx.job.memo.lastCounts = result.counts;
    ctx.job.memo.uiArchived = result.expected;
  }
}
