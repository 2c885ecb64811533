/**
 * From the store to a file: the one path every export takes. Streamed: rows are read in chunks
 * in id order and written out chunk by chunk, so memory holds one chunk, not the store. What the
 * columns and cells are is the source's (its `layout`); CSV or XLSX is the user's choice.
 */
import { engineOf } from '../sources';
import { csvChunkOfCells, csvHead, defaultDelimiter, type CsvOptions } from '../files/csv';
import { createXlsxWriter, XLSX_MIME } from '../files/xlsx';
import type { Settings } from '../settings/schema';
import { chunkAfter, CHUNK } from './file-rows';
import type { ExportTarget, FileLayout } from './source';
import type { ExportDb } from './store';

/** The settings a file is written with. */
export type FileSettings = Pick<Settings, 'delimiter' | 'escapeFormulae' | 'headerLanguage' | 'fileFormat'>;

export interface FileSummary {
  fileName: string;
  rows: number;
}

type Part = string | Uint8Array<ArrayBuffer>;

/** A file format: its header, its rows chunk by chunk, its end. */
interface Sink {
  rows(cells: string[][]): void;
  end(): void;
  extension: string;
  mime: string;
}

function csvSink(layout: FileLayout, settings: FileSettings, locale: string, write: (p: Part) => void): Sink {
  const opts: CsvOptions = {
    delimiter: settings.delimiter === 'auto' ? defaultDelimiter(locale) : settings.delimiter,
    escapeFormulae: settings.escapeFormulae,
  };
  write(csvHead(layout.header(settings.headerLanguage), opts));
  return { rows: (cells) => write(csvChunkOfCells(cells, opts)), end: () => undefined, extension: 'csv', mime: 'text/csv;charset=utf-8' };
}

/** Cells go in as the CSV has them: inline strings are never formulas, so nothing is neutralised. */
function xlsxSink(layout: FileLayout, settings: FileSettings, write: (p: Part) => void, now: Date): Sink {
  const header = layout.header(settings.headerLanguage);
  const writer = createXlsxWriter(
    header.map((h, i) => ({ header: h, type: layout.types?.[i] ?? 'text' })),
    { modified: now },
  );
  const out = (parts: Uint8Array<ArrayBuffer>[]) => parts.forEach(write);
  return { rows: (cells) => out(writer.addRows(cells)), end: () => out(writer.finish()), extension: 'xlsx', mime: XLSX_MIME };
}

/** Writes the file to `write` in pieces; returns its name, row count and type. */
export async function streamFile(
  db: ExportDb,
  target: ExportTarget,
  settings: FileSettings,
  locale: string,
  write: (part: Part) => void,
  now = new Date(),
): Promise<FileSummary & { mime: string }> {
  const src = engineOf(target.source);
  const layout = await src.layout(db, target);
  const sink = settings.fileFormat === 'xlsx' ? xlsxSink(layout, settings, write, now) : csvSink(layout, settings, locale, write);
  let rows = 0;
  // A slice reads from its first id to its last, and writes only its own rows.
  const only = target.ids ? new Set(target.ids) : null;
  let first = Infinity;
  let last = only ? -Infinity : Infinity;
  for (const id of only ?? []) [first, last] = [Math.min(first, id), Math.max(last, id)];
  let chunk = await chunkAfter(db, target.source, target.account, only ? first - 1 : -Infinity);
  while (chunk.length > 0) {
    const tail = chunk[chunk.length - 1].id;
    // The next read runs while this chunk is merged and written.
    const next = chunk.length === CHUNK && tail < last ? chunkAfter(db, target.source, target.account, tail) : Promise.resolve([]);
    const cells: string[][] = [];
    for (const row of chunk) {
      if (only && !only.has(row.id)) continue;
      const c = layout.cells(row);
      if (c) cells.push(c);
    }
    rows += cells.length;
    if (cells.length) sink.rows(cells);
    chunk = await next;
  }
  sink.end();
  const name = `${src.fileName(target, now)}${only ? '-slice' : ''}`;
  return { fileName: `${name}.${sink.extension}`, rows, mime: sink.mime };
}

/** The whole file as text (CSV; tests and small exports). */
export async function buildFile(
  db: ExportDb,
  target: ExportTarget,
  settings: FileSettings,
  locale: string,
  now = new Date(),
): Promise<FileSummary & { text: string }> {
  const parts: string[] = [];
  const summary = await streamFile(db, target, { ...settings, fileFormat: 'csv' }, locale, (t) => parts.push(t as string), now);
  return { ...summary, text: parts.join('') };
}

/** The file as a Blob built of per-chunk parts: a chunk's text can go once it is written. */
export async function buildFileBlob(db: ExportDb, target: ExportTarget, settings: FileSettings, locale: string): Promise<FileSummary & { blob: Blob }> {
  const parts: Blob[] = [];
  const summary = await streamFile(db, target, settings, locale, (p) => {
    if (p.length) parts.push(new Blob([p]));
  });
  return { fileName: summary.fileName, rows: summary.rows, blob: new Blob(parts, { type: summary.mime }) };
}
