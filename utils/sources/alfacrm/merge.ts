/**
 * Merge of what the API and the UI know about each record into one flat row per id.
 * Pure: no browser APIs, no I/O. Every output value is a string, ready for the CSV writer.
 */
import { FIXED_COLUMNS } from './columns';
import { ExtraColumns } from './extra-columns';
import type { ApiFacts, Dictionaries, StoredRecord, UiFacts } from './types';

export { FIXED_COLUMNS } from './columns';

export type FixedColumn = (typeof FIXED_COLUMNS)[number];

/** One output row: column key → cell text. */
export type MergedRow = Record<string, string>;

export interface MergeScope {
  branch: number;
  only: 'archived-leads' | 'archived-customers' | 'all';
}

/** `e_date` of every active record: not an archive date. */
const OPEN_END_DATE = '2030-12-31';

/** Grid placeholders for an empty cell (RU / UK / EN UI). They are not reason texts. */
const EMPTY_CELL_PLACEHOLDER = /^\s*\((не задано|не вказано|not set)\)\s*$/i;

// ---------------------------------------------------------------------------------------------
// Small value helpers

function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v === '';
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

/** Cell text of any API value: null → '', arrays joined with ', ' (of objects → JSON), objects → JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) {
    if (v.some((e) => e !== null && typeof e === 'object')) return JSON.stringify(v);
    return v.map((e) => cellText(e)).join(', ');
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** An id-like API value as text ('' when absent). */
function idText(v: unknown): string {
  return isBlank(v) ? '' : cellText(v);
}

function dictText(dict: Record<number, string> | undefined, id: string): string | undefined {
  if (!dict || id === '') return undefined;
  const n = Number(id);
  if (!Number.isFinite(n)) return undefined;
  const text = dict[n];
  return typeof text === 'string' ? text : undefined;
}

