/** From the store to CSV text: the one path every export takes (archive button and popup). */
import { recordsOf, type ExportDb } from './db';
import { csvFileName, defaultDelimiter, toCsv } from './csv';
import { mergeRecords } from './merge';
import type { ExportTarget } from './messaging';
import type { Settings } from './settings';
import type { Dictionaries } from './types';
import { toDictionaries } from './alfacrm/api-sync';

export interface BuiltExport {
  csv: string;
  fileName: string;
  rows: number;
  withReason: number;
}

export async function loadDictionaries(store: ExportDb, origin: string): Promise<Dictionaries | null> {
  const rows = await store.dicts.where('[origin+name]').between([origin, ''], [origin, '\uffff']).toArray();
  if (rows.length === 0) return null;
  return toDictionaries(Object.fromEntries(rows.map((r) => [r.name, r.items])));
}

export async function buildExport(
  store: ExportDb,
  target: ExportTarget,
  settings: Settings,
  locale: string,
  now = new Date(),
): Promise<BuiltExport> {
  const records = await recordsOf(store, target.origin, target.branch);
  const dicts = await loadDictionaries(store, target.origin);
  const { columns, rows } = mergeRecords(records, dicts, { branch: target.branch, only: target.scope });
  const csv = toCsv(columns, rows, {
    delimiter: settings.delimiter === 'auto' ? defaultDelimiter(locale) : settings.delimiter,
    escapeFormulae: settings.escapeFormulae,
    headerLanguage: settings.headerLanguage,
  });
  const kind = target.scope === 'all' ? 'leads' : 'archive';
  const withReason = rows.filter((r) => r.lead_reject_reason || r.customer_reject_reason).length;
  return { csv, fileName: csvFileName(kind, new URL(target.origin).host, target.branch, now), rows: rows.length, withReason };
}
