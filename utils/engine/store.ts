/**
 * The store: IndexedDB of the extension's origin (background, offscreen, extension pages).
 * Content scripts never open it: the page's origin would own that database. Records are keyed
 * by source + account + id; what a record is made of (`api`, `ui` facts) is the source's.
 */
import Dexie, { type Table } from 'dexie';
import type { Job } from './run';
import { packLinesV6, writeLines, type LineBlock, type LineDelta, type LineItem } from './line-blocks';
import { markKey, partKey, toRow } from './rows';
import type { Derived, SourceId } from './source';
// v1–v3 stores were one CRM's, before sources: that source's folder knows how to carry them over.
import { linesForV5, marksForV7, upgradeToV4 } from '../sources/legacy-store';

export interface RecordRow {
  source: SourceId;
  account: string;
  id: number;
  /** What the source's API said of the record (the source's shape). */
  api?: unknown;
  /** What the CRM's page showed of it (the source's shape). */
  ui?: unknown;
  /** `source|account|partition` of each partition it belongs to (indexed, multi-entry). */
  parts: string[];
  tally: number;
  unit?: string;
  sig?: string;
  /** The source's count marks, one key per partition and mark (indexed, multi-entry). */
  marks?: string[];
}

/**
 * A record as a file wants it, kept beside the row on every write: a file reads these short
 * rows instead of whole records (reading is most of an export's time). The source projects it.
 */
export interface LineRow {
  source: SourceId;
  account: string;
  id: number;
  parts: string[];
  /** The export scopes the record is in (e.g. `all`, `archived-leads`). */
  scopes: string[];
  /** The source's cells, serialised (JSON). */
  data: string;
}

/** A list the source keeps beside its records (dictionaries, field definitions). */
export interface ListRow {
  source: SourceId;
  account: string;
  name: string;
  items: unknown[];
  fetchedAt: string;
}

export class ExportDb extends Dexie {
  rows!: Table<RecordRow, [SourceId, string, number]>;
  lists!: Table<ListRow, [SourceId, string, string]>;
  jobs!: Table<Job, string>;
  lineBlocks!: Table<LineBlock, [SourceId, string, number]>;
  lineDeltas!: Table<LineDelta, [SourceId, string, number]>;

  constructor(name = 'crm-archive-export') {
    super(name);
    // v1–v3 were one CRM's alone, keyed by host: kept so an old store opens and upgrades.
    this.version(1).stores({ records: '[host+id], host, *branches', dicts: '[origin+name]' });
    this.version(2).stores({ jobs: 'key, origin' });
    this.version(3).stores({ records: '[host+id], host, *branches, [host+ui.columnId], tally, [host+sig+id]' });
    // A primary key cannot change in place: v4 copies into new tables and drops the old ones.
    this.version(4)
      .stores({
        records: null,
        dicts: null,
        rows: '[source+account+id], *parts, [source+account+tally], [source+account+unit], [source+account+sig+id]',
        lists: '[source+account+name]',
        jobs: 'key, [source+account]',
      })
      .upgrade(upgradeToV4);
    // Export-ready lines beside the rows, made from the rows already stored.
    this.version(5).stores({ lines: '[source+account+id]' }).upgrade(linesForV5);
    // The lines packed in blocks of consecutive ids (line-blocks.ts: why).
    this.version(6).stores({ lines: null, lineBlocks: '[source+account+block]' }).upgrade(packLinesV6);
    // Count marks, so a run's checks and the popup's reconciliation count without reading rows.
    this.version(7)
      .stores({ rows: '[source+account+id], *parts, [source+account+tally], [source+account+unit], [source+account+sig+id], *marks' })
      .upgrade(marksForV7);
    // Lines written since their blocks were (line-blocks.ts FOLD_AT).
    this.version(8).stores({ lineDeltas: '[source+account+id]' });
  }

  /** The tables a write of facts touches (a transaction that commits a cursor adds jobs). */
  get factTables() {
    return [this.rows, this.lineBlocks, this.lineDeltas];
  }
}

export const db = new ExportDb();