/** A UI text usable as a value (null/empty/placeholder → undefined). */
function uiText(v: string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (EMPTY_CELL_PLACEHOLDER.test(v)) return undefined;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Facts of one record

function apiKind(api: ApiFacts | undefined): 'lead' | 'customer' | undefined {
  const v = api?.record.is_study;
  if (v === null || v === undefined || v === '') return undefined;
  const n = Number(v);
  if (n === 0) return 'lead';
  if (n === 1) return 'customer';
  return undefined;
}

/** Lead or client: the API's `is_study` first, else the UI's kind. */
export function kindOf(rec: StoredRecord): 'lead' | 'customer' | undefined {
  return apiKind(rec.api) ?? rec.ui?.kind;
}

/** The UI wins when present; else whether the API returned it with `removed=2`. Never the reject ids. */
export function isArchived(rec: StoredRecord): boolean {
  if (rec.ui) return rec.ui.archived === true;
  return rec.api?.archived === true;
}

/** The API's branches; the page's only while it shows the record there, or when the API has none. */
function inBranch(rec: StoredRecord, branch: number): boolean {
  if (rec.ui && rec.ui.branch === branch && (rec.ui.archived || !rec.api)) return true;
  const ids = rec.api?.record.branch_ids;
  if (Array.isArray(ids)) return ids.some((b) => Number(b) === branch);
  if (typeof ids === 'number' || typeof ids === 'string') return Number(ids) === branch;
  return false;
}

export function inScope(rec: StoredRecord, scope: MergeScope): boolean {
  if ((!rec.api && !rec.ui) || rec.api?.gone) return false;
  if (!inBranch(rec, scope.branch)) return false;
  switch (scope.only) {
    case 'all':
      return true;
    case 'archived-leads':
      return isArchived(rec) && kindOf(rec) === 'lead';
    case 'archived-customers':
      return isArchived(rec) && kindOf(rec) === 'customer';
  }
}

function factCount(rec: StoredRecord): number {
  return (rec.api ? 1 : 0) + (rec.ui ? 1 : 0);
}

function latestTime(rec: StoredRecord): string {
  const a = rec.api?.fetchedAt ?? '';
  const u = rec.ui?.seenAt ?? '';
  return a > u ? a : u;
}

/** Keeps one record per id: the one with most facts, then the most recently seen, then the first. */
function dedupe(records: StoredRecord[]): StoredRecord[] {
  const byId = new Map<number, StoredRecord>();
  for (const rec of records) {
    const prev = byId.get(rec.id);
    if (!prev) {
      byId.set(rec.id, rec);
      continue;
    }
    const df = factCount(rec) - factCount(prev);
    if (df > 0 || (df === 0 && latestTime(rec) > latestTime(prev))) byId.set(rec.id, rec);
  }
  return Array.from(byId.values());
}

/**
 * Reject id and reason for one side (lead or customer).
 * The UI's archive column id wins over the API's when the UI shows the record archived as that
 * kind; column 0 / null means "no reason" and falls back to the API's id.
 */
function rejectFacts(
  apiValue: unknown,
  ui: UiFacts | undefined,
  kind: 'lead' | 'customer',
  dict: Record<number, string> | undefined,
): { id: string; reason: string } {
  const uiApplies = !!ui && ui.archived && ui.kind === kind;
  const uiColumnId = uiApplies && ui.columnId !== null && ui.columnId !== 0 ? ui.columnId : null;
  const id = uiColumnId !== null ? String(uiColumnId) : idText(apiValue);

  let uiReason: string | undefined;
  if (uiApplies) {
    // Column 0 of the archive board is "no reason": its title is not a reason text.
    const columnTitle = ui.columnId === 0 ? undefined : uiText(ui.reasonText);
    uiReason = columnTitle ?? uiText(ui.card.rejectReason);
  }
  const reason = dictText(dict, id) ?? uiReason ?? '';
  return { id, reason };
}

function mergeOne(rec: StoredRecord, dicts: Dictionaries | null, scope: MergeScope): MergedRow {
  const api = rec.api?.record;
  const ui = rec.ui;
  const card = ui?.card;
  const archived = isArchived(rec);

  // Personal data: the API's value verbatim; the UI's only when the API has none.
  const name = api && !isBlank(api.name) ? cellText(api.name) : (card?.name ?? '');
  const phone = api && !isBlank(api.phone) ? cellText(api.phone) : '';
  const email = api && !isBlank(api.email) ? cellText(api.email) : '';

  let isStudy = '';
  if (api && !isBlank(api.is_study)) isStudy = cellText(api.is_study);
  else if (ui) isStudy = ui.kind === 'lead' ? '0' : '1';

  // Lead status: the API's; for a UI-only active lead, the board column it sits in.
  let leadStatusId = idText(api?.lead_status_id);
  let leadStatus = dictText(dicts?.leadStatus, leadStatusId) ?? '';
  if (leadStatusId === '' && ui && ui.kind === 'lead' && !ui.archived && ui.columnId !== null) {
    if (ui.columnId !== 0) leadStatusId = String(ui.columnId);
    leadStatus = dictText(dicts?.leadStatus, leadStatusId) ?? uiText(ui.reasonText) ?? '';
  }

  const leadReject = rejectFacts(api?.lead_reject_id, ui, 'lead', dicts?.leadReject);
  const customerReject = rejectFacts(api?.customer_reject_id, ui, 'customer', dicts?.customerReject);

  let archivedAt = '';
  if (card?.archivedAt) archivedAt = card.archivedAt;
  else if (archived && api && typeof api.e_date === 'string' && api.e_date !== '' && api.e_date !== OPEN_END_DATE) {
    archivedAt = api.e_date;
  }

  const leadSourceId = idText(api?.lead_source_id);
  const leadSource = dictText(dicts?.leadSource, leadSourceId) ?? uiText(card?.leadSource) ?? '';

  const row: MergedRow = {
    id: String(rec.id),
    name,
    phone,
    email,
    branch_id: String(scope.branch),
    is_study: isStudy,
    archived: archived ? '1' : '0',
    lead_status_id: leadStatusId,
    lead_status: leadStatus,
    lead_reject_id: leadReject.id,
    lead_reject_reason: leadReject.reason,
    customer_reject_id: customerReject.id,
    customer_reject_reason: customerReject.reason,
    archived_at: archivedAt,
    lead_source_id: leadSourceId,
    lead_source: leadSource,
    assigned_id: idText(api?.assigned_id),
    // The API's; a grid's «Додано»/«Добавлен» date only when the API has none.
    created_at: api && !isBlank(api.created_at) ? cellText(api.created_at) : (card?.createdAt ?? ''),
    updated_at: api ? cellText(api.updated_at) : '',
    source: rec.api && rec.ui ? 'api+ui' : rec.api ? 'api' : 'ui',
  };
  return row;
}

/**
 * One row per id of the records in scope, sorted by id, with the fixed columns first and then
 * every other key the API returned (`custom_*` included).
 */
export function mergeRecords(records: StoredRecord[], dicts: Dictionaries | null, scope: MergeScope): { columns: string[]; rows: MergedRow[] } {
  const kept = dedupe(records)
    .filter((r) => inScope(r, scope))
    .sort((a, b) => a.id - b.id);
  const extras = new ExtraColumns();
  for (const rec of kept) if (rec.api) extras.add(rec.api.record);
  const columns = [...FIXED_COLUMNS, ...extras.columns];
  const rows = kept.map((rec) => {
    const cells = mergeCells(rec, dicts, scope, extras.columns);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
  });
  return { columns, rows };
}

/** The cells of one record in scope, in column order: FIXED_COLUMNS, then `extras`. */
export function mergeCells(rec: StoredRecord, dicts: Dictionaries | null, scope: MergeScope, extras: readonly string[]): string[] {
  const row = mergeOne(rec, dicts, scope);
  const cells = new Array<string>(FIXED_COLUMNS.length + extras.length);
  let i = 0;
  for (const c of FIXED_COLUMNS) cells[i++] = row[c];
  const api = rec.api?.record;
  for (const key of extras) cells[i++] = api ? cellText(api[key]) : '';
  return cells;
}
