/** Altegio's file: columns, headers, which clients, its name (extension-interface.md). */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFile } from '@/utils/engine/file';
import { ExportDb } from '@/utils/engine/store';
import { DEFAULT_SETTINGS } from '@/utils/settings/schema';
import { altegio } from '@/utils/sources/altegio';
import { markRemoved, putRows } from '@/utils/sources/altegio/facts';
import { saveDefinitions } from '@/utils/sources/altegio/lists';

const ACCOUNT = 'https://app.alteg.io/517301';
const TARGET = { source: 'altegio' as const, account: ACCOUNT, partition: '', scope: 'clients' };
const AT = '2026-01-01T00:00:00.000Z';
const opened: ExportDb[] = [];

async function seeded(): Promise<ExportDb> {
  const db = new ExportDb(`altegio-file-${Math.random()}`);
  opened.push(db);
  await saveDefinitions(db, ACCOUNT, [
    { code: 'note', title: 'Примечание' },
    { code: 'note-2', title: 'Примечание' },
    { code: 'internal_score', title: '=Бонус, %' },
  ]);
  const card = (id: number, cf: unknown, phone = '+79161234567') => ({ id, row: { id, name: `N${id}`, phone, custom_fields: cf } });
  await putRows(
    db,
    ACCOUNT,
    'ui',
    'card',
    [
      card(3, { 'old-promo': 'A', note: 'x' }),
      card(1, []),
      card(2, { 'note-2': 'y', internal_score: 12.5 }, '+7********67'),
      card(4, { zzz: 'z', 'old-promo': 'B' }),
    ],
    AT,
  );
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const settings = { ...DEFAULT_SETTINGS, delimiter: ',' as const };

describe('Altegio file', () => {
  it('puts defined fields in definition order, then codes without a definition as first seen by id', async () => {
    const db = await seeded();
    const { text, rows, fileName } = await buildFile(db, TARGET, settings, 'en-US', new Date(2026, 4, 7));
    const [header, ...lines] = text.slice(1).split('\r\n');
    expect(header.split(',').slice(18)).toEqual(['custom:note', 'custom:note-2', 'custom:internal_score', 'custom:old-promo', 'custom:zzz']);
    expect(rows).toBe(4);
    expect(lines[1].split(',').slice(16)).toEqual(['1', 'ui', '', 'y', '12.5', '', '']);
    expect(fileName).toBe('altegio-clients-app.alteg.io-c517301-2026-05-07.csv');
  });

  it('titles the columns in human headers, equal titles with their code, neutralising a title that starts like a formula', async () => {
    const db = await seeded();
    const { text } = await buildFile(db, TARGET, { ...settings, headerLanguage: 'uk' }, 'en-US');
    const header = text.slice(1).split('\r\n')[0];
    expect(header.endsWith(',Приховано,Походження даних,Примечание (note),Примечание (note-2),"\'=Бонус, %",old-promo,zzz')).toBe(true);
    const raw = await buildFile(db, TARGET, { ...settings, headerLanguage: 'uk', escapeFormulae: false }, 'en-US');
    expect(raw.text).toContain(',"=Бонус, %",');
  });

  it('leaves out clients the last id pass did not list, and counts them apart', async () => {
    const db = await seeded();
    await markRemoved(db, ACCOUNT, new Set([1, 2, 4]));
    const { rows, text } = await buildFile(db, TARGET, settings, 'en-US');
    expect(rows).toBe(3);
    // Codes are taken from the clients exported: `old-promo` is now first seen after `zzz`.
    expect(text.split('\r\n')[0].split(',').slice(21)).toEqual(['custom:zzz', 'custom:old-promo']);
    const counts = await altegio.counts(db, { account: ACCOUNT, partition: '' });
    expect(counts.map((c) => [c.testId, c.value])).toEqual([
      ['count-clients', 3],
      ['count-masked', 1],
      ['count-removed', 1],
    ]);
    await markRemoved(db, ACCOUNT, new Set([1, 2, 3, 4]));
    expect((await buildFile(db, TARGET, settings, 'en-US')).rows).toBe(4);
  });
});
