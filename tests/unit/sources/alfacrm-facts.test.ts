/** Writing what a board column showed: cards looked at again as they were rewrite nothing; a changed card is written. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportDb, rowsGeneration } from '@/utils/engine/store';
import { putApiRecords, putUiFacts } from '@/utils/sources/alfacrm/facts';
import type { UiFacts } from '@/utils/sources/alfacrm/types';

const HOST = 'https://demo.s20.online';
const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

const card = (id: number, name: string, seenAt: string): UiFacts => ({
  branch: 1,
  kind: 'lead',
  archived: true,
  columnId: 4,
  reasonText: 'Дорого',
  card: { id, name },
  seenAt,
});

describe('a board column looked at again', () => {
  it('writes only the cards that changed, keeping when the others were seen', async () => {
    const name = `facts-${Math.random()}`;
    names.push(name);
    const db = new ExportDb(name);
    await putUiFacts(db, HOST, [card(1, 'Анна', 'T1'), card(2, 'Борис', 'T1')]);
    const written = rowsGeneration('alfacrm', HOST);
    const blocks = await db.lineBlocks.toArray();

    await putUiFacts(db, HOST, [card(1, 'Анна', 'T2'), card(2, 'Борис', 'T2')]);
    expect(rowsGeneration('alfacrm', HOST)).toBe(written);
    expect((await db.rows.get(['alfacrm', HOST, 1]))?.ui).toMatchObject({ seenAt: 'T1', archivedSeenAt: 'T1' });
    expect(await db.lineBlocks.toArray()).toEqual(blocks);

    await putUiFacts(db, HOST, [card(1, 'Анна', 'T3'), card(2, 'Борис Б.', 'T3')]);
    expect(rowsGeneration('alfacrm', HOST)).toBe(written + 1);
    expect((await db.rows.get(['alfacrm', HOST, 2]))?.ui).toMatchObject({ seenAt: 'T3', card: { name: 'Борис Б.' }, archivedSeenAt: 'T1' });
    expect((await db.rows.get(['alfacrm', HOST, 1]))?.ui).toMatchObject({ seenAt: 'T1' });
    db.close();
  });

  it('an API record that comes again as stored is not written again; a changed one is', async () => {
    const name = `facts-${Math.random()}`;
    names.push(name);
    const db = new ExportDb(name);
    const rec = { id: 5, name: 'Анна', branch_ids: [1], is_study: 0, updated_at: '2026-11-01 10:00:00' };
    await putApiRecords(db, HOST, [rec], true, 'T1');
    const written = rowsGeneration('alfacrm', HOST);
    await putApiRecords(db, HOST, [{ ...rec }], true, 'T2');
    expect(rowsGeneration('alfacrm', HOST)).toBe(written);
    await putApiRecords(db, HOST, [{ ...rec }], false, 'T3');
    expect(rowsGeneration('alfacrm', HOST)).toBe(written + 1);
    expect((await db.rows.get(['alfacrm', HOST, 5]))?.api).toMatchObject({ archived: false, fetchedAt: 'T3' });
    db.close();
  });
});
