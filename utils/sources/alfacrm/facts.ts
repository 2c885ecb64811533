/** Writing AlfaCRM's facts into the store: API records and what the page showed, each keeping the other. */
import { putFacts, type ExportDb, type FactsWriter, type RecordRow } from '../../engine/store';
import { derive } from './derive';
import { project } from './line';
import type { ApiFacts, ApiRecord, UiFacts } from './types';

export function writer(account: string): FactsWriter {
  return { source: 'alfacrm', account, derive, project, same: sameFacts };
}

/** The same facts but for when they were read: a board column looked at again rewrites nothing. */
function sameFacts(stored: unknown, next: unknown): boolean {
  const bare = (f: unknown) => JSON.stringify({ ...(f as object), seenAt: null, fetchedAt: null });
  return bare(stored) === bare(next);
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
      make: (before: RecordRow | undefined): ApiFacts => {
        const was = apiOf(before);
        const now = archived ?? was?.archived ?? false;
        return stampArchived({ record, archived: now, fetchedAt }, was, fetchedAt);
      },
    })),
  );
}

export function putUiFacts(db: ExportDb, account: string, facts: UiFacts[]): Promise<void> {
  return putFacts(
    db,
    writer(account),
    'ui',
    facts.map((ui) => ({ id: ui.card.id, make: (before: RecordRow | undefined) => stampArchived(ui, uiOf(before), ui.seenAt) })),
  );
}

/** Keeps the moment a record was first seen archived while it stays archived; a new stay starts a new one. */
function stampArchived<F extends { archived: boolean; archivedSeenAt?: string }>(facts: F, before: F | undefined, now: string): F {
  if (!facts.archived) return facts;
  const since = before?.archived ? (before.archivedSeenAt ?? now) : now;
  return { ...facts, archivedSeenAt: since };
}
