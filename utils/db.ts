/**
 * The store: IndexedDB of the extension's origin (background, offscreen, popup). Content
 * scripts never open it: the page's origin would own that database.
 */
import Dexie, { type Table } from 'dexie';
import { keyOrderSig } from './extra-columns';
import { isArchived } from './merge';
import type { SyncJob } from './sync/job';
import type { ApiFacts, ApiRecord, StoredRecord, UiFacts } from './types';

/** Active, archived without a reason, archived with one: indexed so the popup counts cheaply. */
export const TALLY = { active: 0, archived: 1, archivedWithReason: 2 } as const;

export interface RecordRow extends StoredRecord {
  /** Branches the record belongs to (API branch_ids ∪ the UI branch), indexed multi-entry. */
  branches: number[];
  /** Derived by `toRow` on every write (TALLY). */
  tally: number;
  /** Signature of the API record's key order (extra-columns.ts); absent without API facts. */
  sig?: string;
}

export interface DictRow {
  origin: string;
  name: 'leadReject' | 'customerReject' | 'leadStatus' | 'leadSource';
  items: { id: number; name: string }[];
  fetchedAt: string;
}

export class ExportDb extends Dexie {
  records!: Table<RecordRow, [string, number]>;
  dicts!: Table<DictRow, [string, string]>;
  jobs!: Table<SyncJob, string>;

  constructor(name = 'crm-archive-export') {
    super(name);
    this.version(1).stores({
      records: '[host+id], host, *branches',
      dicts: '[origin+name]',
    });
    this.version(2).stores({ jobs: 'key, origin' });
    // Counts by index, a column's records by index, one record per extra-key order.
    this.version(3)
      .stores({ records: '[host+id], host, *branches, [host+ui.columnId], tally, [host+sig+id]' })
      .upgrade((tx) => tx.table('records').toCollection().modify((r: RecordRow) => void Object.assign(r, toRow(r.host, r.id, r.api, r.ui))));
  }
}

export const db = new ExportDb();

function branchesOf(api?: ApiFacts, ui?: UiFacts): number[] {
  const set = new Set<number>();
  const ids = api?.record.branch_ids;
  if (Array.isArray(ids)) for (const b of ids) if (typeof b === 'number') set.add(b);
  if (ui) set.add(ui.branch);
  return [...set];
}

function hasReason(r: StoredRecord): boolean {
  const rec = r.api?.record;
  return !!(r.ui?.reasonText || rec?.lead_reject_id != null || rec?.customer_reject_id != null);
}

/** The row as stored: every write goes through here so the derived, indexed fields stay true. */
export function toRow(host: string, id: number, api: ApiFacts | undefined, ui: UiFacts | undefined): RecordRow {
  const rec: StoredRecord = { host, id, api, ui };
  const tally = !isArchived(rec) ? TALLY.active : hasReason(rec) ? TALLY.archivedWithReason : TALLY.archived;
  const row: RecordRow = { host, id, api, ui, branches: branchesOf(api, ui), tally };
  if (api) row.sig = keyOrderSig(api.record);
  return row;
}

/** The row with new API or UI facts (the derived fields recomputed). */
export function withFacts(row: RecordRow, change: { api?: ApiFacts; ui?: UiFacts }): RecordRow {
  return toRow(row.host, row.id, 'api' in change ? change.api : row.api, 'ui' in change ? change.ui : row.ui);
}

/**
 * Writes API facts, keeping whatever UI facts are stored for the same records. `archived` null
 * keeps the archive flag already stored (a query that spans both cannot tell).
 */
export async function putApiRecords(
  store: ExportDb,
  host: string,
  records: ApiRecord[],
  archived: boolean | null,
  fetchedAt: string,
): Promise<void> {
  await store.transaction('rw', store.records, async () => {
    const keys = records.map((r) => [host, r.id] as [string, number]);
    const existing = await store.records.bulkGet(keys);
    const rows = records.map((record, i) => {
      const api: ApiFacts = { record, archived: archived ?? existing[i]?.api?.archived ?? false, fetchedAt };
      return toRow(host, record.id, api, existing[i]?.ui);
    });
    await store.records.bulkPut(rows);
  });
}

/** Writes UI facts, keeping whatever API facts are stored for the same records. */
export async function putUiFacts(store: ExportDb, host: string, facts: UiFacts[]): Promise<void> {
  await store.transaction('rw', store.records, async () => {
    const keys = facts.map((f) => [host, f.card.id] as [string, number]);
    const existing = await store.records.bulkGet(keys);
    const rows = facts.map((ui, i) => {
      return toRow(host, ui.card.id, existing[i]?.api, ui);
    });
    await store.records.bulkPut(rows);
  });
}

/**
 * After a complete read of one archive (UI or API), records still marked archived there but not
 * seen have left the archive. Only called after a read that was checked complete.
 */
export async function markLeftArchive(
  store: ExportDb,
  host: string,
  branch: number,
  side: 'ui' | 'api',
  isInScope: (row: RecordRow) => boolean,
  seen: Set<number>,
): Promise<number> {
  return store.transaction('rw', store.records, async () => {
    const rows = await store.records.where('branches').equals(branch).toArray();
    const stale = rows.filter(
      (r) => r.host === host && !seen.has(r.id) && r[side]?.archived === true && isInScope(r),
    );
    await store.records.bulkPut(stale.map((r) => withFacts(r, { [side]: { ...r[side]!, archived: false } })));
    return stale.length;
  });
}

export async function recordsOf(store: ExportDb, host: string, branch: number): Promise<RecordRow[]> {
  const rows = await store.records.where('branches').equals(branch).toArray();
  return rows.filter((r) => r.host === host);
}
