/**
 * What the store keeps of an Altegio client, per side (`api`: the public API with the account's
 * tokens; `ui`: the CRM tab with the page's session), each as received: the search projection,
 * the full card of the bulk list, the page's own card (`getClientInfo`). Writers keep the other
 * side, and a clear contact a masked read of the same client cannot replace.
 */
import { putFacts, rewrite, type ExportDb, type FactsWriter, type RecordRow } from '../../engine/store';
import { derive } from './derive';
import { CONTACTS, isMasked, maskFits, type ContactField } from './masked';
import type { Raw, Side, SideFacts } from './types';
import { text } from './values';

export function writer(account: string): FactsWriter {
  return { source: 'altegio', account, derive };
}

export const sideOf = (r: Pick<RecordRow, 'api' | 'ui'> | undefined, side: Side) => r?.[side] as SideFacts | undefined;

/** Clear contacts the side holds for the fields `next` shows masked, where they fit the mask. */
function keptClear(before: SideFacts | undefined, next: Raw): SideFacts['clear'] {
  const clear: Partial<Record<ContactField, string>> = {};
  for (const f of CONTACTS) {
    const now = text(next[f]);
    if (!now || !isMasked(f, now)) continue;
    const old = [before?.clear?.[f], text(before?.card?.[f]), text(before?.info?.[f])].find((v) => v && maskFits(f, now, v));
    if (old) clear[f] = old;
  }
  return Object.keys(clear).length ? clear : undefined;
}

export type Read = 'search' | 'card' | 'info';

/** One side's rows of one kind (search rows, bulk-list cards or page cards), `at` now. */
export function putRows(db: ExportDb, account: string, side: Side, kind: Read, rows: { id: number; row: Raw }[], at: string): Promise<void> {
  return putFacts(
    db,
    writer(account),
    side,
    rows.map(({ id, row }) => ({
      id,
      make: (stored: RecordRow | undefined): SideFacts => {
        const before = sideOf(stored, side);
        const next: SideFacts = { ...before, [kind]: row, seenAt: at };
        delete next.removed;
        if (kind === 'search') return next;
        next[kind === 'card' ? 'cardAt' : 'infoAt'] = at;
        const clear = { ...before?.clear, ...keptClear(before, row) };
        // A clear value read now needs no memory of an older one.
        for (const f of CONTACTS) if (row[f] !== undefined && !isMasked(f, text(row[f]))) delete clear[f];
        if (Object.keys(clear).length) next.clear = clear;
        else delete next.clear;
        return next;
      },
    })),
  );
}

/** After a complete id pass: rows it did not list are flagged removed, listed ones are not. */
export async function markRemoved(db: ExportDb, account: string, listed: Set<number>): Promise<void> {
  const rows = await db.rows.where('[source+account+id]').between(['altegio', account, -Infinity], ['altegio', account, Infinity]).toArray();
  const flag = (r: RecordRow, side: Side, removed: boolean) => {
    const f = sideOf(r, side);
    if (!f) return undefined;
    const next = { ...f };
    if (removed) next.removed = true;
    else delete next.removed;
    return next;
  };
  const changed = rows.filter((r) => (sideOf(r, 'api')?.removed || sideOf(r, 'ui')?.removed || false) !== !listed.has(r.id));
  await rewrite(db, writer(account), changed, (r) => ({ api: flag(r, 'api', !listed.has(r.id)), ui: flag(r, 'ui', !listed.has(r.id)) }));
}
