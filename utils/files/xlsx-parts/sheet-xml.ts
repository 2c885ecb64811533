/**
 * The worksheet's XML in three pieces: the head (frozen, styled header row, column widths), the
 * rows, written as bytes as they come, and the tail (autofilter over the rows written).
 */
import { excelSerial, isExactNumber } from './cell-values';
import { STYLE } from './package-parts';
import { asciiBytes, type XmlBytes } from './xml-bytes';
import { clampToExcel, columnLetters, escapeText } from './xml-text';

export type XlsxCellType = 'text' | 'number' | 'date' | 'datetime';

export type RowCells = readonly (string | null | undefined)[];

/** A reader may trim text that starts or ends with whitespace unless asked to keep it. */
function needsPreserve(value: string): boolean {
  return value.charCodeAt(0) <= 0x20 || value.charCodeAt(value.length - 1) <= 0x20;
}

function isMultiLine(value: string): boolean {
  return value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1;
}

function textCell(ref: string, value: string, style: number): string {
  const s = style ? ` s="${style}"` : '';
  const space = needsPreserve(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeText(value)}</t></is></c>`;
}

/** Everything before the second row; header cells are bold text whatever their column's type. */
export function sheetHead(headers: readonly string[], widths: readonly number[]): string {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const cells = headers.map((h, i) => (h ? textCell(`${columnLetters(i)}1`, clampToExcel(h), STYLE.header) : ''));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData><row r="1">${cells.join('')}</row>`
  );
}

/** `lastRow` is the last row written (1 when only the header). */
export function sheetTail(columnCount: number, lastRow: number): string {
  const filter = columnCount > 0 ? `<autoFilter ref="A1:${columnLetters(columnCount - 1)}${lastRow}"/>` : '';
  return `</sheetData>${filter}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

const ROW_OPEN = asciiBytes('<row r="');
const ROW_OPENED = asciiBytes('">');
const ROW_CLOSE = asciiBytes('</row>');
const CELL_OPEN = asciiBytes('<c r="');
const NUMBER_OPENED = asciiBytes('"><v>');
const DATE_OPENED = asciiBytes(`" s="${STYLE.date}"><v>`);
const DATETIME_OPENED = asciiBytes(`" s="${STYLE.datetime}"><v>`);
const VALUE_CLOSE = asciiBytes('</v></c>');
/** Text cell openings: [multi-line][preserve]. */
const TEXT_OPENED = [false, true].map((wrap) =>
  [false, true].map((keep) => asciiBytes(`"${wrap ? ` s="${STYLE.wrap}"` : ''} t="inlineStr"><is><t${keep ? ' xml:space="preserve"' : ''}>`)),
);
const TEXT_CLOSE = asciiBytes('</t></is></c>');
/** Room for any cell's markup: the longest opening with the longest reference, or a closing. */
const MARKUP_ROOM = 96;

/** Writes data rows by their columns' types; counts the cells cut to Excel's limit. */
export class RowWriter {
  private readonly letters: Uint8Array[];
  truncated = 0;

  constructor(
    private readonly types: readonly XlsxCellType[],
    private readonly out: XmlBytes,
  ) {
    this.letters = types.map((_, i) => asciiBytes(columnLetters(i)));
  }

  row(rowNumber: number, cells: RowCells): void {
    const out = this.out;
    const rowDigits = asciiBytes(String(rowNumber));
    out.reserve(MARKUP_ROOM);
    out.put(ROW_OPEN);
    out.put(rowDigits);
    out.put(ROW_OPENED);
    const n = Math.min(cells.length, this.types.length);
    for (let i = 0; i < n; i++) {
      const v = cells[i];
      if (!v) continue; // empty: no cell at all
      out.reserve(MARKUP_ROOM + 24);
      out.put(CELL_OPEN);
      out.put(this.letters[i]);
      out.put(rowDigits);
      const type = this.types[i];
      if (type === 'number' && isExactNumber(v)) {
        out.put(NUMBER_OPENED);
        out.ascii(v);
        out.put(VALUE_CLOSE);
        continue;
      }
      if (type === 'date' || type === 'datetime') {
        const serial = excelSerial(v);
        if (serial === serial) {
          // The value decides: a time of day is shown even in a date column, never hidden.
          out.put(v.length === 19 ? DATETIME_OPENED : DATE_OPENED);
          out.ascii(String(serial));
          out.put(VALUE_CLOSE);
          continue;
        }
      }
      const text = clampToExcel(v);
      if (text !== v) this.truncated++;
      out.put(TEXT_OPENED[isMultiLine(text) ? 1 : 0][needsPreserve(text) ? 1 : 0]);
      out.text(text);
      out.reserve(MARKUP_ROOM);
      out.put(TEXT_CLOSE);
    }
    out.reserve(MARKUP_ROOM);
    out.put(ROW_CLOSE);
    out.flushIfFull();
  }
}
