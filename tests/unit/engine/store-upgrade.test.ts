/**
 * Opening a v3 store (AlfaCRM's alone, keyed by host) of the real case's size with today's
 * schema keeps every record with its facts, derives the new indexed fields, and carries the
 * jobs' last sync and counts over.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportDb } from '@/utils/engine/store';
import { blockOf } from '@/utils/engine/line-blocks';
import { derive, MARK, TALLY } from '@/utils/sources/alfacrm/derive';
import { toRow } from '@/utils/engine/rows';
import { countMarks } from '@/utils/engine/store';
import type { ApiFacts, UiFacts } from '@/utils/sources/alfacrm/types';

const HOST = 'https://demo.s20.online';
const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A v3 store as the last release wrote it. */
async function v3Store(active: number, archived: number): Promise<string> {
  const name = `v3-${Math.random()}`;
  names.push(name);
  const v3 = new Dexie(name);
  v3.version(1).stores({ records: '[host+id], host, *branches', dicts: '[origin+name]' });
  v3.version(2).stores({ jobs: 'key, origin' });
  v3.version(3).stores({ records: '[host+id], host, *branches, [host+ui.columnId], tally, [host+sig+id]' });
  const rows = [];
  for (let i = 1; i <= active + archived; i++) {
    const isArchived = i > active;
    const api: ApiFacts = {
      record: { id: i, name: `Lead ${i}`, branch_ids: [1], is_study: 0, custom_x: i },
      archived: isArchived,
      fetchedAt: '2026-11-01T00:00:00Z',
    };
    const ui: UiFacts | undefined = isArchived
      ? { branch: 1, kind: 'lead', archived: true, columnId: i % 44, reasonText: `R${i % 44}`, card: { id: i }, seenAt: '2026-11-01T00:00:00Z' }
      : undefined;
    rows.push({ host: HOST, id: i, api, ui, branches: [1], tally: isArchived ? 2 : 0, sig: 'abc' });
  }
  await v3.table('records').bulkPut(rows);
  await v3.table('dicts').put({ origin: HOST, name: 'leadReject', items: [{ id: 1, name: 'Дорого ( В )' }], fetchedAt: 'x' });
  await v3.table('jobs').put({
    key: `${HOST}|1`,
    origin: HOST,
    branch: 1,
    state: 'running',
    mode: 'incremental',
    phase: 'api',
    passes: [],
    ui: { state: 'pending', columnsDone: {}, lastCounts: { '3': 120 }, expected: null },
    uiArchived: 7788,
    apiArchived: 9722,
    attempts: 0,
    lastSuccessAt: '2026-11-20T10:00:00Z',
    lastSuccessStartedAt: '2026-11-20T09:59:00Z',
  });
  v3.close();
  return name;
}

describe('store upgrade v3 → v6', () => {
  it('keeps all 3,592 + 7,788 records of the real case with their facts', async () => {
    const name = await v3Store(3592, 7788);
    const db = new ExportDb(name);
    const rows = await db.rows.toArray();
    expect(rows).toHaveLength(3592 + 7788);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.every((r) => r.source === 'alfacrm' && r.account === HOST && r.parts[0] === `alfacrm|${HOST}|1`)).toBe(true);
    const sample = rows.find((r) => r.id === 5000)!;
    expect((sample.api as ApiFacts).record.custom_x).toBe(5000);
    expect((sample.ui as UiFacts).columnId).toBe(5000 % 44);
    expect(await db.rows.where('[source+account+tally]').equals(['alfacrm', HOST, TALLY.archivedWithReason]).count()).toBe(7788);
    expect(await db.rows.where('[source+account+unit]').equals(['alfacrm', HOST, '1:3']).count()).toBeGreaterThan(100);
    expect((await db.lists.get(['alfacrm', HOST, 'leadReject']))?.items).toEqual([{ id: 1, name: 'Дорого ( В )' }]);
    // v5: every record's export-ready line, made from what v3 held; v6: packed in blocks of consecutive ids.
    const blocks = await db.lineBlocks.toArray();
    const lines = blocks.flatMap((b) => b.lines);
    expect(lines).toHaveLength(3592 + 7788);
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(blocks.every((b) => b.lines.every((l) => blockOf(l.id) === b.block) && b.lines.every((l, i) => i === 0 || b.lines[i - 1].id < l.id))).toBe(true);
    expect(blocks.length).toBeLessThan(lines.length / 20);
    const line = lines.find((l) => l.id === 5000)!;
    expect(line.scopes).toEqual(['all', 'archived-leads']);
    expect(line.parts).toEqual([`alfacrm|${HOST}|1`]);
    expect(JSON.parse(line.data)[1]).toEqual({ custom_x: '5000' });
    const [job] = await db.jobs.toArray();
    expect(job).toMatchObject({
      key: `alfacrm|${HOST}|1`,
      source: 'alfacrm',
      account: HOST,
      partition: '1',
      state: 'idle',
      lastSuccessStartedAt: '2026-11-20T09:59:00Z',
    });
    expect(job.memo).toEqual({ lastCounts: { '3': 120 }, uiArchived: 7788, apiArchived: 9722 });
    db.close();
  });

  it('v6 → v7: every row gets its count marks, so the archive is counted without reading a row', async () => {
    const name = `v6-${Math.random()}`;
    names.push(name);
    const v6 = new Dexie(name);
    v6.version(6).stores({
      rows: '[source+account+id], *parts, [source+account+tally], [source+account+unit], [source+account+sig+id]',
      lists: '[source+account+name]',
      jobs: 'key, [source+account]',
      lineBlocks: '[source+account+block]',
    });
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const id = i + 1;
      const api: ApiFacts = { record: { id, branch_ids: [1], is_study: id % 10 === 0 ? 1 : 0 }, archived: id > 1000, fetchedAt: '' };
      const { marks, ...v6Row } = toRow('alfacrm', HOST, id, { api }, derive);
      expect(marks).toBeDefined();
      return v6Row;
    });
    await v6.table('rows').bulkPut([...rows, { source: 'livetex', account: 'acc', id: 1, api: { id: 1, broken: true }, parts: ['livetex|acc|'], tally: 0 }]);
    v6.close();
    const db = new ExportDb(name);
    const n = await countMarks(db, 'alfacrm', HOST, '1', [MARK.apiArchivedLead, MARK.apiArchivedCustomer, MARK.storedLead]);
    expect(n).toEqual({ [MARK.apiArchivedLead]: 1800, [MARK.apiArchivedCustomer]: 200, [MARK.storedLead]: 1800 });
    expect(await db.rows.count()).toBe(3001);
    expect((await db.rows.get(['livetex', 'acc', 1]))?.api).toEqual({ id: 1, broken: true });
    db.close();
  });
});
