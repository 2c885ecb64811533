/**
 * Column widths that fit the header and the first rows, in Excel's unit (about one digit of the
 * default font). Dates are measured as received: their shown form has the same length.
 */

export const MIN_WIDTH = 6;
export const MAX_WIDTH = 60;
/** Excel's own limit on a column's width. */
const EXCEL_MAX_WIDTH = 255;
/** Room for the autofilter button beside a header, and a little padding around values. */
const HEADER_EXTRA = 4;
const VALUE_EXTRA = 2;

/** Length of the longest line (a wrapped cell is as wide as its longest line). */
function longestLine(value: string): number {
  if (value.indexOf('\n') === -1 && value.indexOf('\r') === -1) return value.length;
  let max = 0;
  for (const line of value.split(/\r\n|\r|\n/)) if (line.length > max) max = line.length;
  return max;
}

export class ColumnWidths {
  private readonly chars: number[];

  constructor(headers: readonly string[]) {
    this.chars = headers.map((h) => longestLine(h) + HEADER_EXTRA);
  }

  measure(row: readonly (string | null | undefined)[]): void {
    const chars = this.chars;
    const n = Math.min(row.length, chars.length);
    for (let i = 0; i < n; i++) {
      const v = row[i];
      if (!v || v.length + VALUE_EXTRA <= chars[i]) continue;
      const len = longestLine(v) + VALUE_EXTRA;
      if (len > chars[i]) chars[i] = len;
    }
  }

  /** Measured widths, clamped; a column's own width wins (within what Excel allows). */
  widths(fixed: readonly (number | undefined)[]): number[] {
    return this.chars.map((c, i) => {
      const own = fixed[i];
      return own !== undefined && own > 0 ? Math.min(EXCEL_MAX_WIDTH, own) : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, c));
    });
  }
}
