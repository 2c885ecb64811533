/** AlfaCRM's derived, indexed fields of a stored row (recomputed on every write). */
import type { Derived } from '../../engine/source';
import { keyOrderSig } from './extra-columns';
import { isArchived } from './merge';
import type { ApiFacts, StoredRecord, UiFacts } from './types';

/** Active, archived without a reason, archived with one: the popup counts them by index. */
export const TALLY = { active: 0, archived: 1, archivedWithReason: 2, gone: 3 } as const;

/**
 * The API's branches; a page's branch only while that page shows the record (a lead moved to
 * another branch leaves the old board, and the API names the new one), or when the API has none.
 */
function branchesOf(api?: ApiFacts, ui?: UiFacts): string[] {
  if (api?.gone) return [];
  const set = new Set<string>();
  // As merge.ts reads them: numbers, numeric strings, or a single value.
  const ids = api?.record.branch_ids;
  for (const b of Array.isArray(ids) ? ids : ids == null ? [] : [ids]) {
    const n = Number(b);
    if (Number.isInteger(n)) set.add(String(n));
  }
  if (ui && (ui.archived || !api)) set.add(String(ui.branch));
  return [...set];
}

function hasReason(r: StoredRecord): boolean {
  const rec = r.api?.record;
  return !!(r.ui?.reasonText || rec?.lead_reject_id != null || rec?.customer_reject_id != null);
}

/** What a row counts towards in the reconciliation and the archive-count check (counted by index). */
export const MARK = {
  api: 'api',
  apiArchivedLead: 'api-archived:lead',
  apiArchivedCustomer: 'api-archived:customer',
  storedLead: 'stored:lead',
  storedCustomer: 'stored:customer',
  boardLead: 'board:lead',
  /** Archived per the API, a lead, seen by the page but not on its archive. */
  apiOnly: 'api-only',
  /** On the page's archive, active per the API. */
  uiOnly: 'ui-only',
} as const;
export type Mark = (typeof MARK)[keyof typeof MARK];

function marksOf(r: StoredRecord): Mark[] {
  const { api, ui } = r;
  const kind = api ? (api.record.is_study === 1 ? 'customer' : 'lead') : ui?.kind;
  const marks: Mark[] = [];
  if (api) marks.push(MARK.api);
  if (api?.archived) marks.push(kind === 'customer' ? MARK.apiArchivedCustomer : MARK.apiArchivedLead);
  if (isArchived(r) && kind) marks.push(kind === 'customer' ? MARK.storedCustomer : MARK.storedLead);
  if (ui?.archived && ui.kind === 'lead') marks.push(MARK.boardLead);
  if (api?.archived && api.record.is_study === 0 && ui && !ui.archived) marks.push(MARK.apiOnly);
  if (ui?.archived && api && !api.archived) marks.push(MARK.uiOnly);
  return marks;
}

/** The board column a lead card was last seen in, per branch: `{branch}:{columnId}`. */
export function unitOf(ui: Pick<UiFacts, 'branch' | 'columnId'>): string {
  return `${ui.branch}:${ui.columnId}`;
}

export function derive(row: { id: number; api?: unknown; ui?: unknown }): Derived {
  const api = row.api as ApiFacts | undefined;
  const ui = row.ui as UiFacts | undefined;
  const rec: StoredRecord = { id: row.id, api, ui };
  const tally = api?.gone ? TALLY.gone : !isArchived(rec) ? TALLY.active : hasReason(rec) ? TALLY.archivedWithReason : TALLY.archived;
  const d: Derived = { partitions: branchesOf(api, ui), tally, marks: marksOf(rec) };
  if (ui && ui.kind === 'lead' && ui.columnId !== null) d.unit = unitOf(ui);
  if (api) d.sig = keyOrderSig(api.record);
  return d;
}
