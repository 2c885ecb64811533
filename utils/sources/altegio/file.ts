/**
 * Altegio's export file (extension-interface.md «Altegio / YCLIENTS»): the fixed columns, then one
 * column per custom field in definition order, then codes no definition names (first seen, in id
 * order); every client of the location the last id pass listed, once.
 */
import { firstPerSignature } from '../../engine/file-rows';
import type { ExportTarget, FileLayout } from '../../engine/source';
import type { ExportDb, RecordRow } from '../../engine/store';
import { sanitizeHost } from '../../files/csv';
import { headerRow } from './headers';
import { loadDefinitions } from './lists';
import { FIXED_COLUMNS, mergeClient, type MergedClient } from './merge';
import { locationOf } from './pages';
import type { SideFacts } from './types';

const merged = (r: RecordRow): MergedClient => mergeClient(r.id, r.api as SideFacts | undefined, r.ui as SideFacts | undefined);

/** Definition codes, then codes held by stored clients that no definition names. */
export async function customCodes(db: ExportDb, account: string, defined: string[]): Promise<string[]> {
  const codes = [...defined];
  const known = new Set(codes);
  for (const r of await firstPerSignature(db, 'altegio', account, (row) => !merged(row).removed)) {
    for (const [code] of merged(r).custom) if (!known.has(code) && known.add(code)) codes.push(code);
  }
  return codes;
}

export async function layout(db: ExportDb, target: ExportTarget): Promise<FileLayout> {
  const defs = await loadDefinitions(db, target.account);
  const codes = await customCodes(
    db,
    target.account,
    defs.map((d) => d.code),
  );
  const columns = [...FIXED_COLUMNS, ...codes.map((c) => `custom:${c}`)];
  return {
    columns,
    header: (lang) => headerRow(FIXED_COLUMNS, codes, defs, lang),
    cells: (row) => {
      const m = merged(row);
      if (m.removed) return null;
      const custom = new Map(m.custom);
      return [...FIXED_COLUMNS.map((c) => m.cells[c]), ...codes.map((c) => custom.get(c) ?? '')];
    },
    types: columns.map((c) => (c === 'id' ? 'number' : 'text')),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `altegio-clients-{host}-c{cid}-{YYYY-MM-DD}` (local date), without the extension. */
export function fileName(target: ExportTarget, date: Date): string {
  const ymd = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return `altegio-clients-${sanitizeHost(new URL(target.account).host)}-c${locationOf(target.account)}-${ymd}`;
}
