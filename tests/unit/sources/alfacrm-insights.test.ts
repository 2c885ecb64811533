/** AlfaCRM's Insights adapter: stored rows (API and page facts, the change log) → flat Insights records. */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshExtension } from '../engine/engine-harness';
import { jobKey, newJob } from '@/utils/engine/run';
import { toRow } from '@/utils/engine/rows';
import { db } from '@/utils/engine/store';
import { derive } from '@/utils/sources/alfacrm/derive';
import { PageNames, toInsightRecord } from '@/utils/sources/alfacrm/insight-record';
import { insightData } from '@/utils/sources/alfacrm/insights';
import type { ApiFacts, ApiRecord, UiFacts } from '@/utils/sources/alfacrm/types';

const ACCOUNT = 'https://school.s20.online';
const SEEN = '2025-12-20T08:00:00.000Z';

function apiFacts(id: number, over: Partial<ApiRecord>, archived: boolean): ApiFacts {
  const record: ApiRecord = {
    id,
    branch_ids: [1],
    name: `Лід ${id}`,
    is_study: 0,
    lead_status_id: 3,
    lead_reject_id: null,
    customer_reject_id: null,
    lead_source_id: 2,
    assigned_id: 148,
    created_at: '2025-03-01 10:00:00',
    phone: ['+380(67)111-22-33', '+380501112233'],
    custom_ads_comp: 'Весна_2025',
    custom_age_: [],
    ...over,
  };
  return { record, archived, fetchedAt: SEEN, ...(archived ? { archivedSeenAt: SEEN } : {}) };
}

function uiFacts(id: number, columnId: number, reasonText: string | null, card: Partial<UiFacts['card']> = {}): UiFacts {
  return {
    branch: 1,
    kind: 'lead',
    archived: true,
    columnId,
    reasonText,
    card: { id, name: `Картка ${id}`, manager: 'Марта Левченко', ...card },
    seenAt: SEEN,
    archivedSeenAt: '2025-12-19T07:00:00.000Z',
  };
}

const names = () => ({ sources: new PageNames(), managers: new PageNames() });

describe('one stored record as an Insights record', () => {
  it('an archived lead with API and page facts: the board column is its reason, the log its archive moment and the status it left', () => {
    const r = toInsightRecord(
      { id: 7, api: apiFacts(7, { lead_reject_id: 4 }, true), ui: uiFacts(7, 6, 'Дорого ( В )') },
      { id: 7, decided: true, archivedAt: '2025-04-02 12:30:00', fromStatusId: 2 },
      names(),
    );
    expect(r).toEqual({
      id: 7,
      kind: 'lead',
      archived: true,
      reasonId: 6,
      sourceId: 2,
      statusId: 3,
      managerId: 148,
      createdAt: '2025-03-01 10:00:00',
      archivedAt: '2025-04-02 12:30:00',
      archivedAtFrom: 'log',
      archivedFromStatusId: 2,
      name: 'Лід 7',
      phone: '+380(67)111-22-33, +380501112233',
      fields: { custom_ads_comp: 'Весна_2025' },
    });
  });

  it('without a log entry the archive moment is the first read that saw it archived (the earlier of API and page)', () => {
    const r = toInsightRecord({ id: 8, api: apiFacts(8, { lead_reject_id: 4 }, true), ui: uiFacts(8, 0, null) }, undefined, names());
    expect(r).toMatchObject({ reasonId: 4, archivedAt: '2025-12-19 07:00:00', archivedAtFrom: 'first-sync', archivedFromStatusId: null });
    // A log that says it was restored since is no archive date.
    const restored = toInsightRecord({ id: 8, api: apiFacts(8, {}, true) }, { id: 8, decided: true, archivedAt: null }, names());
    expect(restored).toMatchObject({ archivedAt: '2025-12-20 08:00:00', archivedAtFrom: 'first-sync' });
  });

  it('an active client: no reason, no archive date, whatever reject id is left on the row', () => {
    const r = toInsightRecord(
      { id: 9, api: apiFacts(9, { is_study: 1, customer_reject_id: 43 }, false) },
      { id: 9, decided: true, archivedAt: '2025-01-01 00:00:00' },
      names(),
    );
    expect(r).toMatchObject({ kind: 'client', archived: false, reasonId: null, archivedAt: null, archivedAtFrom: null });
  });

  it('a page-only lead: names without ids get negative ones, the grid date is its creation', () => {
    const n = names();
    const a = toInsightRecord({ id: 10, ui: uiFacts(10, 12, 'Подумає ( В )', { leadSource: 'Instagram', createdAt: '05.02.2025' }) }, undefined, n);
    const b = toInsightRecord({ id: 11, ui: uiFacts(11, 12, 'Подумає ( В )', { leadSource: 'Instagram', manager: 'Олег' }) }, undefined, n);
    expect(a).toMatchObject({ reasonId: 12, sourceId: -1, managerId: -1, createdAt: '2025-02-05', statusId: null, name: 'Картка 10', phone: '' });
    expect(b).toMatchObject({ sourceId: -1, managerId: -2, createdAt: null });
    expect(n.sources.entries()).toEqual([{ id: -1, name: 'Instagram' }]);
  });
});

