/**
 * Export-ready lines kept in blocks: each IndexedDB record holds the lines of LINE_BLOCK
 * consecutive ids. Reading many small records is slow in Chromium (100,000 lines of ~600 B took
 * 15 s here), while a value over 64 KB is kept in a file of its own and read fast: 100,000 lines
 * in blocks of 256 (~150 KB) read in 0.9–1.2 s, in blocks of 32 (~20 KB, kept inline) 3.7–4.3 s,
 * in the same run beside 100,000 whole records. Writes go to small deltas first (FOLD_AT: why).
 */
import type { Transaction } from 'dexie';
import type { SourceId } from './source';
import type { ExportDb, LineRow } from './store';

/** A line within its block: the record's id, partitions, scopes and the source's cells. */
export type LineItem = Omit<LineRow, 'source' | 'account'>;

export interface LineBlock {
  source: SourceId;
  account: string;
  block: number;
  /** In id order. */
  lines: LineItem[];
}

export const LINE_BLOCK = 256;
/** Blocks per read: about 2,000 lines when ids are dense. */
export const BLOCKS_PER_READ = 8;

export const blockOf = (id: number): number => Math.floor(id / LINE_BLOCK);

const sameLine = (a: LineItem, b: LineItem): boolean =>
  a.data === b.data && a.parts.length === b.parts.length && a.parts.every((p, i) => p === b.parts[i]) && a.scopes.join('\n') === b.scopes.join('\n');

/** A line written since its block was last rewritten (null: the record left every file). */
export interface LineDelta {
  source: SourceId;
  account: string;
  id: number;
  line: LineItem | null;
}

/**
 * Deltas an account may hold before they are folded into its blocks. A board column's cards
 * fall in most blocks: rewriting them on every write cost ~1 s per column in a full sync.
 */
export const FOLD_AT = 4096;

const deltaRange = (store: ExportDb, source: SourceId, account: string) =>
  store.lineDeltas.where('[source+account+id]').between([source, account, -Infinity], [source, account, Infinity]);

/** Puts `put` and removes `gone` (ids) as deltas, folded into the blocks once there are many (inside the caller's transaction). */
export async function writeLines(store: ExportDb, source: SourceId, account: string, put: LineItem[], gone: number[]): Promise<void> {
  if (put.length === 0 && gone.length === 0) return;
  await store.lineDeltas.bulkPut([...put.map((line) => ({ source, account, id: line.id, line })), ...gone.map((id) => ({ source, account, id, line: null }))]);
  if ((await deltaRange(store, source, account).count()) >= FOLD_AT) await foldLines(store, source, account);
}

/** Moves an account's deltas into its blocks, rewriting only blocks whose lines changed (inside the caller's transaction). */
export async function foldLines(store: ExportDb, source: SourceId, account: string): Promise<void> {
  const deltas = await deltaRange(store, source, account).toArray();
  if (deltas.length === 0) return;
  const changes = new Map<number, Map<number, LineItem | null>>();
  for (const { id, line } of deltas) {
    const b = blockOf(id);
    if (!changes.has(b)) changes.set(b, new Map());
    changes.get(b)!.set(id, line);
  }
  const blocks = [...changes.keys()];
  const stored = await store.lineBlocks.bulkGet(blocks.map((b) => [source, account, b] as [SourceId, string, number]));
  const puts: LineBlock[] = [];
  const empties: [SourceId, string, number][] = [];
  blocks.forEach((b, i) => {
    const byId = new Map((stored[i]?.lines ?? []).map((l) => [l.id, l]));
    let changed = false;
    for (const [id, line] of changes.get(b)!) {
      const had = byId.get(id);
      if (line ? had !== undefined && sameLine(had, line) : had === undefined) continue;
      changed = true;
      if (line) byId.set(id, line);
      else byId.delete(id);
    }
    // A board column read again mostly finds its cards as they were: their blocks stay as they are.
    if (!changed) return;
    if (byId.size) puts.push({ source, account, block: b, lines: [...byId.values()].sort((x, y) => x.id - y.id) });
    else if (stored[i]) empties.push([source, account, b]);
  });
  if (puts.length) await store.lineBlocks.bulkPut(puts);
  if (empties.length) await store.lineBlocks.bulkDelete(empties);
  await deltaRange(store, source, account).delete();
}

/** Up to BLOCKS_PER_READ of the account's blocks from block `from` on, in order. */
export function blocksFrom(store: ExportDb, source: SourceId, account: string, from: number): Promise<LineBlock[]> {
  return store.lineBlocks
    .where('[source+account+block]')
    .between([source, account, from], [source, account, Infinity], true, false)
    .limit(BLOCKS_PER_READ)
    .toArray();
}

/** Every line of the account with `after` < id ≤ `last`, a read at a time; the next read runs while `each` works. */
export async function eachLineRead(
  store: ExportDb,
  source: SourceId,
  account: string,
  span: { after: number; last: number },
  each: (lines: LineItem[]) => void,
): Promise<void> {
  const inSpan = (id: number) => id > span.after && id <= span.last;
  // The deltas not yet folded (at most FOLD_AT and a write), merged into the blocks' lines by id.
  const deltas = (await deltaRange(store, source, account).toArray()).filter((d) => inSpan(d.id));
  let d = 0;
  const lastBlock = blockOf(span.last);
  let blocks = await blocksFrom(store, source, account, span.after === -Infinity ? -Infinity : blockOf(span.after));
  while (blocks.length) {
    const tail = blocks[blocks.length - 1].block;
    const next = blocks.length === BLOCKS_PER_READ && tail < lastBlock ? blocksFrom(store, source, account, tail + 1) : Promise.resolve([]);
    const lines: LineItem[] = [];
    for (const b of blocks) {
      for (const l of b.lines) {
        if (!inSpan(l.id)) continue;
        for (; d < deltas.length && deltas[d].id < l.id; d++) if (deltas[d].line) lines.push(deltas[d].line!);
        if (d < deltas.length && deltas[d].id === l.id) {
          if (deltas[d++].line) lines.push(deltas[d - 1].line!);
        } else lines.push(l);
      }
    }
    each(lines);
    blocks = await next;
  }
  const rest = deltas.slice(d).flatMap((x) => (x.line ? [x.line] : []));
  if (rest.length) each(rest);
}

/** v5 → v6: the lines kept one per record are packed into blocks. */
export async function packLinesV6(tx: Transaction): Promise<void> {
  const lines = tx.table('lines');
  const blocks = tx.table('lineBlocks');
  let last: [string, string, number] | null = null;
  let open: LineBlock | null = null;
  for (;;) {
    const chunk: LineRow[] = await (last ? lines.where(':id').above(last) : lines.toCollection()).limit(4000).toArray();
    if (chunk.length === 0) break;
    const done: LineBlock[] = [];
    for (const { source, account, ...line } of chunk) {
      const b = blockOf(line.id);
      if (!open || open.source !== source || open.account !== account || open.block !== b) {
        if (open) done.push(open);
        open = { source, account, block: b, lines: [] };
      }
      open.lines.push(line);
    }
    await blocks.bulkPut(done);
    const end = chunk[chunk.length - 1];
    last = [end.source, end.account, end.id];
  }
  if (open) await blocks.put(open);
}
