/**
 * One stored AlfaCRM record as a flat Insights record (utils/insights/types.ts): the API's facts
 * first, the page's where the API has none, the change log's archive date and the status left.
 * Pure. Names seen only on the page (sources, managers) get negative ids from `names`.
 */
import type { InsightRecord } from '../../insights/types';
import type { LoggedRecord } from './change-log';
import { cellText, isArchived } from './merge';
import type { StoredRecord } from './types';

/** Ids for names the page shows without one (UI-only records): -1, -2, … per distinct name. */
export class PageNames {
  readonly byName = new Map<string, number>();
  idOf(name: string | undefined): number | null {
    const key = name?.trim();
    if (!key) return null;
    let id = this.byName.get(key);
    if (id === undefined) this.byName.set(key, (id = -(this.byName.size + 1)));
    return id;
  }
  entries(): { id: number; name: string }[] {
    return [...this.byName].map(([name, id]) => ({ id, name }));
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** `DD.MM.YYYY` (a grid's «Додано») as `YYYY-MM-DD`. */
function dayOfGrid(v: string | undefined): string | null {
  const m = v ? /^(\d{2})\.(\d{2})\.(\d{4})/.exec(v) : null;
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/** `custom_*` values as text, for grouping campaigns by a field; empty ones left out. */
function customFields(record: Record<string, unknown>): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const key in record) {
    if (!key.startsWith('custom_')) continue;
    const v = cellText(record[key]);
    if (v !== '') (out ??= {})[key] = v;
  }
  return out;
}

/** The reason a lead was lost: the archive board's column when it shows the lead there, else the API's. */
function reasonOf(rec: StoredRecord, kind: InsightRecord['kind']): number | null {
  const ui = rec.ui;
  const column = ui && ui.archived && ui.kind === 'lead' && kind === 'lead' && ui.columnId ? ui.columnId : null;
  if (column !== null) return column;
  const r = rec.api?.record;
  return num(kind === 'lead' ? r?.lead_reject_id : r?.customer_reject_id);
}

/** The earlier of the moments a read first found it archived. */
function firstSeenArchived(rec: StoredRecord): string | null {
  const a = rec.api?.archived ? rec.api.archivedSeenAt : undefined;
  const u = rec.ui?.archived ? rec.ui.archivedSeenAt : undefined;
  const at = a && u ? (a < u ? a : u) : (a ?? u);
  // ISO time as the API writes times ('YYYY-MM-DD HH:MM:SS'), the part the maths reads.
  return at ? at.slice(0, 19).replace('T', ' ') : null;
}

export function toInsightRecord(rec: StoredRecord, log: LoggedRecord | undefined, names: { sources: PageNames; managers: PageNames }): InsightRecord {
  const api = rec.api?.record;
  const card = rec.ui?.card;
  const kind = api ? (num(api.is_study) === 1 ? 'client' : 'lead') : rec.ui?.kind === 'customer' ? 'client' : 'lead';
  const archived = isArchived(rec);
  const logged = archived && log?.archivedAt ? log : undefined;
  const seen = archived && !logged ? firstSeenArchived(rec) : null;
  const out: InsightRecord = {
    id: rec.id,
    kind,
    archived,
    reasonId: archived ? reasonOf(rec, kind) : null,
    sourceId: api ? num(api.lead_source_id) : names.sources.idOf(card?.leadSource),
    statusId: num(api?.lead_status_id),
    managerId: api ? num(api.assigned_id) : names.managers.idOf(card?.manager),
    createdAt: text(api?.created_at) ?? dayOfGrid(card?.createdAt),
    archivedAt: logged ? logged.archivedAt! : seen,
    archivedAtFrom: logged ? 'log' : seen ? 'first-sync' : null,
    archivedFromStatusId: logged?.fromStatusId ?? null,
    name: api && text(api.name) !== null ? String(api.name) : (card?.name ?? ''),
    phone: api ? cellText(api.phone) : '',
  };
  const fields = api ? customFields(api) : undefined;
  if (fields) out.fields = fields;
  return out;
}
