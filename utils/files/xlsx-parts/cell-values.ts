/**
 * Which strings become numbers and dates. Only exact, lossless conversions: anything else stays
 * the text it was received as. Parsed by character codes: these run for millions of cells.
 */

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Excel shows and keeps 15 significant digits; a longer number would change when edited. */
const EXCEL_DIGITS = 15;

/**
 * Whether the cell is a plain decimal that Excel holds exactly and that reads back as the very
 * same string: no exponent, no `+`, no leading zero (phones, codes), at most 15 significant
 * digits; so `-0`, `1.50` and long ids stay text.
 */
export function isExactNumber(value: string): boolean {
  const n = value.length;
  let i = value.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const start = i;
  while (i < n && digit(value, i) >= 0) i++;
  const intDigits = i - start;
  if (intDigits === 0 || (intDigits > 1 && value.charCodeAt(start) === 48)) return false;
  if (i === n) return intDigits <= EXCEL_DIGITS && !(start === 1 && value.charCodeAt(1) === 48); // not -0
  if (value.charCodeAt(i) !== 46 || i + 1 === n) return false; // '.'
  const fractionStart = i + 1;
  for (i = fractionStart; i < n; i++) if (digit(value, i) < 0) return false;
  // Significant digits: the fraction's leading zeros count only after a non-zero integer part.
  let significant = value.charCodeAt(start) === 48 ? 0 : intDigits;
  let f = fractionStart;
  if (significant === 0) while (f < n && value.charCodeAt(f) === 48) f++;
  significant += n - f;
  return significant <= EXCEL_DIGITS && String(Number(value)) === value;
}

/** Serial of 1970-01-01 in Excel's 1900 date system (day 0 is 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;
/** 1900-03-01: earlier serials meet Excel's fictitious 1900-02-29, so those dates stay text. */
const FIRST_SAFE_SERIAL = 61;

/** Digits at [from, from+count) as a number, or -1. */
function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = digit(s, i);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (civil-from-days, inverted). */
function daysFromEpoch(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS` or `DD.MM.YYYY` as an Excel serial
 * (wall-clock time, no time zone; a time of day makes it fractional); NaN for anything else or
 * an impossible date. The value has a time of day exactly when its length is 19.
 */
export function excelSerial(value: string): number {
  const n = value.length;
  let y: number, m: number, d: number;
  let seconds = 0;
  if (n === 10 && value.charCodeAt(2) === 46 && value.charCodeAt(5) === 46) {
    d = digits(value, 0, 2);
    m = digits(value, 3, 2);
    y = digits(value, 6, 4);
  } else if ((n === 10 || n === 19) && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    y = digits(value, 0, 4);
    m = digits(value, 5, 2);
    d = digits(value, 8, 2);
    if (n === 19) {
      const sep = value.charCodeAt(10);
      if ((sep !== 32 && sep !== 84) || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return NaN;
      const h = digits(value, 11, 2),
        mi = digits(value, 14, 2),
        s = digits(value, 17, 2);
      if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return NaN;
      seconds = h * 3600 + mi * 60 + s;
    }
  } else return NaN;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  const day = daysFromEpoch(y, m, d) + UNIX_EPOCH_SERIAL;
  if (day < FIRST_SAFE_SERIAL) return NaN;
  return seconds === 0 ? day : day + seconds / 86_400;
}
