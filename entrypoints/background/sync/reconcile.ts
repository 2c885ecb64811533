/**
 * The reconciliation the popup shows: what the UI board and the API say is archived against
 * what the store holds. Computed once when a run completes (it reads the branch's rows), kept
 * with the job, so the popup's status request stays cheap however large the store.
 */
import { recordsOf, type ExportDb, type RecordRow } from '@/utils/db';
import type { SyncJob } from '@/utils/sync/job';

export function reconcile(job: SyncJob, mine: RecordRow[]): NonNullable<SyncJob['reconciled']> {
  const stored = mine.filter((r) => r.api?.archived || r.ui?.archived).length;
  const uiLeads = mine.filter((r) => r.ui?.archived && r.ui.kind === 'lead').length;
  const differences: string[] = [];
  const apiOnly = mine.filter((r) => r.api?.archived && r.api.record.is_study === 0 && r.ui && !r.ui.archived).length;
  const uiOnly = mine.filter((r) => r.ui?.archived && r.api && !r.api.archived).length;
  if (job.uiArchived !== null && job.uiArchived !== uiLeads) differences.push(`UI board shows ${job.uiArchived} archived leads, the store has ${uiLeads}`);
  if (apiOnly) differences.push(`${apiOnly} archived per the API but not on the UI board`);
  if (uiOnly) differences.push(`${uiOnly} archived on the UI board but active per the API`);
  return { stored, differences };
}

export async function reconcileJob(store: ExportDb, job: SyncJob): Promise<NonNullable<SyncJob['reconciled']>> {
  return reconcile(job, await recordsOf(store, job.origin, job.branch));
}
