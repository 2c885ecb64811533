/**
 * Lines in blocks: a write rewrites only the blocks its ids fall in and keeps the others' lines;
 * a read gives every line once, in id order, within its span.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockOf, eachLineRead, LINE_BLOCK, writeLines, type LineItem } from '@/utils/engine/line-blocks';
import { ExportDb } from '@/utils/engine/store';

const A = 'https://a.example';
const line = (id: number, data = `d${id}`): LineItem => ({ id, parts: ['p'], scopes: ['all'], data });
const names: string[] = [];
const fresh = () => {
  const name = `blocks-${names.length}`;
  names.push(name);
  return new ExportDb(name);
};
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

async function readAll(db: ExportDb, span = { after: -Infinity, last: Infinity }): Promise<LineItem[]> {
  const out: LineItem[] = [];
  await eachLineRead(db, 'alfacrm', A, span, (lines) => out.push(...lines));
  return out;
}

describe('line blocks', () => {
  it('puts, replaces and removes lines across blocks, reading each once in id order', async () => {
    const db = fresh();
    const ids = Array.from({ length: 5000 }, (_, i) => i * 3 + 7);
    await db.transaction('rw', db.lineBlocks, () => writeLines(db, 'alfacrm', A, ids.map((id) => line(id)).reverse(), []));
    expect(await db.lineBlocks.count()).toBe(new Set(ids.map(blockOf)).size);
    expect((await readAll(db)).map((l) => l.id)).toEqual(ids);

    // A write of scattered ids: replaced, removed, added; an emptied block goes.
    const lone = ids[ids.length - 1] + LINE_BLOCK * 10;
    await db.transaction('rw', db.lineBlocks, () => writeLines(db, 'alfacrm', A, [line(10, 'new'), line(9000, 'new'), line(lone)], [7, 13, 16]));
    const after = await readAll(db);
    const want = [...ids.filter((id) => ![7, 13, 16].includes(id)), 9000, lone].sort((x, y) => x - y);
    expect(after.map((l) => l.id)).toEqual(want);
    expect(after.find((l) => l.id === 10)!.data).toBe('new');
    expect(after.find((l) => l.id === 9001)!.data).toBe('d9001');
    await db.transaction('rw', db.lineBlocks, () => writeLines(db, 'alfacrm', A, [], [lone]));
    expect(await db.lineBlocks.get(['alfacrm', A, blockOf(lone)])).toBeUndefined();
  });

  it('reads a span (a slice) from its first id to its last, and nothing of another account', async () => {
    const db = fresh();
    await db.transaction('rw', db.lineBlocks, async () => {
      await writeLines(
        db,
        'alfacrm',
        A,
        Array.from({ length: 3000 }, (_, i) => line(i + 1)),
        [],
      );
      await writeLines(db, 'alfacrm', 'https://b.example', [line(500)], []);
    });
    expect((await readAll(db, { after: 99, last: 2100 })).map((l) => l.id)).toEqual(Array.from({ length: 2001 }, (_, i) => i + 100));
    expect((await readAll(db)).filter((l) => l.id === 500)).toHaveLength(1);
  });

  it('leaves blocks whose lines did not change as they are (a column read again)', async () => {
    const db = fresh();
    const ids = Array.from({ length: 2000 }, (_, i) => i * 7);
    await db.transaction('rw', db.lineBlocks, () =>
      writeLines(
        db,
        'alfacrm',
        A,
        ids.map((id) => line(id)),
        [],
      ),
    );
    const puts = vi.spyOn(db.lineBlocks, 'bulkPut');
    await db.transaction('rw', db.lineBlocks, () =>
      writeLines(
        db,
        'alfacrm',
        A,
        ids.map((id) => line(id)),
        [99_999],
      ),
    );
    expect(puts).not.toHaveBeenCalled();
    await db.transaction('rw', db.lineBlocks, () => writeLines(db, 'alfacrm', A, [line(0), line(7 * 1999, 'changed')], []));
    expect(puts).toHaveBeenCalledTimes(1);
    expect(puts.mock.calls[0][0].map((b) => b.block)).toEqual([blockOf(7 * 1999)]);
  });
});
