/**
 * From the store to a file: the one path every export takes. Streamed: rows are read in chunks
 * in id order and written out chunk by chunk, so memory holds one chunk, not the store. What the
 * columns and cells are is the source's (its `layout`).
 */
import { engineOf } from '../sources';
import { csvChunkOfCells, csvHead, defaultDelimiter, type CsvOptions } from '../files/csv';
import type { Settings } from '../settings/schema';
import { chunkAfter, CHUNK } from './file-rows';
import type { ExportTarget } from './source';
import type { ExportDb } from './store';

/** The settings a file is written with. */
export type FileSettings = Pick<Settings, 'delimiter' | 'escapeFormulae' | 'headerLanguage' | 'fileFormat'>;

export interface FileSummary {
  fileName: string;
  rows: number;
}

/** Writes the file to `write` in pieces (BOM and header first); returns its name and row count. */
export async function streamFile(
  db: ExportDb,
  target: ExportTarget,
  settings: FileSettings,
  locale: string,
  write: (text: string) => void,
  now = new Date(),
): Promise<FileSummary> {
  const src = engineOf(target.source);
  const layout = await src.layout(db, target);
  const opts: CsvOptions = {
    delimiter: settings.delimiter === 'auto' ? defaultDelimiter(locale) : settings.delimiter,
    escapeFormulae: settings.escapeFormulae,
  };
  write(csvHead(layout.header(settings.headerLanguage), opts));
  let rows = 0;
  let chunk = await chunkAfter(db, target.source, target.account, -Infinity);
  while (chunk.length > 0) {
    // The next read runs while this chunk is merged and written.
    const next = chunk.length === CHUNK ? chunkAfter(db, target.source, target.account, chunk[chunk.length - 1].id) : Promise.resolve([]);
    const cells: string[][] = [];
    for (const row of chunk) {
      const c = layout.cells(row);
      if (c) cells.push(c);
    }
    rows += cells.length;
    write(csvChunkOfCells(cells, opts));
    chunk = await next;
  }
  return { fileName: `${src.fileName(target, now)}.csv`, rows };
}

/** The whole file as one string (tests, small exports). */
export async function buildFile(
  db: ExportDb,
  target: ExportTarget,
  settings: FileSettings,
  locale: string,
  now = new Date(),
): Promise<FileSummary & { text: string }> {
  const parts: string[] = [];
  const summary = await streamFile(db, target, settings, locale, (t) => parts.push(t), now);
  return { ...summary, text: parts.join('') };
}

/** The file as a Blob built of per-chunk Blobs: the text of a chunk can go once it is written. */
export async function buildFileBlob(db: ExportDb, target: ExportTarget, settings: FileSettings, locale: string): Promise<FileSummary & { blob: Blob }> {
  const parts: Blob[] = [];
  const summary = await streamFile(db, target, settings, locale, (t) => t && parts.push(new Blob([t])));
  return { ...summary, blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }) };
}
