/**
 * What AlfaCRM's change log (`log/index`, contract §1) says of each record: when it was last
 * archived and from which status. The log is read newest first, so a read folds its entries
 * backwards in time; a new read's fold is then laid over what earlier reads knew. Pure.
 */
import { z } from 'zod';

export const logEntry = z.looseObject({
  id: z.number().int().optional(),
  entity_id: z.coerce.number().int().positive(),
  date_time: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  fields_old: z.unknown().optional(),
  fields_new: z.unknown().optional(),
});
export type LogEntry = z.infer<typeof logEntry>;

/** One record as the log tells it (a list item in the store). */
export interface LoggedRecord {
  id: number;
  /** Its newest archiving or restoring was seen. */
  decided?: boolean;
  /** When it was last archived; null when restored since. */
  archivedAt?: string | null;
  /** The status in force when it was archived; undefined when the log does not say. */
  fromStatusId?: number | null;
  /** Its newest status per the log. */
  statusId?: number | null;
}

/** The newest entries already read: a later read stops where it meets them. */
export interface LogMark {
  at: string;
  keys: string[];
}

const REJECT_KEYS = ['lead_reject_id', 'customer_reject_id'];

/** The changed keys: an object, or a list of one-key objects (both observed). */
function fieldsOf(v: unknown): Record<string, unknown> {
  if (Array.isArray(v)) return Object.assign({}, ...v.filter((x) => x && typeof x === 'object'));
  return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

const idOrNull = (v: unknown): number | null => (v === null || v === undefined || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

export function entryKey(e: LogEntry): string {
  return e.id !== undefined ? `#${e.id}` : `${e.entity_id}|${e.date_time}|${JSON.stringify(e.fields_new ?? null)}`;
}

/** Whether an entry is newer than what an earlier read saw. */
export function isNew(e: LogEntry, mark: LogMark | null): boolean {
  return !mark || e.date_time > mark.at || (e.date_time === mark.at && !mark.keys.includes(entryKey(e)));
}

/** The mark of a read whose first page was `items` (newest first). */
export function markOf(items: LogEntry[]): LogMark | null {
  if (!items.length) return null;
  const at = items[0].date_time;
  return { at, keys: items.filter((e) => e.date_time === at).map(entryKey) };
}

/** Folds entries read newest first into what each record's history says, newest facts winning. */
export function foldBackwards(entries: Iterable<LogEntry>): Map<number, LoggedRecord> {
  const out = new Map<number, LoggedRecord>();
  const seen = new Set<string>();
  for (const e of entries) {
    const key = entryKey(e);
    if (seen.has(key)) continue; // pages that shifted under the read repeat a few entries
    seen.add(key);
    const old = fieldsOf(e.fields_old);
    const now = fieldsOf(e.fields_new);
    let r = out.get(e.entity_id);
    if (!r) out.set(e.entity_id, (r = { id: e.entity_id }));
    const status = 'lead_status_id' in now ? idOrNull(now.lead_status_id) : undefined;
    const reject = REJECT_KEYS.find((k) => k in now);
    if (status !== undefined && r.statusId === undefined) r.statusId = status;
    if (reject && !r.decided) {
      const archived = idOrNull(now[reject]) !== null;
      // A reason changed while archived is neither an archiving nor a restoring.
      if (archived && idOrNull(old[reject]) !== null) continue;
      r.decided = true;
      r.archivedAt = archived ? e.date_time : null;
      if (archived && 'lead_status_id' in old) r.fromStatusId = idOrNull(old.lead_status_id);
    } else if (status !== undefined && r.decided && r.archivedAt && r.fromStatusId === undefined) {
      // The newest status change before the archiving: the status it was archived from.
      r.fromStatusId = status;
    }
  }
  return out;
}

/** What the log knew before, overlaid with a newer read's fold. */
export function overlay(older: Map<number, LoggedRecord>, newer: Map<number, LoggedRecord>): Map<number, LoggedRecord> {
  const out = new Map(older);
  for (const [id, n] of newer) {
    const o = older.get(id);
    const r: LoggedRecord = { id };
    const decided = n.decided || o?.decided;
    if (decided) r.decided = true;
    const archivedAt = n.decided ? n.archivedAt : o?.archivedAt;
    if (archivedAt !== undefined) r.archivedAt = archivedAt;
    // Archived in the newer part with no status change before it there: the status known before.
    const from = n.decided ? (n.fromStatusId !== undefined ? n.fromStatusId : o?.statusId) : o?.fromStatusId;
    if (from !== undefined) r.fromStatusId = from;
    const status = n.statusId !== undefined ? n.statusId : o?.statusId;
    if (status !== undefined) r.statusId = status;
    out.set(id, r);
  }
  return out;
}
