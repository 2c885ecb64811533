/** AlfaCRM's export file: its columns, header labels, cells and name. */
import { firstPerSignature } from '../../engine/file-rows';
import type { ExportTarget, FileLayout } from '../../engine/source';
import type { ExportDb, RecordRow } from '../../engine/store';
import { sanitizeHost } from '../../files/csv';
import { toDictionaries, type DictName } from './api-sync';
import { ExtraColumns } from './extra-columns';
import { headerRow } from './headers';
import { lineCells } from './line';
import { FIXED_COLUMNS, inScope, mergeCells, type MergeScope } from './merge';
import { SCOPES } from './pages';
import type { ApiFacts, Dictionaries, StoredRecord } from './types';

export async function loadDictionaries(db: ExportDb, account: string): Promise<Dictionaries | null> {
  const rows = await db.lists.where('[source+account+name]').between(['alfacrm', account, ''], ['alfacrm', account, '\uffff']).toArray();
  if (rows.length === 0) return null;
  return toDictionaries(Object.fromEntries(rows.map((r) => [r.name as DictName, r.items as { id: number; name: string }[]])));
}

function factsOf(row: RecordRow): StoredRecord {
  return { id: row.id, api: row.api as StoredRecord['api'], ui: row.ui as StoredRecord['ui'] };
}

export function mergeScope(target: ExportTarget): MergeScope {
  return { branch: Number(target.partition), only: target.scope as MergeScope['only'] };
}

export async function layout(db: ExportDb, target: ExportTarget): Promise<FileLayout> {
  const scope = mergeScope(target);
  const [dicts, firsts] = await Promise.all([
    loadDictionaries(db, target.account),
    firstPerSignature(db, 'alfacrm', target.account, (r) => inScope(factsOf(r), scope)),
  ]);
  const extras = new ExtraColumns();
  for (const r of firsts) extras.add((r.api as ApiFacts).record);
  const columns = [...FIXED_COLUMNS, ...extras.columns];
  return {
    columns,
    header: (lang) => headerRow(columns, lang),
    cells: (row) => {
      const rec = factsOf(row);
      return inScope(rec, scope) ? mergeCells(rec, dicts, scope, extras.columns) : null;
    },
    lineCells: (line) => lineCells(line, scope.branch, dicts, extras.columns),
    types: columns.map((c) => (c === 'id' || c.endsWith('_id') ? 'number' : c === 'created_at' || c === 'updated_at' ? 'datetime' : 'text')),
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `alfacrm-archive-{host}-b{branch}-{YYYY-MM-DD}.csv` / `alfacrm-leads-…` (local date), without the extension. */
export function fileName(target: ExportTarget, date: Date): string {
  const ymd = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  const kind = target.scope === SCOPES.all ? 'leads' : 'archive';
  return `alfacrm-${kind}-${sanitizeHost(new URL(target.account).host)}-b${target.partition}-${ymd}`;
}
