/**
 * Lines in blocks: a write goes to deltas, folded into the blocks its ids fall in (keeping the
 * others' lines); a read gives every line once, in id order, within its span, deltas merged.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockOf, eachLineRead, FOLD_AT, foldLines, LINE_BLOCK, writeLines, type LineItem } from '@/utils/engine/line-blocks';
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
    await db.transaction('rw', db.factTables, () => writeLines(db, 'alfacrm', A, ids.map((id) => line(id)).reverse(), []));
    // 5,000 lines are past FOLD_AT: they are in blocks already.
    expect(await db.lineDeltas.count()).toBe(0);
    expect(await db.lineBlocks.count()).toBe(new Set(ids.map(blockOf)).size);
    expect((await readAll(db)).map((l) => l.id)).toEqual(ids);

    // A write of scattered ids: replaced, removed, added; an emptied block goes.
    const lone = ids[ids.length - 1] + LINE_BLOCK * 10;
    await db.transaction('rw', db.factTables, () => writeLines(db, 'alfacrm', A, [line(10, 'new'), line(9000, 'new'), line(lone)], [7, 13, 16]));
    const after = await readAll(db);
    const want = [...ids.filter((id) => ![7, 13, 16].includes(id)), 9000, lone].sort((x, y) => x - y);
    expect(after.map((l) => l.id)).toEqual(want);
    expect(after.find((l) => l.id === 10)!.data).toBe('new');
    expect(after.find((l) => l.id === 9001)!.data).toBe('d9001');
    // Read again once folded: the same lines.
    await db.transaction('rw', db.factTables, () => foldLines(db, 'alfacrm', A));
    expect(await db.lineDeltas.count()).toBe(0);
    expect(await readAll(db)).toEqual(after);
    await db.transaction('rw', db.factTables, async () => {
      await writeLines(db, 'alfacrm', A, [], [lone]);
      await foldLines(db, 'alfacrm', A);
    });
    expect(await db.lineBlocks.get(['alfacrm', A, blockOf(lone)])).toBeUndefined();
  });

  it('reads a span (a slice) from its first id to its last, and nothing of another account', async () => {
    const db = fresh();
    await db.transaction('rw', db.factTables, async () => {
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
    await db.transaction('rw', db.factTables, () =>
      writeLines(
        db,
        'alfacrm',
        A,
        ids.map((id) => line(id)),
        [],
      ),
    );
    await db.transaction('rw', db.factTables, () => foldLines(db, 'alfacrm', A));
    const puts = vi.spyOn(db.lineBlocks, 'bulkPut');
    await db.transaction('rw', db.factTables, () =>
      writeLines(
        db,
        'alfacrm',
        A,
        ids.map((id) => line(id)),
        [99_999],
      ),
    );
    await db.transaction('rw', db.factTables, () => foldLines(db, 'alfacrm', A));
    expect(puts).not.toHaveBeenCalled();
    await db.transaction('rw', db.factTables, async () => {
      await writeLines(db, 'alfacrm', A, [line(0), line(7 * 1999, 'changed')], []);
      await foldLines(db, 'alfacrm', A);
    });
    expect(puts).toHaveBeenCalledTimes(1);
    expect(puts.mock.calls[0][0].map((b) => b.block)).toEqual([blockOf(7 * 1999)]);
  });

  it('keeps a few writes as deltas, merged into a read in id order, and folds them once there are FOLD_AT', async () => {
    const db = fresh();
    const ids = Array.from({ length: 3000 }, (_, i) => i * 2);
    await db.transaction('rw', db.factTables, async () => {
      await writeLines(
        db,
        'alfacrm',
        A,
        ids.map((id) => line(id)),
        [],
      );
      await foldLines(db, 'alfacrm', A);
    });
    const puts = vi.spyOn(db.lineBlocks, 'bulkPut');
    // Replaced, removed, new between known ids, new past the last block, one removed that never was.
    await db.transaction('rw', db.factTables, () => writeLines(db, 'alfacrm', A, [line(4, 'new'), line(5), line(90_001)], [6, 7]));
    expect(puts).not.toHaveBeenCalled();
    expect(await db.lineDeltas.count()).toBe(5);
    const want = [...ids.filter((id) => id !== 6), 5, 90_001].sort((x, y) => x - y);
    const read = await readAll(db);
    expect(read.map((l) => l.id)).toEqual(want);
    expect(read.find((l) => l.id === 4)!.data).toBe('new');
    expect((await readAll(db, { after: 3, last: 8 })).map((l) => l.id)).toEqual([4, 5, 8]);

    // Enough writes to reach FOLD_AT: all of them are folded, and the read is the same.
    const more = Array.from({ length: FOLD_AT }, (_, i) => line(100_000 + i));
    await db.transaction('rw', db.factTables, () => writeLines(db, 'alfacrm', A, more, []));
    expect(await db.lineDeltas.count()).toBe(0);
    expect(puts).toHaveBeenCalled();
    expect((await readAll(db)).map((l) => l.id)).toEqual([...want, ...more.map((l) => l.id)]);
  });
});
