/** Writing AlfaCRM's facts into the store: API records and what the page showed, each keeping the other. */
import { putFacts, type ExportDb, type FactsWriter, type RecordRow } from '../../engine/store';
import { derive } from './derive';
import { project } from './line';
import type { ApiFacts, ApiRecord, UiFacts } from './types';

export function writer(account: string): FactsWriter {
  return { source: 'alfacrm', account, derive, project };
}

export const apiOf = (r: RecordRow | undefined) => r?.api as ApiFacts | undefined;
export const uiOf = (r: RecordRow | undefined) => r?.ui as UiFacts | undefined;

/** API records; `archived` null keeps the flag stored (a query that spans both cannot tell). */
export function putApiRecords(db: ExportDb, account: string, records: ApiRecord[], archived: boolean | null, fetchedAt: string): Promise<void> {
  return putFacts(
    db,
    writer(account),
    'api',
    records.map((record) => ({
      id: record.id,
      make: (before: RecordRow | undefined): ApiFacts => ({ record, archived: archived ?? apiOf(before)?.archived ?? false, fetchedAt }),
    })),
  );
}

export function putUiFacts(db: ExportDb, account: string, facts: UiFacts[]): Promise<void> {
  return putFacts(
    db,
    writer(account),
    'ui',
    facts.map((ui) => ({ id: ui.card.id, make: () => ui })),
  );
}
