/**
 * Altegio's Insights: per custom field, how many of the location's clients hold a value, over the
 * clients its file holds (the removed left out), in the file's column order. From the store only.
 */
import { chunkAfter } from '../../engine/file-rows';
import { partKey } from '../../engine/rows';
import type { ExportDb } from '../../engine/store';
import { FillTally, type FieldFillData } from '../../insights/field-fill';
import { loadDefinitions } from './lists';
import { freshestCustom, mergeClient } from './merge';
import type { SideFacts } from './types';
import { customEntries, isFilled } from './values';

export async function fieldFill(db: ExportDb, account: string, partition: string): Promise<FieldFillData> {
  const defs = await loadDefinitions(db, account);
  // Custom values are never masked, contacts are: a client-level count says how many the user cannot see.
  const tally = new FillTally(defs, { records: true });
  const part = partKey('altegio', account, partition);
  for (let after = -Infinity; ;) {
    const chunk = await chunkAfter(db, 'altegio', account, after);
    if (!chunk.length) break;
    after = chunk[chunk.length - 1].id;
    for (const r of chunk) {
      if (!r.parts.includes(part)) continue;
      const api = r.api as SideFacts | undefined;
      const ui = r.ui as SideFacts | undefined;
      const m = mergeClient(r.id, api, ui);
      if (m.removed) continue;
      // The same values the file writes (the freshest full card's), judged before they become text.
      const fields = customEntries(freshestCustom(api, ui)).map(([code, v]) => [code, isFilled(v)] as const);
      tally.add(fields, m.masked);
    }
  }
  return tally.result();
}
