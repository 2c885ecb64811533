/**
 * The UI part of a sync, run by a content script in an open, logged-in CRM tab. The background
 * asks for a read and commits each column it reports together with the cursor.
 */
import { db, putUiFacts, withFacts } from '@/utils/db';
import { CrmError, fromErrorInfo } from '@/utils/errors';
import { sendMessage, type UiColumnReport } from '@/utils/messaging';
import type { SyncJob } from '@/utils/sync/job';
import type { UiFacts } from '@/utils/types';
import { updateJob } from './api-steps';

/** A tab of the job's account, preferring one on the job's branch. */
async function crmTab(job: SyncJob): Promise<number | null> {
  const tabs = await browser.tabs.query({});
  const ours = tabs.filter((t) => t.id != null && t.url?.startsWith(`${job.origin}/company/`));
  const best = ours.find((t) => t.url!.startsWith(`${job.origin}/company/${job.branch}/`)) ?? ours[0];
  return best?.id ?? null;
}

/**
 * Columns the records the API saw change were in or went to: a lead restored from column A
 * and one archived into A leave A's count as it was, so a count alone cannot tell.
 */
async function touchedColumns(job: SyncJob): Promise<Set<string>> {
  const novel = job.passes.find((p) => p.name === 'changed')?.novel ?? [];
  const rows = await db.records.bulkGet(novel.map((id) => [job.origin, id] as [string, number]));
  const touched = new Set<string>();
  for (const r of rows) {
    if (r?.ui?.columnId != null) touched.add(String(r.ui.columnId));
    if (r?.api?.archived) touched.add(String(r.api.record.lead_reject_id ?? 0));
  }
  return touched;
}

/**
 * Columns to leave alone: those read already in this run and, in an incremental run, those
 * whose count is unchanged and that no changed record touched.
 */
async function skipList(job: SyncJob): Promise<Record<string, number>> {
  if (job.mode !== 'incremental') return { ...job.ui.columnsDone };
  const touched = await touchedColumns(job);
  const unchanged = Object.entries(job.ui.lastCounts).filter(([id]) => !touched.has(id));
  return { ...Object.fromEntries(unchanged), ...job.ui.columnsDone };
}

/**
 * In an incremental run, when the API saw no record change and the same archive count, the
 * archive board cannot have changed either: moving a lead in or out updates it.
 */
export function uiUnchanged(job: SyncJob): boolean {
  if (job.mode !== 'incremental' || Object.keys(job.ui.lastCounts).length === 0) return false;
  const changed = job.passes.find((p) => p.name === 'changed');
  const count = job.passes.find((p) => p.name === 'archive-count');
  return !!changed?.done && (changed.novel ?? []).length === 0 && !!count?.done;
}

/** Whether the run wants the board read now: running, in its UI phase or (full run) any phase. */
export function wantsBoard(job: SyncJob): boolean {
  return job.state === 'running' && job.ui.state !== 'done' && (job.phase === 'ui' || (job.mode === 'full' && job.phase !== 'done'));
}

export async function requestUiRefresh(job: SyncJob): Promise<void> {
  const tab = await crmTab(job);
  let send = false;
  const asked = await updateJob(job.key, (j) => {
    if (j.runStartedAt !== job.runStartedAt || !wantsBoard(j)) return;
    j.ui.state = tab == null ? 'waiting-tab' : 'requested';
    j.ui.requestedAt = new Date().toISOString();
    send = tab != null;
  });
  if (!send || !asked || tab == null) return;
  const skip = await skipList(asked);
  const answer = await sendMessage('uiRefresh', { jobKey: job.key, runId: job.runStartedAt!, branch: job.branch, skip }, tab).catch(() => null);
  if (answer == null) {
    await updateJob(job.key, (j) => void (j.runStartedAt === job.runStartedAt && j.ui.state === 'requested' && (j.ui.state = 'waiting-tab')));
  }
}

/** A tab's report belongs to the run under way, checked in the transaction that commits it. */
function assertCurrentRun(job: SyncJob | undefined, runId: string, origin: string): asserts job is SyncJob {
  if (!job || job.origin !== origin) throw new CrmError('malformed-response', 'unknown sync job');
  if (job.runStartedAt !== runId || !wantsBoard(job)) throw new CrmError('malformed-response', 'the sync run has ended');
}

export async function storeUiColumn(report: UiColumnReport): Promise<number> {
  const seenAt = new Date().toISOString();
  const facts: UiFacts[] = report.cards.map((card) => ({
    branch: report.branch,
    kind: 'lead',
    archived: true,
    columnId: report.columnId,
    reasonText: report.columnId === 0 ? null : report.name,
    card,
    seenAt,
  }));
  const seen = new Set(report.cards.map((c) => c.id));
  await db.transaction('rw', db.records, db.jobs, async () => {
    const job = await db.jobs.get(report.jobKey);
    // A column of an ended run must not count as read in the next one.
    assertCurrentRun(job, report.runId, report.origin);
    if (job.ui.columnsDone[String(report.columnId)] !== undefined) return; // sent twice
    await putUiFacts(db, report.origin, facts);
    // Leads this column showed before and does not now have left it (restored, or moved).
    const before = (await db.records.where('[host+ui.columnId]').equals([report.origin, report.columnId]).toArray()).filter(
      (r) => r.ui?.archived && r.ui.kind === 'lead' && r.ui.branch === report.branch && !seen.has(r.id),
    );
    await db.records.bulkPut(before.map((r) => withFacts(r, { ui: { ...r.ui!, archived: false } })));
    job.ui.columnsDone[String(report.columnId)] = report.count;
    await db.jobs.put(job);
  });
  return facts.length;
}

export async function finishUi(jobKey: string, runId: string, origin: string, expected: number, counts: Record<string, number>): Promise<void> {
  const job = await updateJob(jobKey, (j) => {
    assertCurrentRun(j, runId, origin);
    j.ui.lastCounts = counts;
    j.ui.expected = expected;
    j.ui.state = 'done';
    j.uiArchived = expected;
  });
  if (!job) throw new CrmError('malformed-response', 'unknown sync job');
}

export function uiFailure(error: Parameters<typeof fromErrorInfo>[0]): CrmError {
  return fromErrorInfo(error);
}
