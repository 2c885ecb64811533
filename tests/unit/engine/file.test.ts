/**
 * The streamed export against the one-shot merge: for any store, reading it chunk by chunk with
 * the extra columns from one record per signature must give the very file that merging all
 * records at once gives. Also the derived, indexed fields every write keeps.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFile, streamFile } from '@/utils/engine/file';
import { columnLetters } from '@/utils/files/xlsx-parts/xml-text';
import { concat, rawCells, unzipText } from '../xlsx-read';
import { toRow } from '@/utils/engine/rows';
import { ExportDb } from '@/utils/engine/store';
import { toCsv } from '@/utils/files/csv';
import { DEFAULT_SETTINGS } from '@/utils/settings/schema';
import { derive, TALLY } from '@/utils/sources/alfacrm/derive';
import { putApiRecords, putUiFacts } from '@/utils/sources/alfacrm/facts';
import { headerRow } from '@/utils/sources/alfacrm/headers';
import { mergeRecords, type MergeScope } from '@/utils/sources/alfacrm/merge';
import type { ApiFacts, ApiRecord, StoredRecord, UiFacts } from '@/utils/sources/alfacrm/types';

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
  await putApiRecords(
    db,
    HOST,
    api.filter((r) => r.id % 2 === 0),
    false,
    '2026-11-01T00:00:00Z',
  );
  await putApiRecords(
    db,
    HOST,
    api.filter((r) => r.id % 2 === 1),
    true,
    '2026-11-01T00:00:00Z',
  );
  await putUiFacts(db, HOST, [...Array.from({ length: 300 }, (_, i) => uiFact(i * 3 + 1, 1, i % 4)), uiFact(9001, 1, 2)]);
  await putApiRecords(db, OTHER, [record(1, 1), { ...record(2, 1), custom_z: 'other host' }], true, '2026-11-01T00:00:00Z');
}

const target = (scope: string) => ({ source: 'alfacrm' as const, account: HOST, partition: '1', scope });
const facts = (r: { id: number; api?: unknown; ui?: unknown }): StoredRecord => ({ id: r.id, api: r.api as ApiFacts, ui: r.ui as UiFacts });

describe('streamed export', () => {
  for (const only of ['all', 'archived-leads', 'archived-customers'] as const) {
    it(`equals the one-shot merge for scope ${only}`, async () => {
      const db = freshDb();
      await seed(db);
      const scope: MergeScope = { branch: 1, only };
      const all = (await db.rows.toArray()).filter((r) => r.account === HOST).map(facts);
      const { columns, rows } = mergeRecords(all, null, scope);
      const settings = { ...DEFAULT_SETTINGS, delimiter: ';' as const };
      const built = await buildFile(db, target(only), settings, 'uk', NOW);
      const cells = rows.map((row) => columns.map((c) => row[c]));
      expect(built.text).toBe(toCsv(headerRow(columns, 'keys'), cells, { delimiter: ';', escapeFormulae: true }));
      expect(built.rows).toBe(rows.length);
      expect(built.rows).toBeGreaterThan(only === 'archived-customers' ? 100 : 1000);
      expect(columns).toContain('custom_only_some');
      expect(columns).not.toContain('custom_z');
    });
  }

  it('writes the header alone for an empty store', async () => {
    const built = await buildFile(freshDb(), target('all'), DEFAULT_SETTINGS, 'en', NOW);
    const { columns } = mergeRecords([], null, { branch: 1, only: 'all' });
    expect(built.text).toBe(toCsv(headerRow(columns, 'keys'), [], { delimiter: ',', escapeFormulae: true }));
    expect(built.rows).toBe(0);
    expect(built.fileName).toBe('alfacrm-leads-demo.s20.online-b1-2026-11-23.csv');
  });
});

describe('the file as .xlsx', () => {
  it('holds the very cells of the CSV (ids as numbers, the rest as received), named .xlsx', async () => {
    const db = freshDb();
    // Small enough for a strict XML read of the sheet in a test.
    const api = Array.from({ length: 400 }, (_, i) => record(i + 1, 1));
    await putApiRecords(db, HOST, api, true, '2026-11-01T00:00:00Z');
    await putUiFacts(
      db,
      HOST,
      Array.from({ length: 100 }, (_, i) => uiFact(i * 3 + 1, 1, i % 4)),
    );
    const raw = { ...DEFAULT_SETTINGS, delimiter: ';' as const, escapeFormulae: false };
    const csv = await buildFile(db, target('archived-leads'), raw, 'uk', NOW);
    const parts: Uint8Array[] = [];
    const summary = await streamFile(db, target('archived-leads'), { ...raw, fileFormat: 'xlsx' }, 'uk', (p) => parts.push(p as Uint8Array), NOW);
    expect(summary.fileName).toBe('alfacrm-archive-demo.s20.online-b1-2026-11-23.xlsx');
    expect(summary.rows).toBe(csv.rows);
    const cells = rawCells(unzipText(concat(parts))['xl/worksheets/sheet1.xml']);
    const lines = csv.text
      .slice(1)
      .split('\r\n')
      .map((l) => l.split(';'));
    expect(lines).toHaveLength(csv.rows + 1);
    lines.forEach((line, r) =>
      line.forEach((want, c) => {
        const cell = cells.get(`${columnLetters(c)}${r + 1}`);
        // Quotes only where the CSV needs them; this seed has no ';', quote or line break in a cell.
        expect(cell?.value ?? '', `${columnLetters(c)}${r + 1}`).toBe(want);
        if (r > 0 && c === 0) expect(cell?.type).not.toBe('inlineStr');
      }),
    );
    expect(JSON.stringify([...cells.values()])).not.toContain('<f>');
  });
});

describe('derived fields of stored rows', () => {
  const row = (id: number, api?: ApiFacts, ui?: UiFacts) => toRow('alfacrm', HOST, id, { api, ui }, derive);

  it('tally follows the archive flag and the reason', () => {
    const apiFacts: ApiFacts = { record: record(1, 1), archived: false, fetchedAt: '' };
    expect(row(1, apiFacts).tally).toBe(TALLY.active);
    const archived = { ...apiFacts, archived: true };
    expect(row(1, archived).tally).toBe(TALLY.archived);
    expect(row(1, archived, uiFact(1, 1, 5)).tally).toBe(TALLY.archivedWithReason);
    // The UI's flag wins over the API's.
    expect(row(1, archived, { ...uiFact(1, 1, 5), archived: false }).tally).toBe(TALLY.active);
    expect(row(2, undefined, uiFact(2, 1, 0)).sig).toBeUndefined();
    expect(row(7, { record: record(7, 1), archived: true, fetchedAt: '' }).sig).not.toBe(row(1, apiFacts).sig);
    expect(row(1, archived, uiFact(1, 1, 5)).parts).toEqual(['alfacrm|https://demo.s20.online|1']);
  });

  it('a board column finds its records by index', async () => {
    const db = freshDb();
    await seed(db);
    const inColumn = await db.rows.where('[source+account+unit]').equals(['alfacrm', HOST, '1:2']).toArray();
    expect(inColumn.map((r) => r.id).sort((a, b) => a - b)).toEqual([...Array.from({ length: 75 }, (_, i) => (i * 4 + 2) * 3 + 1), 9001].sort((a, b) => a - b));
  });
});
