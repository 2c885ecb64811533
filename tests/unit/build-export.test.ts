/**
 * The streamed export against the one-shot merge: for any store, reading it chunk by chunk with
 * the extra columns from one record per signature must give the very file that merging all
 * records at once gives. Also the derived, indexed fields every write keeps, and the upgrade
 * of a version-2 store.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildExport } from '../../utils/build-export';
import { toCsv } from '../../utils/csv';
import { ExportDb, putApiRecords, putUiFacts, TALLY, toRow, withFacts, type RecordRow } from '../../utils/db';
import { mergeRecords, type MergeScope } from '../../utils/merge';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import type { ApiRecord, UiFacts } from '../../utils/types';

const HOST = 'https://demo.s20.online';
const OTHER = 'https://other.s20.online';
const NOW = new Date('2026-11-23T10:00:00Z');
const opened: ExportDb[] = [];

function freshDb(): ExportDb {
  const db = new ExportDb(`test-${Math.random()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A record whose extra keys vary with its id: three key orders, one key only some records have. */
function record(id: number, branch: number): ApiRecord {
  const base: ApiRecord = { id, name: `Lead ${id}`, branch_ids: [branch], is_study: id % 5 === 0 ? 1 : 0, lead_reject_id: id % 3 === 0 ? 8 : null };
  if (id % 7 === 0) return { ...base, custom_b: `b${id}`, custom_a: `=a${id}`, note: 'x' };
  if (id % 11 === 0) return { ...base, custom_a: `a${id}`, custom_only_some: 'y', custom_b: `b${id}` };
  return { ...base, custom_a: `a${id}`, custom_b: `b${id}` };
}

function uiFact(id: number, branch: number, columnId: number): UiFacts {
  return { branch, kind: 'lead', archived: true, columnId, reasonText: `Reason ${columnId}`, card: { id, name: `Card ${id}` }, seenAt: '2026-11-01T00:00:00Z' };
}

/** 4,500 records in branch 1 and 2 of HOST (some UI-only), a few of another host. */
async function seed(db: ExportDb): Promise<void> {
  const api = Array.from({ length: 4500 }, (_, i) => record(i + 1, i % 10 === 0 ? 2 : 1));
  await putApiRecords(db, HOST, api.filter((r) => r.id % 2 === 0), false, '2026-11-01T00:00:00Z');
  await putApiRecords(db, HOST, api.filter((r) => r.id % 2 === 1), true, '2026-11-01T00:00:00Z');
  await putUiFacts(db, HOST, [...Array.from({ length: 300 }, (_, i) => uiFact(i * 3 + 1, 1, i % 4)), uiFact(9001, 1, 2)]);
  await putApiRecords(db, OTHER, [record(1, 1), { ...record(2, 1), custom_z: 'other host' }], true, '2026-11-01T00:00:00Z');
}

describe('streamed export', () => {
  for (const only of ['all', 'archived-leads', 'archived-customers'] as const) {
    it(`equals the one-shot merge for scope ${only}`, async () => {
      const db = freshDb();
      await seed(db);
      const scope: MergeScope = { branch: 1, only };
      const all = await db.records.where('host').equals(HOST).toArray();
      const { columns, rows } = mergeRecords(all, null, scope);
      const settings = { ...DEFAULT_SETTINGS, delimiter: ';' as const };
      const built = await buildExport(db, { origin: HOST, branch: 1, scope: only }, settings, 'uk', NOW);
      expect(built.csv).toBe(toCsv(columns, rows, { delimiter: ';', escapeFormulae: true, headerLanguage: 'keys' }));
      expect(built.rows).toBe(rows.length);
      expect(built.rows).toBeGreaterThan(only === 'archived-customers' ? 100 : 1000);
      expect(columns).toContain('custom_only_some');
      expect(columns).not.toContain('custom_z');
    });
  }

  it('writes the header alone for an empty store', async () => {
    const built = await buildExport(freshDb(), { origin: HOST, branch: 1, scope: 'all' }, DEFAULT_SETTINGS, 'en', NOW);
    expect(built.csv).toBe(toCsv(mergeRecords([], null, { branch: 1, only: 'all' }).columns, [], { delimiter: ',', escapeFormulae: true, headerLanguage: 'keys' }));
    expect(built.rows).toBe(0);
  });
});

describe('derived fields of stored rows', () => {
  it('tally follows the archive flag and the reason', () => {
    const active = toRow(HOST, 1, { record: record(1, 1), archived: false, fetchedAt: '' }, undefined);
    expect(active.tally).toBe(TALLY.active);
    const archivedNoReason = withFacts(active, { api: { ...active.api!, archived: true } });
    expect(archivedNoReason.tally).toBe(TALLY.archived);
    const withReason = withFacts(archivedNoReason, { ui: uiFact(1, 1, 5) });
    expect(withReason.tally).toBe(TALLY.archivedWithReason);
    // The UI's flag wins over the API's.
    expect(withFacts(withReason, { ui: { ...withReason.ui!, archived: false } }).tally).toBe(TALLY.active);
    expect(toRow(HOST, 2, undefined, uiFact(2, 1, 0)).sig).toBeUndefined();
    expect(toRow(HOST, 7, { record: record(7, 1), archived: true, fetchedAt: '' }, undefined).sig).not.toBe(active.sig);
  });

  it('a board column finds its records by index', async () => {
    const db = freshDb();
    await seed(db);
    const inColumn = await db.records.where('[host+ui.columnId]').equals([HOST, 2]).toArray();
    expect(inColumn.map((r) => r.id).sort((a, b) => a - b)).toEqual([...Array.from({ length: 75 }, (_, i) => (i * 4 + 2) * 3 + 1), 9001].sort((a, b) => a - b));
  });

  it('upgrading a version-2 store adds the derived fields and keeps every row', async () => {
    const name = `upgrade-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ records: '[host+id], host, *branches', dicts: '[origin+name]' });
    v2.version(2).stores({ jobs: 'key, origin' });
    const old = [toRow(HOST, 1, { record: record(1, 1), archived: true, fetchedAt: '' }, uiFact(1, 1, 3)), toRow(HOST, 2, { record: record(2, 1), archived: false, fetchedAt: '' }, undefined)];
    await v2.table('records').bulkPut(old.map(({ tally: _t, sig: _s, ...rest }) => rest));
    v2.close();
    const db = new ExportDb(name);
    opened.push(db);
    const rows: RecordRow[] = await db.records.toArray();
    expect(rows.map((r) => [r.id, r.tally, r.sig])).toEqual(old.map((r) => [r.id, r.tally, r.sig]));
    expect(await db.records.where('tally').equals(TALLY.archivedWithReason).count()).toBe(1);
  });
});
