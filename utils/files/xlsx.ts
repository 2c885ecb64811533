/**
 * A streaming `.xlsx` writer: one sheet, a frozen bold header row, inline strings (never
 * formulas, never shared strings), numbers and dates by column type. Pure: no DOM, no Node APIs;
 * it runs in an offscreen document, an event page or Vitest.
 *
 * Rows go in a chunk at a time and come out as zipped bytes at once, so memory holds one chunk.
 * The zip is fflate's streaming `Zip` + `ZipDeflate`: synchronous, plain JS (no eval, no wasm,
 * no workers), no dependencies, ~8 kB, maintained, and as fast as deflate gets in JS (in Chromium
 * on par with the native CompressionStream, which has no level and is async). Level 1: the sheet
 * XML still shrinks ~8×, while level 6 is ~20 % smaller and ~1.8× slower, and deflate is already
 * most of the writer's time.
 *
 * Limits, decided: a cell longer than Excel's 32,767 characters is cut to that length (Excel
 * would call the file damaged and cut it itself; the CSV keeps the whole text) and counted in
 * `truncatedCells`; more than 1,048,575 data rows or 16,384 columns throw (Excel cannot open them).
 */
import { Zip, ZipDeflate } from 'fflate';
import { ColumnWidths } from './xlsx-parts/column-widths';
import { appXml, contentTypesXml, coreXml, rootRelsXml, SHEET_PATH, stylesXml, workbookRelsXml, workbookXml } from './xlsx-parts/package-parts';
import { RowWriter, sheetHead, sheetTail, type RowCells, type XlsxCellType } from './xlsx-parts/sheet-xml';
import { XmlBytes } from './xlsx-parts/xml-bytes';
import { columnLetters } from './xlsx-parts/xml-text';

export type { RowCells, XlsxCellType } from './xlsx-parts/sheet-xml';

export interface XlsxColumn {
  header: string;
  type: XlsxCellType;
  /** Width in Excel's units (≈ characters); measured from the header and first rows when absent. */
  width?: number;
}

export interface XlsxWriterOptions {
  /** Default `Sheet1`; cut to Excel's 31 characters, `[]:*?/\` replaced. */
  sheetName?: string;
  /** Deflate level, 0..9 (default 1). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** The file's dates (zip entries, document properties); default now. */
  modified?: Date;
}

/** Bytes on a plain ArrayBuffer, so they can go straight into a Blob. */
export type XlsxBytes = Uint8Array<ArrayBuffer>;

export interface XlsxWriter {
  /** Cells as the CSV has them ('' or null: empty). Returns the zipped bytes ready so far. */
  addRows(rows: readonly RowCells[]): XlsxBytes[];
  /** The rest of the file. All returned parts, in order, make the file. */
  finish(): XlsxBytes[];
  /** Cells cut to Excel's 32,767 characters so far. */
  readonly truncatedCells: number;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_DATA_ROWS = 1_048_575;
const MAX_COLUMNS = 16_384;
/** Rows measured for the column widths; their XML waits until the sheet head can be written. */
const WIDTH_SAMPLE_ROWS = 1000;

export function createXlsxWriter(columns: readonly XlsxColumn[], opts: XlsxWriterOptions = {}): XlsxWriter {
  if (columns.length > MAX_COLUMNS) throw new Error(`An .xlsx sheet holds at most ${MAX_COLUMNS} columns`);
  const sheetName = safeSheetName(opts.sheetName);
  const mtime = opts.modified ?? new Date();
  const level = opts.level ?? 1;
  const encoder = new TextEncoder();
  const headers = columns.map((c) => c.header);

  let out: XlsxBytes[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk as XlsxBytes); // fflate allocates its output, never on a SharedArrayBuffer
  });
  const entry = (path: string) => {
    const file = new ZipDeflate(path, { level });
    file.mtime = mtime;
    zip.add(file);
    return file;
  };
  const whole = (path: string, text: string) => {
    entry(path).push(encoder.encode(text), true);
  };
  whole('[Content_Types].xml', contentTypesXml());
  whole('_rels/.rels', rootRelsXml());
  whole('docProps/app.xml', appXml());
  whole('docProps/core.xml', coreXml(mtime));
  whole('xl/_rels/workbook.xml.rels', workbookRelsXml());
  whole('xl/styles.xml', stylesXml());
  const sheet = entry(SHEET_PATH);

  // Until the widths are known the rows' bytes wait (copied: the buffer is reused).
  let pending: Uint8Array[] | null = [];
  const bytes = new XmlBytes((chunk) => (pending ? pending.push(chunk.slice()) : sheet.push(chunk, false)));
  const rowWriter = new RowWriter(
    columns.map((c) => c.type),
    bytes,
  );
  const widths = new ColumnWidths(headers);
  let lastRow = 1;
  let finished = false;

  const writeHead = () => {
    bytes.flush();
    const waiting = pending!;
    pending = null;
    sheet.push(encoder.encode(sheetHead(headers, widths.widths(columns.map((c) => c.width)))), false);
    for (const chunk of waiting) sheet.push(chunk, false);
  };
  const take = () => {
    const ready = out;
    out = [];
    return ready;
  };

  return {
    addRows(rows) {
      if (finished) throw new Error('The .xlsx writer is finished');
      if (lastRow - 1 + rows.length > MAX_DATA_ROWS) throw new Error(`An .xlsx sheet holds at most ${MAX_DATA_ROWS} rows`);
      for (const row of rows) {
        // At the same row however the rows are chunked: the file does not depend on chunking.
        if (pending && lastRow > WIDTH_SAMPLE_ROWS) writeHead();
        if (pending) widths.measure(row);
        rowWriter.row(++lastRow, row);
      }
      return take();
    },
    finish() {
      if (finished) throw new Error('The .xlsx writer is finished');
      finished = true;
      if (pending) writeHead();
      bytes.flush();
      sheet.push(encoder.encode(sheetTail(columns.length, lastRow)), true);
      const filter = columns.length > 0 ? `$A$1:$${columnLetters(columns.length - 1)}$${lastRow}` : null;
      whole('xl/workbook.xml', workbookXml(sheetName, filter));
      zip.end();
      return take();
    },
    get truncatedCells() {
      return rowWriter.truncated;
    },
  };
}

/** A name Excel accepts: 1..31 characters, none of `[]:*?/\`, not starting or ending with `'`. */
export function safeSheetName(name: string | undefined): string {
  const cleaned = (name ?? '')
    .replace(/[[\]:*?/\\\x00-\x1F]/g, '_')
    .slice(0, 31)
    .replace(/^['\s]+|['\s]+$/g, '');
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Sheet1' : cleaned;
}
