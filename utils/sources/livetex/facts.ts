/** Writing LiveTex's pulls into the store: each lead merged with what is stored, written only when it changed. */
import { putFacts, type ExportDb, type FactsWriter, type RecordRow } from '../../engine/store';
import { derive } from './derive';
import { changed, mergeLead } from './merge';
import type { Identity, LeadFacts, LeadRow } from './types';

export function writer(account: string): FactsWriter {
  return { source: 'livetex', account, derive };
}

export const factsOf = (r: RecordRow | undefined) => r?.api as LeadFacts | undefined;

/** Merges one identity's rows (pulled at `pulledAt`); returns the ids whose stored lead changed. */
export async function putLeads(db: ExportDb, account: string, who: Identity, rows: LeadRow[], pulledAt: string): Promise<number[]> {
  const stored = await db.rows.bulkGet(rows.map((r) => ['livetex', account, r.id] as ['livetex', string, number]));
  const merged = rows.map((row, i) => {
    const before = factsOf(stored[i]);
    const after = mergeLead(before, row, who, pulledAt);
    return { id: row.id, after, changed: changed(before, after) };
  });
  const writes = merged.filter((m) => m.changed);
  if (writes.length)
    await putFacts(
      db,
      writer(account),
      'api',
      writes.map((m) => ({ id: m.id, make: () => m.after })),
    );
  return writes.map((m) => m.id);
}
