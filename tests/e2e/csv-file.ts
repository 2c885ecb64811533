/** Reading an exported CSV back the way a script would. */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface CsvFile {
  bom: boolean;
  crlf: boolean;
  header: string[];
  rows: Record<string, string>[];
}

export function readCsv(file: string): CsvFile {
  const text = readFileSync(file, 'utf8');
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: true });
  const [header = [], ...data] = parsed.data;
  return {
    bom,
    crlf:
      body.includes('\r\n') &&
      !/[^\r]\n/.test(
        body
          .split('"')
          .filter((_, i) => i % 2 === 0)
          .join(''),
      ),
    header,
    rows: data.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']))),
  };
}

/** A cell as Excel-safe export writes it: formula-like values carry a leading `'`. */
export function unescapeCell(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}
