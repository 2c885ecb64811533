/**
 * Runs inside an extension page (chrome-extension://<id>/popup.html), bundled by bench/lib/bundle.ts
 * and evaluated there through CDP. Uses the product's own store (utils/engine/store.ts: the Dexie
 * schema) and AlfaCRM's write helpers the sync uses, so the numbers are the product's.
 *
 * Exposes `globalThis.__storeBench` with:
 * - `seed(spec)`: writes `count` rows (shape RecordRow, bulkPut batches of 1,000) and the
 *   dictionaries into the product's database 'crm-archive-export', timed (the write throughput);
 * - `readAll(origin)`: reads back what the export reads (the export-ready lines) in its chunks, timed; `buildBlob(origin)`: the
 *   export's build (read, merge, CSV, Blob) without the offscreen document and the download;
 * - `syncPath(spec)`: writes rows the way the sync does into a scratch database, timed;
 * - `seedJob(origin, branch)`: the job the Insights page finds the seeded account by.
 */
import Dexie from 'dexie';
import { buildFileBlob } from '../../utils/engine/file';
import { eachLineRead } from '../../utils/engine/line-blocks';
import { toRow } from '../../utils/engine/rows';
import { newJob } from '../../utils/engine/run';
import { ExportDb, putRows, type RecordRow } from '../../utils/engine/store';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';
import { derive } from '../../utils/sources/alfacrm/derive';
import { apiOf, putApiRecords, putUiFacts, uiOf, writer } from '../../utils/sources/alfacrm/facts';
import type { ApiRecord, UiFacts } from '../../utils/sources/alfacrm/types';

/** A dictionary as the seed writes it. */
interface DictRow {
  name: string;
  items: { id: number; name: string }[];
}

export interface TemplateRecord {
  record: ApiRecord;
  archived: boolean;
  /** Board column (reason id, 0 = none) and its title, for archived leads. */
  column: { id: number; name: string } | null;
}

export interface SeedSpec {
  origin: string;
  branch: number;
  count: number;
  templates: TemplateRecord[];
  dicts: DictRow[];
  /** First id of the generated rows. */
  firstId: number;
}

const FETCHED_AT = '2026-01-15T10:00:00.000Z';

/** Row `i` of a generated store: a template record under a new id, with UI facts for archived leads. */
function makeRow(spec: SeedSpec, i: number): RecordRow {
  const t = spec.templates[i % spec.templates.length];
  const id = spec.firstId + i;
  const record: ApiRecord = { ...t.record, id, name: `${String(t.record.name)} ${i}`, branch_ids: [spec.branch] };
  const ui = t.column ? uiFacts(spec, id, record, t.column) : undefined;
  return toRow('alfacrm', spec.origin, id, { api: { record, archived: t.archived, fetchedAt: FETCHED_AT }, ui }, derive);
}

function uiFacts(spec: SeedSpec, id: number, record: ApiRecord, column: { id: number; name: string }): UiFacts {
  const created = String(record.created_at ?? '');
  return {
    branch: spec.branch,
    kind: 'lead',
    archived: true,
    columnId: column.id,
    reasonText: column.id === 0 ? null : column.name,
    card: { id, name: String(record.name), date: `${created.slice(8, 10)}.${created.slice(5, 7)}`, manager: 'Менеджер' },
    seenAt: FETCHED_AT,
  };
}

/** Rows made 1,000 at a time and written as a write of facts writes them (rows and their export-ready lines, no merging). */
async function writeRows(store: ExportDb, spec: SeedSpec): Promise<number> {
  const started = performance.now();
  const w = writer(spec.origin);
  for (let from = 0; from < spec.count; from += 1000) {
    const rows: RecordRow[] = [];
    for (let i = from; i < Math.min(spec.count, from + 1000); i++) rows.push(makeRow(spec, i));
    await store.transaction('rw', store.factTables, () => putRows(store, w, rows));
  }
  return performance.now() - started;
}

/** Fills the product's own database for an export; returns the rows stored and the write time. */
async function seed(spec: SeedSpec): Promise<{ rows: number; ms: number }> {
  const store = new ExportDb();
  await Promise.all([store.rows.clear(), store.lineBlocks.clear(), store.lineDeltas.clear()]);
  await store.lists.bulkPut(spec.dicts.map((d) => ({ ...d, source: 'alfacrm' as const, account: spec.origin, fetchedAt: FETCHED_AT })));
  const ms = await writeRows(store, spec);
  const rows = await store.rows.count();
  store.close();
  return { rows, ms };
}

/** Reads every row of the account from the product's database in the export's chunks, in id order. */
async function readAll(origin: string): Promise<{ rows: number; ms: number }> {
  const store = new ExportDb();
  const t = performance.now();
  let rows = 0;
  // What the export reads: the export-ready lines, in its reads of blocks.
  await eachLineRead(store, 'alfacrm', origin, { after: -Infinity, last: Infinity }, (lines) => (rows += lines.length));
  const ms = performance.now() - t;
  store.close();
  return { rows, ms };
}

/** The export's build alone (read, merge, CSV, Blob), in this page: no offscreen document, no download. */
async function buildBlob(origin: string): Promise<{ rows: number; ms: number }> {
  const store = new ExportDb();
  const t = performance.now();
  const built = await buildFileBlob(store, { source: 'alfacrm', account: origin, partition: '1', scope: 'all' }, DEFAULT_SETTINGS, 'uk');
  const ms = performance.now() - t;
  store.close();
  return { rows: built.rows, ms };
}

/**
 * Writes `count` rows the way the sync writes them (putApiRecords, then putUiFacts for the
 * archived leads, one page of 50 per transaction) into a scratch database of the same schema,
 * which is deleted afterwards.
 */
async function syncPath(spec: SeedSpec): Promise<{ rows: number; ms: number }> {
  const name = 'crm-archive-export-bench';
  await Dexie.delete(name);
  const store = new ExportDb(name);
  const t = performance.now();
  for (let from = 0; from < spec.count; from += 50) {
    const page: RecordRow[] = [];
    for (let i = from; i < Math.min(spec.count, from + 50); i++) page.push(makeRow(spec, i));
    await putApiRecords(
      store,
      spec.origin,
      page.map((r) => apiOf(r)!.record),
      null,
      FETCHED_AT,
    );
    const ui = page.map(uiOf).filter((u): u is UiFacts => !!u);
    if (ui.length) await putUiFacts(store, spec.origin, ui);
  }
  const ms = performance.now() - t;
  const rows = await store.rows.count();
  store.close();
  await Dexie.delete(name);
  return { rows, ms };
}

/** A job for the seeded account and branch: the Insights page lists the accounts the jobs name. */
async function seedJob(origin: string, branch: number): Promise<void> {
  const store = new ExportDb();
  await store.jobs.put(newJob('alfacrm', origin, String(branch)));
  store.close();
}

(globalThis as { __storeBench?: unknown }).__storeBench = { seed, seedJob, readAll, buildBlob, syncPath };