describe('a branch read from the store', () => {
  beforeEach(async () => {
    await freshExtension();
    const rows = [
      toRow('alfacrm', ACCOUNT, 1, { api: apiFacts(1, {}, false) }, derive),
      toRow('alfacrm', ACCOUNT, 2, { api: apiFacts(2, { lead_reject_id: 6 }, true), ui: uiFacts(2, 6, 'Дорого ( В )') }, derive),
      toRow('alfacrm', ACCOUNT, 3, { api: apiFacts(3, { lead_reject_id: 30 }, true) }, derive),
      toRow('alfacrm', ACCOUNT, 4, { api: apiFacts(4, { branch_ids: [3] }, false) }, derive),
      toRow('alfacrm', ACCOUNT, 5, { api: { ...apiFacts(5, {}, true), gone: true } }, derive),
      toRow('alfacrm', 'https://other.s20.online', 6, { api: apiFacts(6, {}, false) }, derive),
    ];
    await db.rows.bulkPut(rows);
    await db.lists.bulkPut([
      {
        source: 'alfacrm',
        account: ACCOUNT,
        name: 'leadReject',
        items: [
          { id: 6, name: 'Дорого ( В )', enabled: true },
          { id: 30, name: 'Старе ( Не ЦА )', enabled: false },
          { id: 31, name: 'Без ознаки' },
        ],
        fetchedAt: SEEN,
      },
      { source: 'alfacrm', account: ACCOUNT, name: 'leadSource', items: [{ id: 2, name: 'Instagram' }], fetchedAt: SEEN },
      { source: 'alfacrm', account: ACCOUNT, name: 'leadStatus', items: [{ id: 3, name: 'Пробне заплановано', enabled: true }], fetchedAt: SEEN },
      { source: 'alfacrm', account: ACCOUNT, name: 'changeLog:1', items: [{ id: 3, decided: true, archivedAt: '2025-06-01 09:00:00' }], fetchedAt: SEEN },
    ]);
    await db.jobs.put({ ...newJob('alfacrm', ACCOUNT, '1'), memo: { lastCounts: { '0': 0, '6': 1, '30': 1 } } });
  });

  it('holds every record of the branch once (not another branch’s, account’s or a deleted one), with the dictionaries and board counts', async () => {
    const data = await insightData(db, ACCOUNT, '1');
    expect(data.records.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(data.records.find((r) => r.id === 3)).toMatchObject({ archived: true, reasonId: 30, archivedAtFrom: 'log', archivedAt: '2025-06-01 09:00:00' });
    expect(data.dicts.reasons).toEqual([
      { id: 6, name: 'Дорого ( В )', enabled: true },
      { id: 30, name: 'Старе ( Не ЦА )', enabled: false },
      { id: 31, name: 'Без ознаки', enabled: true },
    ]);
    expect(data.dicts.sources).toEqual([{ id: 2, name: 'Instagram' }]);
    expect(data.dicts.statuses).toEqual([{ id: 3, name: 'Пробне заплановано' }]);
    expect(data.dicts.managers).toEqual([{ id: 148, name: 'Марта Левченко' }]);
    expect(data.uiCounts).toEqual({ byReason: { 0: 0, 6: 1, 30: 1 } });
    expect(data.hasApi).toBe(true);
    expect((await insightData(db, ACCOUNT, '3')).records.map((r) => r.id)).toEqual([4]);
  });

  it('with page facts only: reasons named from the board columns, no API', async () => {
    await db.rows.clear();
    await db.lists.clear();
    await db.jobs.delete(jobKey('alfacrm', ACCOUNT, '1'));
    await db.rows.bulkPut([
      toRow('alfacrm', ACCOUNT, 2, { ui: uiFacts(2, 6, 'Дорого ( В )') }, derive),
      toRow('alfacrm', ACCOUNT, 8, { ui: uiFacts(8, 0, null) }, derive),
    ]);
    const data = await insightData(db, ACCOUNT, '1');
    expect(data.hasApi).toBe(false);
    expect(data.uiCounts).toBeNull();
    expect(data.dicts.reasons).toEqual([{ id: 6, name: 'Дорого ( В )', enabled: true }]);
    expect(data.records.map((r) => [r.id, r.reasonId, r.archivedAtFrom])).toEqual([
      [2, 6, 'first-sync'],
      [8, null, 'first-sync'],
    ]);
  });
});

describe('the moment a record is first seen archived', () => {
  beforeEach(freshExtension);

  it('is kept while it stays archived, dropped when it is active, and new when it is archived again', async () => {
    const { putApiRecords, putUiFacts } = await import('@/utils/sources/alfacrm/facts');
    const record = apiFacts(1, { lead_reject_id: 6 }, true).record;
    const seen = async () => {
      const row = await db.rows.get(['alfacrm', ACCOUNT, 1]);
      return [(row?.api as ApiFacts).archivedSeenAt, (row?.ui as UiFacts | undefined)?.archivedSeenAt];
    };
    await putApiRecords(db, ACCOUNT, [record], true, '2025-12-01T10:00:00.000Z');
    await putUiFacts(db, ACCOUNT, [{ ...uiFacts(1, 6, 'Дорого ( В )'), seenAt: '2025-12-01T11:00:00.000Z' }]);
    await putApiRecords(db, ACCOUNT, [record], true, '2025-12-02T10:00:00.000Z');
    await putApiRecords(db, ACCOUNT, [record], null, '2025-12-03T10:00:00.000Z');
    await putUiFacts(db, ACCOUNT, [{ ...uiFacts(1, 6, 'Дорого ( В )'), seenAt: '2025-12-03T11:00:00.000Z' }]);
    expect(await seen()).toEqual(['2025-12-01T10:00:00.000Z', '2025-12-01T11:00:00.000Z']);
    await putApiRecords(db, ACCOUNT, [record], false, '2025-12-04T10:00:00.000Z');
    expect((await seen())[0]).toBeUndefined();
    await putApiRecords(db, ACCOUNT, [record], true, '2025-12-05T10:00:00.000Z');
    expect((await seen())[0]).toBe('2025-12-05T10:00:00.000Z');
  });
});
