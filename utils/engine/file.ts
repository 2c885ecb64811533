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
import { eachLineRead, type LineItem } from './line-blocks';
import { partKey } from './rows';
import type { ExportTarget, FileLayout } from './source';
import type { ExportDb, RecordRow } from './store';

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
  const put = (cells: string[][]) => {
    rows += cells.length;
    if (cells.length) sink.rows(cells);
  };
  const span = spanOf(target.ids);
  if (layout.lineCells) await eachLineChunk(db, target, span, layout.lineCells, put);
  else await eachRowChunk(db, target, span, layout.cells, put);
  sink.end();
  const name = `${src.fileName(target, now)}${span.only ? '-slice' : ''}`;
  return { fileName: `${name}.${sink.extension}`, rows, mime: sink.mime };
}

/** What ids a file reads: all, or a slice's own (read from its first id to its last). */
interface Span {
  only: Set<number> | null;
  after: number;
  last: number;
}

function spanOf(ids: number[] | undefined): Span {
  if (!ids) return { only: null, after: -Infinity, last: Infinity };
  let [first, last] = [Infinity, -Infinity];
  for (const id of ids) [first, last] = [Math.min(first, id), Math.max(last, id)];
  return { only: new Set(ids), after: first - 1, last };
}

/** Lines of the target's partition and scope, a read at a time; the next read runs while this one is written. */
async function eachLineChunk(db: ExportDb, t: ExportTarget, span: Span, cellsOf: (l: LineItem) => string[], write: (cells: string[][]) => void): Promise<void> {
  const part = partKey(t.source, t.account, t.partition);
  await eachLineRead(db, t.source, t.account, span, (lines) => {
    const cells: string[][] = [];
    for (const line of lines) {
      if (span.only && !span.only.has(line.id)) continue;
      if (line.scopes.includes(t.scope) && line.parts.includes(part)) cells.push(cellsOf(line));
    }
    write(cells);
  });
}

/** Whole rows, for a source that keeps no lines. */
async function eachRowChunk(
  db: ExportDb,
  t: ExportTarget,
  span: Span,
  cellsOf: (r: RecordRow) => string[] | null,
  write: (cells: string[][]) => void,
): Promise<void> {
  let chunk = await chunkAfter(db, t.source, t.account, span.after);
  while (chunk.length > 0) {
    const tail = chunk[chunk.length - 1].id;
    const next = chunk.length === CHUNK && tail < span.last ? chunkAfter(db, t.source, t.account, tail) : Promise.resolve([]);
    const cells: string[][] = [];
    for (const row of chunk) {
      if (span.only && !span.only.has(row.id)) continue;
      const c = cellsOf(row);
      if (c) cells.push(c);
    }
    write(cells);
    chunk = await next;
  }
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
