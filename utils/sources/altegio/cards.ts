/**
 * The per-card path (contract §2.3): one `getClientInfo` per listed id, in chunks that are the
 * units of the tab read. A chunk's key names its first and last id, so a read that starts again
 * (this run, or a run after an interrupted one) skips the chunks the background says are read.
 */
import type { TabReadIo, TabReadRequest } from '../../engine/source';
import type { WebClient } from './web-client';
import { fetchClientInfo } from './web-reads';

export const CARDS_PER_UNIT = 10;
export const CARDS_PHASE = 'phase.clientCards';

export function chunkKey(ids: number[]): string {
  return `cards:${ids[0]}-${ids[ids.length - 1]}`;
}

export async function readCards(web: WebClient, cid: number, ids: number[], req: TabReadRequest, io: TabReadIo): Promise<void> {
  const total = ids.length;
  let done = 0;
  for (let i = 0; i < ids.length; i += CARDS_PER_UNIT) {
    const chunk = ids.slice(i, i + CARDS_PER_UNIT);
    const key = chunkKey(chunk);
    done += chunk.length;
    if (req.skip[key] === chunk.length) continue;
    const items: Record<string, unknown>[] = [];
    for (const id of chunk) {
      const card = await fetchClientInfo(web, cid, id);
      if (card) items.push(card);
    }
    await io.unit({ key, count: chunk.length, label: 'client cards', items, progress: { phase: CARDS_PHASE, done, total } });
  }
}
