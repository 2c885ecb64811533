/** Altegio's custom-field fill rates (Insights without reject reasons), from a small store. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { jobKey } from '@/utils/engine/run';
import { ExportDb } from '@/utils/engine/store';
import { FillTally } from '@/utils/insights/field-fill';
import { insightAccounts, insightKind, loadFieldFill } from '@/utils/insights-store/load';
import { altegio } from '@/utils/sources/altegio';
import { markRemoved, putRows } from '@/utils/sources/altegio/facts';
import { saveDefinitions } from '@/utils/sources/altegio/lists';

const ACCOUNT = 'https://app.alteg.io/517301';
const opened: ExportDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function seeded(): Promise<ExportDb> {
  const db = new ExportDb(`altegio-fill-${Math.random()}`);
  opened.push(db);
  await saveDefinitions(db, ACCOUNT, [
    { code: 'note', title: 'Примечание' },
    { code: 'source', title: '  ' },
    { code: 'never', title: 'Никто' },
  ]);
  const card = (id: number, cf: unknown, phone = '+79161234567') => ({ id, row: { id, name: `N${id}`, phone, custom_fields: cf } });
  await putRows(
    db,
    ACCOUNT,
    'ui',
    'card',
    [
      card(1, []),
      card(2, { note: 'x', source: ['Instagram', 'Друзі'] }),
      // Empty forms: a text, a list, an object, null (no key at all for the file).
      card(3, { note: '', source: [], 'old-promo': {}, gone: null }, '+7********67'),
      card(4, [
        { code: 'old-promo', value: 'A' },
        { code: 'note', value: 0 },
      ]),
      card(5, { note: 'removed later' }),
      card(6, {}),
    ],
    '2026-01-01T00:00:00.000Z',
  );
  return db;
}

const byCode = (fields: { code: string; filled: number; total: number }[]) => Object.fromEntries(fields.map((f) => [f.code, [f.filled, f.total]]));

describe('Altegio field fill', () => {
  it('counts a value only when the file would show one, over the clients the file holds, in its column order', async () => {
    const db = await seeded();
    await markRemoved(db, ACCOUNT, new Set([1, 2, 3, 4, 6]));
    const fill = await altegio.fieldFill!(db, ACCOUNT, '');
    expect(fill.total).toBe(5);
    expect(fill.masked).toBe(1);
    expect(fill.fields.map((f) => f.code)).toEqual(['note', 'source', 'never', 'old-promo']);
    // `0` is a value; '', [] and {} are not; the removed client's note is not counted.
    expect(byCode(fill.fields)).toEqual({ note: [2, 5], source: [1, 5], never: [0, 5], 'old-promo': [1, 5] });
    expect(fill.fields.map((f) => [f.title, f.defined])).toEqual([
      ['Примечание', true],
      ['source', true],
      ['Никто', true],
      ['old-promo', false],
    ]);
    expect(fill.fields[0].share).toBeCloseTo(0.4, 12);
    // Custom values are never masked: no per-field count to show.
    expect(fill.fields.every((f) => f.masked === undefined)).toBe(true);
  });

  it('takes the freshest full card’s values, as the file does', async () => {
    const db = await seeded();
    await putRows(db, ACCOUNT, 'api', 'card', [{ id: 2, row: { id: 2, custom_fields: { note: '' } } }], '2026-02-01T00:00:00.000Z');
    const fill = await altegio.fieldFill!(db, ACCOUNT, '');
    expect(byCode(fill.fields).note).toEqual([2, 6]);
    expect(byCode(fill.fields).source).toEqual([0, 6]);
  });

  it('is empty for an account with nothing stored', async () => {
    const db = new ExportDb(`altegio-fill-${Math.random()}`);
    opened.push(db);
    expect(await loadFieldFill(db, 'altegio', ACCOUNT, '')).toEqual({ total: 0, masked: 0, fields: [] });
  });

  it('puts Altegio accounts among the Insights accounts, as fill rates', async () => {
    const db = await seeded();
    const job = (source: 'altegio' | 'alfacrm', account: string, partition: string) =>
      ({ key: jobKey(source, account, partition), source, account, partition, state: 'idle', memo: {} }) as never;
    await db.jobs.bulkPut([job('altegio', ACCOUNT, ''), job('alfacrm', 'https://x.s20.online', '1')]);
    const accounts = await insightAccounts(db);
    expect(accounts.map((a) => [a.source, a.kind, a.partitions]).sort()).toEqual([
      ['alfacrm', 'insights', ['1']],
      ['altegio', 'field-fill', ['']],
    ]);
    expect(insightKind('livetex')).toBeNull();
  });
});

describe('FillTally', () => {
  it('counts per-field masks where the source can tell them, and shares over all records', () => {
    const tally = new FillTally([{ code: 'a', title: 'A' }], { values: true });
    tally.add([['a', true, true]]);
    tally.add([
      ['a', false],
      ['b', true],
    ]);
    expect(tally.result()).toEqual({
      total: 2,
      fields: [
        { code: 'a', title: 'A', defined: true, filled: 1, total: 2, share: 0.5, masked: 1 },
        { code: 'b', title: 'b', defined: false, filled: 1, total: 2, share: 0.5, masked: 0 },
      ],
    });
    expect(new FillTally([{ code: 'a', title: 'A' }]).result().fields[0].share).toBeNull();
  });
});
