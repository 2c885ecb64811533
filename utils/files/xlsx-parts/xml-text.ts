/**
 * Text as SpreadsheetML writes it: XML-escaped, with the characters XML 1.0 cannot carry written
 * as Excel does (`_xHHHH_`), and Excel's cell length limit.
 */

/** Excel's limit on a cell's text (UTF-16 code units, counted after decoding). */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/**
 * What must change in element text: markup characters, CR (an XML parser would turn it into LF),
 * characters XML 1.0 forbids (C0 controls but tab and LF, U+FFFE/U+FFFF, lone surrogates) and
 * the `_` that starts a literal `_xHHHH_` (else a reader would decode it). Without the `u` flag
 * the regex sees UTF-16 code units, so a valid surrogate pair never matches.
 */
const TEXT_ESCAPES =
  /[&<>\r\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

function escapeOne(ch: string): string {
  switch (ch) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '\r':
      return '&#13;'; // a character reference survives XML's line-end normalisation
    default:
      return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  }
}

/** Element text for a `<t>`: round-trips through Excel, LibreOffice and OOXML readers. */
export function escapeText(value: string): string {
  return value.replace(TEXT_ESCAPES, escapeOne);
}

/** An attribute value in double quotes (names, refs: never control characters). */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** The value cut to Excel's limit, never between the halves of a surrogate pair. */
export function clampToExcel(value: string): string {
  if (value.length <= EXCEL_MAX_CELL_CHARS) return value;
  let end = EXCEL_MAX_CELL_CHARS;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return value.slice(0, end);
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
