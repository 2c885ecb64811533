/**
 * The CSV writer: UTF-8 with BOM, CRLF, `;` or `,`, formula neutralisation, never a `sep=` line.
 * Pure: returns the file's text; the caller turns it into a download.
 */
import * as PapaNs from 'papaparse';

// papaparse is a UMD/CommonJS module: depending on the bundler or loader its API is the
// namespace itself or its `default`. Works with and without esModuleInterop.
const Papa: typeof PapaNs = (PapaNs as unknown as { default?: typeof PapaNs }).default ?? PapaNs;

export interface CsvOptions {
  delimiter: ';' | ',';
  /** Prefix cells starting with = + - @ tab or CR with `'` (for Excel). */
  escapeFormulae: boolean;
}

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

/**
 * Cells Excel/LibreOffice would read as a formula. Anchored at the start only: PapaParse's own
 * pattern (`/^[=+\-@\t\r].*$/`) fails on multi-line cells because `.` does not match a line break.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The full file text (BOM included): the header cells, then the rows' cells. */
export function toCsv(header: string[], rows: string[][], opts: CsvOptions): string {
  return csvHead(header, opts) + csvChunkOfCells(rows, opts);
}

/**
 * The file's start: BOM and the header row, without a line end. Header cells are neutralised
 * like any other: beside our own keys stand the API's field names, which a CRM user can set.
 */
export function csvHead(header: string[], opts: CsvOptions): string {
  return BOM + Papa.unparse([header], { ...unparseBase(opts), escapeFormulae: opts.escapeFormulae ? FORMULA_START : false });
}

/**
 * Rows (cells in column order) that follow what was written before: the chunk starts with the
 * line end; '' for none. The arrays are reused (emptied cells).
 */
export function csvChunkOfCells(rows: (string | null)[][], opts: CsvOptions): string {
  if (rows.length === 0) return '';
  // PapaParse returns at once for null, but runs all its checks on '': same text, less work.
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i] === '') row[i] = null;
  return CRLF + Papa.unparse(rows, { ...unparseBase(opts), escapeFormulae: opts.escapeFormulae ? FORMULA_START : false });
}

function unparseBase(opts: CsvOptions) {
  return { delimiter: opts.delimiter, newline: CRLF, quoteChar: '"', header: false } as const;
}

/** `;` when the locale writes decimals with a comma (uk, ru, de …), else `,`. */
export function defaultDelimiter(locale: string): ';' | ',' {
  try {
    const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
    const decimal = parts.find((p) => p.type === 'decimal')?.value;
    return decimal === ',' ? ';' : ',';
  } catch {
    return ',';
  }
}

const NOT_FILE_SAFE = new RegExp('[^\\p{L}\\p{N}._-]', 'gu');

/** A host as a file-name part: letters, digits, '.', '-'; the port's ':' becomes '_'. */
export function sanitizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  h = h.replace(/^[a-z][a-z0-9+.-]*:\/\//, ''); // a whole URL was passed
  h = h.split(/[/?#]/)[0];
  h = h.replace(/^.*@/, ''); // userinfo
  h = h.replace(/:/g, '_');
  h = h.replace(NOT_FILE_SAFE, '');
  h = h.replace(/^[.]+|[.]+$/g, '');
  return h === '' ? 'unknown-host' : h;
}
