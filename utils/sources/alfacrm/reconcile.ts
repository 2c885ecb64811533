/**
 * The reconciliation the popup shows, like with like: archived leads per the archive board, per
 * the API and in the store on one line, archived clients on their own. Computed when a run
 * completes from the rows' count marks (derive.ts), counted by index without reading a row, and
 * kept with the job, so the popup's status request stays cheap however large the store.
 */
import type { Job, Reconciliation } from '../../engine/run';
import { countMarks, type ExportDb } from '../../engine/store';
import type { Phrase } from '../../i18n/keys';
import { MARK, type Mark } from './derive';

export function reconcile(memo: Job['memo'], n: Record<Mark, number>): Reconciliation {
  const board = (memo.uiArchived as number | null | undefined) ?? null;
  const hasApi = n[MARK.api] > 0;
  const differences: Phrase[] = [];
  if (board !== null && board !== n[MARK.boardLead]) differences.push(['reconcile.boardVsStore', board, n[MARK.boardLead]]);
  if (n[MARK.apiOnly]) differences.push(['reconcile.apiOnly', n[MARK.apiOnly]]);
  if (n[MARK.uiOnly]) differences.push(['reconcile.uiOnly', n[MARK.uiOnly]]);
  return {
    lines: [
      { label: 'reconLine.archivedLeads', page: board, api: hasApi ? n[MARK.apiArchivedLead] : null, stored: n[MARK.storedLead] },
      // The clients' archive is read from the page only when its own export asks.
      { label: 'reconLine.archivedClients', page: null, api: hasApi ? n[MARK.apiArchivedCustomer] : null, stored: n[MARK.storedCustomer] },
    ],
    differences,
  };
}

export async function reconcileJob(db: ExportDb, job: Job): Promise<Reconciliation> {
  return reconcile(job.memo, await countMarks(db, 'alfacrm', job.account, job.partition, Object.values(MARK)));
}
