/**
 * Store upgrades that need a source's knowledge. The store before sources (v1–v3) held AlfaCRM's
 * records alone: its folder carries them over. v7 derives every row's count marks again.
 */
import type { Transaction } from 'dexie';
import { toRow } from '../engine/rows';
import type { Derived, SourceId } from '../engine/source';
import type { RecordRow } from '../engine/store';
import { derive as alfacrm } from './alfacrm/derive';
import { derive as altegio } from './altegio/derive';
import { derive as livetex } from './livetex/derive';

export { linesForV5, upgradeToV4 } from './alfacrm/store-v3';

const DERIVE: Record<SourceId, (r: Pick<RecordRow, 'api' | 'ui' | 'id'>) => Derived> = { alfacrm, altegio, livetex };
const CHUNK = 2000;

/** A row with its marks; a row its source cannot derive is kept as it was (an upgrade never loses one). */
function again(r: RecordRow): RecordRow {
  try {
    return toRow(r.source, r.account, r.id, { api: r.api, ui: r.ui }, DERIVE[r.source]);
  } catch {
    return r;
  }
}

/** v6 → v7: each row's derived fields again, now with its count marks (facts untouched). */
export async function marksForV7(tx: Transaction): Promise<void> {
  const rows = tx.table('rows');
  let last: [string, string, number] | null = null;
  for (;;) {
    const chunk: RecordRow[] = await (last ? rows.where(':id').above(last) : rows.toCollection()).limit(CHUNK).toArray();
    if (chunk.length === 0) break;
    await rows.bulkPut(chunk.map(again));
    const end = chunk[chunk.length - 1];
    last = [end.source, end.account, end.id];
  }
}
