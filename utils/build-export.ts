/**
 * From the store to CSV text: the one path every export takes (archive button and popup).
 * Streamed: the rows are read in chunks in id order, merged and written out chunk by chunk, so
 * memory holds one chunk, not the store. The extra columns must be known before the first row:
 * only the first record of each extra-key order can add one (extra-columns.ts), so one record
 * per stored signature is read for them, not every record twice.
 */
import { csvChunkOfCells, csvFileName, csvHead, defaultDelimiter, type CsvOptions } from './csv';
import type { ExportDb, RecordRow } from './db';
import { ExtraColumns } from './extra-columns';
import { FIXED_COLUMNS, inScope, mergeCells, type MergeScope } from './merge';
import type { ExportTarget } from './messaging';
import type { Settings } from './settings';
import type { Dictionaries } from './types';
import { toDictionaries } from './alfacrm/api-sync';

/** Records per read: one chunk is all the export holds at a time (besides the next, being read). */
const CHUNK = 2000;
const LEAD_REASON = FIXED_COLUMNS.indexOf('lead_reject_reason');
const CUSTOMER_REASON = FIXED_COLUMNS.indexOf('customer_reject_reason');

export interface ExportSummary {
  fileName: string;
  rows: number;
  withReason: number;
}

export interface BuiltExport extends ExportSummary {
  csv: string;
}

export async function loadDictionaries(store: ExportDb, origin: string): Promise<Dictionaries | null> {
  const rows = await store.dicts.where('[origin+name]').between([origin, ''], [origin, '\uffff']).toArray();
  if (rows.length === 0) return null;
  return toDictionaries(Object.fromEntries(rows.map((r) => [r.name, r.items])));
}

/** The extra columns of the records in scope, from the first in-scope record of each signature. */
async function extraColumns(store: ExportDb, host: string, scope: MergeScope): Promise<string[]> {
  const index = store.records.where('[host+sig+id]');
  const firsts: RecordRow[] = [];
  // Skip from one signature to the next: one key lookup each.
  // Signatures are base-36 strings and ids finite numbers: these bounds enclose them all.
  let next = await index.between([host, '', -Infinity], [host, '\uffff', Infinity]).first();
  while (next?.sig !== undefined) {
    const sig = next.sig;
    const first = await index.between([host, sig, -Infinity], [host, sig, Infinity]).filter((r) => inScope(r, scope)).first();
    if (first) firsts.push(first);
    next = await index.between([host, sig, Infinity], [host, '\uffff', Infinity], false).first();
  }
  const extras = new ExtraColumns();
  for (const r of firsts.sort((a, b) => a.id - b.id)) extras.add(r.api!.record);
  return extras.columns;
}

/** The host's records after id `after`, a chunk at a time, in id order. */
export function chunkAfter(store: ExportDb, host: string, after: number): Promise<RecordRow[]> {
  return store.records.where('[host+id]').between([host, after], [host, Infinity], false).limit(CHUNK).toArray();
}

/** Writes the CSV to `write` in pieces (BOM and header first); returns the file name and counts. */
export async function streamExport(
  store: ExportDb,
  target: ExportTarget,
  settings: Settings,
  locale: string,
  write: (text: string) => void,
  now = new Date(),
): Promise<ExportSummary> {
  const scope: MergeScope = { branch: target.branch, only: target.scope };
  const host = target.origin;
  const [dicts, extras] = await Promise.all([loadDictionaries(store, host), extraColumns(store, host, scope)]);
  const columns = [...FIXED_COLUMNS, ...extras];
  const opts: CsvOptions = {
    delimiter: settings.delimiter === 'auto' ? defaultDelimiter(locale) : settings.delimiter,
    escapeFormulae: settings.escapeFormulae,
    headerLanguage: settings.headerLanguage,
  };
  write(csvHead(columns, opts));
  let rows = 0;
  let withReason = 0;
  let chunk = await chunkAfter(store, host, -Infinity);
  while (chunk.length > 0) {
    // The next read runs while this chunk is merged and written.
    const next = chunk.length === CHUNK ? chunkAfter(store, host, chunk[chunk.length - 1].id) : Promise.resolve([]);
    const merged = chunk.filter((r) => inScope(r, scope)).map((r) => mergeCells(r, dicts, scope, extras));
    rows += merged.length;
    withReason += merged.filter((cells) => cells[LEAD_REASON] || cells[CUSTOMER_REASON]).length;
    write(csvChunkOfCells(merged, opts));
    chunk = await next;
  }
  const kind = target.scope === 'all' ? 'leads' : 'archive';
  return { fileName: csvFileName(kind, new URL(host).host, target.branch, now), rows, withReason };
}

/** The whole file as one string (tests, small exports). */
export async function buildExport(store: ExportDb, target: ExportTarget, settings: Settings, locale: string, now = new Date()): Promise<BuiltExport> {
  const parts: string[] = [];
  const summary = await streamExport(store, target, settings, locale, (t) => parts.push(t), now);
  return { ...summary, csv: parts.join('') };
}

/** The file as a Blob built of per-chunk Blobs: the text of a chunk can go once it is written. */
export async function buildExportBlob(store: ExportDb, target: ExportTarget, settings: Settings, locale: string): Promise<ExportSummary & { blob: Blob }> {
  const parts: Blob[] = [];
  const summary = await streamExport(store, target, settings, locale, (t) => t && parts.push(new Blob([t])));
  return { ...summary, blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }) };
}
