/**
 * The reconciliation the popup shows, like with like: archived leads per the archive board, per
 * the API and in the store on one line, archived clients on their own. Computed once when a run
 * completes (it reads the branch's rows) and kept with the job, so the popup's status request
 * stays cheap however large the store.
 */
import type { Job, Reconciliation } from '../../engine/run';
import { rowsOf, type ExportDb, type RecordRow } from '../../engine/store';
import type { Phrase } from '../../i18n/keys';
import { isArchived } from './merge';
import type { ApiFacts, UiFacts } from './types';

export function reconcile(memo: Job['memo'], rows: RecordRow[]): Reconciliation {
  const mine = rows.map((r) => ({ api: r.api as ApiFacts | undefined, ui: r.ui as UiFacts | undefined }));
  const board = (memo.uiArchived as number | null | undefined) ?? null;
  const kindOf = (r: (typeof mine)[number]) => (r.api ? (r.api.record.is_study === 1 ? 'customer' : 'lead') : r.ui?.kind);
  const count = (pred: (r: (typeof mine)[number]) => boolean) => mine.filter(pred).length;
  const hasApi = mine.some((r) => r.api);
  const line = (kind: 'lead' | 'customer') => ({
    api: hasApi ? count((r) => !!r.api?.archived && kindOf(r) === kind) : null,
    stored: count((r) => kindOf(r) === kind && isArchived({ id: 0, ...r })),
  });
  const uiLeads = count((r) => !!r.ui?.archived && r.ui.kind === 'lead');
  const differences: Phrase[] = [];
  const apiOnly = count((r) => !!r.api?.archived && r.api.record.is_study === 0 && !!r.ui && !r.ui.archived);
  const uiOnly = count((r) => !!r.ui?.archived && !!r.api && !r.api.archived);
  if (board !== null && board !== uiLeads) differences.push(['reconcile.boardVsStore', board, uiLeads]);
  if (apiOnly) differences.push(['reconcile.apiOnly', apiOnly]);
  if (uiOnly) differences.push(['reconcile.uiOnly', uiOnly]);
  return {
    lines: [
      { label: 'reconLine.archivedLeads', page: board, ...line('lead') },
      // The clients' archive is read from the page only when its own export asks.
      { label: 'reconLine.archivedClients', page: null, ...line('customer') },
    ],
    differences,
  };
}

export async function reconcileJob(db: ExportDb, job: Job): Promise<Reconciliation> {
  return reconcile(job.memo, await rowsOf(db, 'alfacrm', job.account, job.partition));
}
