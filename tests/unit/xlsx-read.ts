/**
 * Reading the writer's files back for tests, two independent ways: ExcelJS (a reader library)
 * and the raw parts (unzipped with fflate, parsed as strict XML by jsdom, cells decoded as the
 * OOXML spec says, `_xHHHH_` in either case of hex, as Excel reads them).
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { expect } from 'vitest';
import { createXlsxWriter, type XlsxColumn, type XlsxWriterOptions } from '@/utils/files/xlsx';

/** A fixed date keeps files byte-comparable. */
export const FIXED: XlsxWriterOptions = { modified: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) };

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
}

/** The whole file, rows fed in chunks of `chunk` rows. */
export function writeXlsx(columns: XlsxColumn[], rows: (string | null)[][], chunk = 2000, opts = FIXED) {
  const writer = createXlsxWriter(columns, opts);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < rows.length; i += chunk) parts.push(...writer.addRows(rows.slice(i, i + chunk)));
  parts.push(...writer.finish());
  return { file: concat(parts), truncated: writer.truncatedCells };
}

export function unzipText(file: Uint8Array): Record<string, string> {
  const parts = unzipSync(file);
  return Object.fromEntries(Object.entries(parts).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

const { DOMParser } = new JSDOM('').window;

/** Parses strictly; throws on XML that is not well-formed. */
export function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

export const decodeOoxml = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export interface RawCell {
  ref: string;
  style: number;
  type: string | null;
  /** `<v>` for numbers, decoded `<is><t>` text for inline strings. */
  value: string;
}

/** The sheet's cells as written, by reference (`A1` …). */
export function rawCells(sheetXml: string): Map<string, RawCell> {
  const cells = new Map<string, RawCell>();
  for (const c of Array.from(parseXml(sheetXml).getElementsByTagName('c'))) {
    const type = c.getAttribute('t');
    const v = type === 'inlineStr' ? decodeOoxml(c.getElementsByTagName('t')[0].textContent ?? '') : (c.getElementsByTagName('v')[0].textContent ?? '');
    cells.set(c.getAttribute('r')!, { ref: c.getAttribute('r')!, style: Number(c.getAttribute('s') ?? 0), type, value: v });
  }
  return cells;
}

export async function loadWithExcelJs(file: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0];
}
