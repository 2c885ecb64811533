/** One client merged by id from every read (contract §2.3): precedence, masks, custom values. */
import { describe, expect, it } from 'vitest';
import { mergeClient } from '@/utils/sources/altegio/merge';
import type { SideFacts } from '@/utils/sources/altegio/types';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-01-02T10:00:00.000Z';
const side = (f: Partial<SideFacts>): SideFacts => ({ seenAt: T1, ...f });

describe('mergeClient', () => {
  it('takes the API’s personal data first, the page’s where the API has none, the search’s own fields', () => {
    const api = side({ card: { id: 7, name: 'Анна', phone: 13155550178, email: '', comment: 'API', middle_name: 'Петрівна', custom_fields: {} }, cardAt: T1 });
    const ui = side({
      info: {
        client_id: 7,
        name: 'Ганна',
        phone: '+13155550178',
        additional_phone: '380671112233',
        email: 'a@b.ua',
        comment: 'UI',
        labels: ['VIP', 'Нові'],
        sex: 2,
      },
      infoAt: T1,
      search: { id: 7, name: 'Ганна', sold_amount: 1500.5, last_visit_date: '2025-06-01 10:00:00', visits_count: 4 },
    });
    const m = mergeClient(7, api, ui);
    expect(m.cells).toMatchObject({
      id: '7',
      name: 'Анна',
      patronymic: 'Петрівна',
      phone: '13155550178',
      additional_phone: '380671112233',
      email: 'a@b.ua',
      comment: 'API',
      categories: 'VIP, Нові',
      sex: '2',
      visits_count: '4',
      sold_amount: '1500.5',
      last_visit_date: '2025-06-01 10:00:00',
      masked: '0',
      source: 'api+ui',
    });
  });

  it('never lets a masked value replace a clear one, from another read or kept from before', () => {
    const api = side({ card: { id: 1, phone: '+7********78', email: 'p***@mail.ru' }, cardAt: T2 });
    const ui = side({ card: { id: 1, phone: '+79161234578', email: 'p***@mail.ru' }, cardAt: T1 });
    expect(mergeClient(1, api, ui).cells).toMatchObject({ phone: '+79161234578', email: 'p***@mail.ru', masked: '1' });
    const remembered = side({ card: { id: 1, phone: '+7********78' }, cardAt: T2, clear: { phone: '+79161234578' } });
    expect(mergeClient(1, undefined, remembered).cells).toMatchObject({ phone: '+79161234578', masked: '0', source: 'ui' });
    // A kept value that does not fit the mask (the number changed) is not used.
    const changed = side({ card: { id: 1, phone: '+7********99' }, cardAt: T2, clear: { phone: '+79161234578' } });
    expect(mergeClient(1, undefined, changed).cells).toMatchObject({ phone: '+7********99', masked: '1' });
  });

  it('takes custom values from the freshest full card, whatever its empty form', () => {
    const api = side({ card: { id: 2, custom_fields: { note: 'old' } }, cardAt: T1 });
    const ui = side({ info: { client_id: 2, custom_fields: { note: 'new', 'old-promo': 'X' } }, infoAt: T2 });
    expect(mergeClient(2, api, ui).custom).toEqual([
      ['note', 'new'],
      ['old-promo', 'X'],
    ]);
    const emptied = side({ info: { client_id: 2, custom_fields: [] }, infoAt: T2 });
    expect(mergeClient(2, api, emptied).custom).toEqual([]);
    // A read without the key says nothing of custom values.
    const keyless = side({ card: { id: 2, name: 'x' }, cardAt: T2 });
    expect(mergeClient(2, api, keyless).custom).toEqual([['note', 'old']]);
  });

  it('marks the sources and the removed', () => {
    expect(mergeClient(3, side({ search: { id: 3 } }), undefined).cells.source).toBe('api');
    expect(mergeClient(3, undefined, side({ search: { id: 3 }, removed: true })).removed).toBe(true);
  });
});