export interface FactsWriter {
  source: SourceId;
  account: string;
  derive: (r: Pick<RecordRow, 'api' | 'ui' | 'id'>) => Derived;
  /** The export-ready line of a row (none: the row is in no file). */
  project?: (row: RecordRow) => Pick<LineRow, 'scopes' | 'data'> | null;
  /** Whether one side's new facts say nothing the stored ones did not (e.g. only a later `seenAt`): the row is not written. */
  same?: (stored: unknown, next: unknown) => boolean;
}

const generations = new Map<string, number>();

/**
 * How many times this context has written an account's rows: what a cache of numbers derived
 * from them is stamped with (rows are written by the background alone).
 */
export function rowsGeneration(source: SourceId, account: string): number {
  return generations.get(`${source}|${account}`) ?? 0;
}

/** Writes rows and, for a source that projects them, their lines (inside the caller's transaction). */
export async function putRows(store: ExportDb, w: FactsWriter, rows: RecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  const key = `${w.source}|${w.account}`;
  generations.set(key, (generations.get(key) ?? 0) + 1);
  await store.rows.bulkPut(rows);
  if (!w.project) return;
  const lines: LineItem[] = [];
  const gone: number[] = [];
  for (const r of rows) {
    const line = w.project(r);
    if (line) lines.push({ id: r.id, parts: r.parts, ...line });
    else gone.push(r.id);
  }
  await writeLines(store, w.source, w.account, lines, gone);
}

/**
 * Writes one side's facts of many records, keeping the other side's: `make` gets what is
 * stored (or undefined) and returns the new facts of that side.
 */
export async function putFacts<T>(
  store: ExportDb,
  w: FactsWriter,
  side: 'api' | 'ui',
  items: { id: number; make: (stored: RecordRow | undefined) => T }[],
): Promise<void> {
  await store.transaction('rw', store.factTables, async () => {
    const existing = await store.rows.bulkGet(items.map((i) => [w.source, w.account, i.id] as [SourceId, string, number]));
    const rows: RecordRow[] = [];
    items.forEach((item, i) => {
      const before = existing[i];
      const next = item.make(before);
      if (before?.[side] !== undefined && w.same?.(before[side], next)) return;
      rows.push(toRow(w.source, w.account, item.id, { api: before?.api, ui: before?.ui, [side]: next }, w.derive));
    });
    await putRows(store, w, rows);
  });
}

/** Rewrites stored rows with changed facts (derived fields recomputed). */
export async function rewrite(store: ExportDb, w: FactsWriter, rows: RecordRow[], change: (r: RecordRow) => { api?: unknown; ui?: unknown }): Promise<void> {
  await putRows(
    store,
    w,
    rows.map((r) => toRow(w.source, w.account, r.id, { api: r.api, ui: r.ui, ...change(r) }, w.derive)),
  );
}

/** Every row of a partition of an account. */
export function rowsOf(store: ExportDb, source: SourceId, account: string, partition: string): Promise<RecordRow[]> {
  return store.rows
    .where('parts')
    .equals(partKey(source, account, partition))
    .toArray();
}

/** How many rows of a partition carry each of `marks` (index counts: no row is read). */
export async function countMarks<M extends string>(
  store: ExportDb,
  source: SourceId,
  account: string,
  partition: string,
  marks: readonly M[],
): Promise<Record<M, number>> {
  const part = partKey(source, account, partition);
  const n = await Promise.all(marks.map((m) => store.rows.where('marks').equals(markKey(part, m)).count()));
  return Object.fromEntries(marks.map((m, i) => [m, n[i]])) as Record<M, number>;
}

export function countTally(store: ExportDb, source: SourceId, account: string, tally: number): Promise<number> {
  return store.rows.where('[source+account+tally]').equals([source, account, tally]).count();
}

/** Ids of the partition's rows that carry `mark` (read from the index, not the rows). */
export async function idsWithMark(store: ExportDb, source: SourceId, account: string, partition: string, mark: string): Promise<number[]> {
  const keys = await store.rows
    .where('marks')
    .equals(markKey(partKey(source, account, partition), mark))
    .primaryKeys();
  return keys.map((k) => (k as unknown as [SourceId, string, number])[2]);
}
