/**
 * The reconciliation the popup shows: what the archive board and the API say is archived
 * against what the store holds. Computed once when a run completes (it reads the branch's rows)
 * and kept with the job, so the popup's status request stays cheap however large the store.
 */
import type { Job, Reconciliation } from '../../engine/run';
import { rowsOf, type ExportDb, type RecordRow } from '../../engine/store';
import type { Phrase } from '../../i18n/keys';
import type { ApiFacts, UiFacts } from './types';

export function reconcile(memo: Job['memo'], rows: RecordRow[]): Reconciliation {
  const mine = rows.map((r) => ({ api: r.api as ApiFacts | undefined, ui: r.ui as UiFacts | undefined }));
  const uiArchived = (memo.uiArchived as number | null | undefined) ?? null;
  const stored = mine.filter((r) => r.api?.archived || r.ui?.archived).length;
  const uiLeads = mine.filter((r) => r.ui?.archived && r.ui.kind === 'lead').length;
  const differences: Phrase[] = [];
  const apiOnly = mine.filter((r) => r.api?.archived && r.api.record.is_study === 0 && r.ui && !r.ui.archived).length;
  const uiOnly = mine.filter((r) => r.ui?.archived && r.api && !r.api.archived).length;
  if (uiArchived !== null && uiArchived !== uiLeads) differences.push(['reconcile.boardVsStore', uiArchived, uiLeads]);
  if (apiOnly) differences.push(['reconcile.apiOnly', apiOnly]);
  if (uiOnly) differences.push(['reconcile.uiOnly', uiOnly]);
  return { ui: uiArchived, api: (memo.apiArchived as number | null | undefined) ?? null, stored, differences };
}

export async function reconcileJob(db: ExportDb, job: Job): Promise<Reconciliation> {
  return reconcile(job.memo, await rowsOf(db, 'alfacrm', job.account, job.partition));
}
