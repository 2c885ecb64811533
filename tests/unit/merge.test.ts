import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as PapaNs from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FIXED_COLUMNS, cellText, mergeRecords, type MergeScope } from '../../utils/sources/alfacrm/merge';
import type { ApiRecord, Dictionaries, StoredRecord, UiCard, UiFacts } from '../../utils/sources/alfacrm/types';

const Papa: typeof PapaNs = (PapaNs as unknown as { default?: typeof PapaNs }).default ?? PapaNs;
// Vitest's module runner provides __dirname in test files.
const DATA = join(__dirname, '..', 'fixtures', 'alfacrm-real');

const LEADS_B1: MergeScope = { branch: 1, only: 'archived-leads' };
const CUSTOMERS_B1: MergeScope = { branch: 1, only: 'archived-customers' };
const ALL_B1: MergeScope = { branch: 1, only: 'all' };

// ---------------------------------------------------------------------------------------------
// Builders

function apiRecord(id: number, fields: Record<string, unknown> = {}): ApiRecord {
  return {
    id,
    branch_ids: [1],
    name: `Lead ${id}`,
    is_study: 0,
    lead_status_id: null,
    lead_reject_id: null,
    customer_reject_id: null,
    lead_source_id: null,
    assigned_id: null,
    e_date: '2030-12-31',
    phone: [],
    email: [],
    ...fields,
  };
}

function api(id: number, archived: boolean, fields: Record<string, unknown> = {}): StoredRecord {
  return { id, api: { record: apiRecord(id, fields), archived, fetchedAt: '2025-11-01T10:00:00Z' } };
}

function uiFacts(id: number, facts: Partial<Omit<UiFacts, 'card'>> & { card?: Partial<UiCard> } = {}): UiFacts {
  const { card, ...rest } = facts;
  return {
    branch: 1,
    kind: 'lead',
    archived: true,
    columnId: null,
    reasonText: null,
    seenAt: '2025-11-01T10:00:00Z',
    ...rest,
    card: { id, ...card },
  };
}

function ui(id: number, facts: Partial<Omit<UiFacts, 'card'>> & { card?: Partial<UiCard> } = {}): StoredRecord {
  return { id, ui: uiFacts(id, facts) };
}

function both(a: StoredRecord, u: StoredRecord): StoredRecord {
  return { id: a.id, api: a.api, ui: u.ui };
}

const DICTS: Dictionaries = {
  leadReject: { 8: 'Не актуально ( Не ЦА )', 12: 'Подумає (мороз)  ( В )', 17: 'Дубль' },
  customerReject: { 43: 'Перешли в другой клуб', 5: 'Закончил' },
  leadStatus: { 4: 'Пробний', 51: 'Відмова після пробного' },
  leadSource: { 25: 'Instagram' },
};

function only(records: StoredRecord[], scope: MergeScope = ALL_B1, dicts: Dictionaries | null = DICTS) {
  const { rows } = mergeRecords(records, dicts, scope);
  expect(rows).toHaveLength(1);
  return rows[0];
}

function ids(records: StoredRecord[], scope: MergeScope): string[] {
  return mergeRecords(records, DICTS, scope).rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Real samples

/** The 2025 flattened export back to API records: Python list reprs → arrays, empty → null. */
function load2025(): { keys: string[]; records: ApiRecord[] } {
  const text = readFileSync(join(DATA, 'v2api-customer-index-items-2025.flattened.csv'), 'utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [keys, ...rows] = parsed.data;
  const value = (cell: string): unknown => {
    if (cell === '') return null;
    if (cell.startsWith('[') && cell.endsWith(']')) {
      const inner = cell.slice(1, -1).trim();
      if (inner === '') return [];
      return inner.split(/,\s*/).map((s) => (/^'.*'$/.test(s) ? s.slice(1, -1) : Number(s)));
    }
    return cell;
  };
  const records = rows.map((row) => {
    const rec: Record<string, unknown> = {};
    keys.forEach((k, i) => (rec[k] = value(row[i])));
    rec.id = Number(rec.id);
    rec.is_study = Number(rec.is_study);
    return rec as ApiRecord;
  });
  return { keys, records };
}

function load2021(): ApiRecord[] {
  const json = JSON.parse(readFileSync(join(DATA, 'v2api-customer-index-2021.json'), 'utf8')) as { items: ApiRecord[] };
  return json.items;
}

function loadLeadRejectDict(): { dict: Record<number, string>; disabled: number[] } {
  const text = readFileSync(join(DATA, 'lead-reject-index-items.csv'), 'utf8');
  const rows = Papa.parse<{ id: string; name: string; is_enabled: string }>(text, { header: true, skipEmptyLines: true }).data;
  const dict: Record<number, string> = {};
  for (const r of rows) dict[Number(r.id)] = r.name;
  return { dict, disabled: rows.filter((r) => r.is_enabled === '0').map((r) => Number(r.id)) };
}

const REPRESENTED = [
  'id',
  'name',
  'phone',
  'email',
  'branch_ids',
  'is_study',
  'lead_status_id',
  'lead_reject_id',
  'customer_reject_id',
  'lead_source_id',
  'assigned_id',
  'created_at',
  'updated_at',
];

// ---------------------------------------------------------------------------------------------

describe('mergeRecords: columns', () => {
  it('starts with the 20 fixed columns in the documented order', () => {
    expect([...FIXED_COLUMNS]).toEqual([
      'id',
      'name',
      'phone',
      'email',
      'branch_id',
      'is_study',
      'archived',
      'lead_status_id',
      'lead_status',
      'lead_reject_id',
      'lead_reject_reason',
      'customer_reject_id',
      'customer_reject_reason',
      'archived_at',
      'lead_source_id',
      'lead_source',
      'assigned_id',
      'created_at',
      'updated_at',
      'source',
    ]);
    expect(mergeRecords([], DICTS, ALL_B1)).toEqual({ columns: [...FIXED_COLUMNS], rows: [] });
  });

  it('adds every other key of the real 2025 records in API order, custom_* included', () => {
    const { keys, records } = load2025();
    expect(keys).toHaveLength(45);
    const stored = records.map((r): StoredRecord => ({ id: r.id, api: { record: r, archived: false, fetchedAt: 'x' } }));
    const { columns, rows } = mergeRecords(stored, DICTS, ALL_B1);
    const extras = keys.filter((k) => !REPRESENTED.includes(k));
    expect(columns).toEqual([...FIXED_COLUMNS, ...extras]);
    expect(columns.slice(20)).toEqual([
      'teacher_ids',
      'barcode',
      'color',
      'study_status_id',
      'pipeline_id',
      'legal_type',
      'legal_name',
      'company_id',
      'dob',
      'balance',
      'balance_base',
      'balance_bonus',
      'paid_count',
      'next_lesson_date',
      'paid_till',
      'last_attend_date',
      'b_date',
      'e_date',
      'note',
      'paid_lesson_count',
      'paid_lesson_date',
      'web',
      'addr',
      'custom_id_srm',
      'custom_ads_comp',
      'custom_gorodstvaniya',
      'custom_age_',
      'custom_email',
      'custom_schedule',
      'custom_yazik',
      'custom_urovenvladenwoo',
      'custom_try_lessons',
    ]);
    expect(new Set(columns).size).toBe(columns.length);
    const lead = rows.find((r) => r.id === '11839')!;
    expect(lead.custom_age_).toBe('Підліток');
    expect(lead.custom_ads_comp).toBe('Кампания: Shkolnik_UKR_выборка_23.11');
    expect(lead.phone).toBe('+380(67)214-58-30, +380(50)123-45-67');
    expect(lead.created_at).toBe('2025-01-23 08:31:21');
    expect(lead.updated_at).toBe('2025-10-29 09:26:29');
    expect(lead.lead_status_id).toBe('51');
    expect(lead.lead_status).toBe('Відмова після пробного');
    expect(lead.assigned_id).toBe('1278');
    expect(lead.note.startsWith('Німецька мова. 📅 \n')).toBe(true);
  });

  it('places keys that only newer records have next to their API neighbours (2021 + 2025 records)', () => {
    const old = load2021();
    const { records: recent } = load2025();
    const stored = [...old, ...recent].map((r): StoredRecord => ({ id: r.id, api: { record: r, archived: false, fetchedAt: 'x' } }));
    const { columns, rows } = mergeRecords(stored, DICTS, ALL_B1);
    const extras = columns.slice(20);
    expect(extras.indexOf('pipeline_id')).toBe(extras.indexOf('study_status_id') + 1);
    expect(extras.indexOf('custom_id_srm')).toBe(extras.indexOf('addr') + 1);
    expect(extras).toContain('custom_klatest');
    expect(extras).toContain('custom_gorod');
    expect(new Set(extras).size).toBe(extras.length);
    // A 2021 record has no pipeline_id: empty cell, not "undefined".
    expect(rows.find((r) => r.id === '5303')!.pipeline_id).toBe('');
    expect(rows.find((r) => r.id === '5303')!.created_at).toBe('');
  });

  it('takes extra columns only from records in scope', () => {
    const { columns } = mergeRecords([api(1, true, { custom_b1: 'x' }), api(2, true, { branch_ids: [3], custom_b3: 'y' })], DICTS, LEADS_B1);
    expect(columns).toContain('custom_b1');
    expect(columns).not.toContain('custom_b3');
  });

  it('never repeats a fixed column even if the API returns a key with that name', () => {
    const { columns, rows } = mergeRecords([api(1, true, { source: 'facebook', archived: 0, branch_id: 9 })], DICTS, ALL_B1);
    expect(columns.filter((c) => c === 'source')).toHaveLength(1);
    expect(columns.filter((c) => c === 'branch_id')).toHaveLength(1);
    expect(rows[0].source).toBe('api');
    expect(rows[0].branch_id).toBe('1');
  });

  it('formats values: null → empty, lists joined, objects as JSON, numbers and booleans as text', () => {
    const row = only([
      api(1, true, {
        teacher_ids: ['Тарас Шевчук', 'Ірина Коваль'],
        web: [],
        addr: [{ city: 'Київ' }],
        meta: { a: 1 },
        balance_bonus: 2320,
        flag: true,
        color: null,
        missing: undefined,
      }),
    ]);
    expect(row.teacher_ids).toBe('Тарас Шевчук, Ірина Коваль');
    expect(row.web).toBe('');
    expect(row.addr).toBe('[{"city":"Київ"}]');
    expect(row.meta).toBe('{"a":1}');
    expect(row.balance_bonus).toBe('2320');
    expect(row.flag).toBe('true');
    expect(row.color).toBe('');
    expect(row.missing).toBe('');
    for (const v of Object.values(row)) expect(typeof v).toBe('string');
    expect(cellText([1, null, 'a'])).toBe('1, , a');
  });
});

describe('mergeRecords: rows', () => {
  it('one row per id, sorted by id ascending, every value a string', () => {
    const { columns, rows } = mergeRecords([api(30, true), ui(5), api(12, true), ui(100)], DICTS, LEADS_B1);
    expect(rows.map((r) => r.id)).toEqual(['5', '12', '30', '100']);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(columns);
      for (const v of Object.values(row)) expect(typeof v).toBe('string');
    }
  });

  it('dedupes by id: keeps the record with the most facts, never two rows', () => {
    const apiOnly = api(7, true, { name: 'API only' });
    const full = both(api(7, true, { name: 'Both' }), ui(7, { columnId: 8 }));
    const uiOnly = ui(7, { card: { name: 'UI only' } });
    for (const input of [
      [apiOnly, full, uiOnly],
      [uiOnly, full, apiOnly],
      [full, apiOnly],
    ]) {
      const { rows } = mergeRecords(input, DICTS, LEADS_B1);
      expect(rows).toHaveLength(1);
      expect(rows[0].name).toBe('Both');
      expect(rows[0].source).toBe('api+ui');
    }
    // Equal facts: one row all the same (the more recent one).
    const older: StoredRecord = { ...api(8, true, { name: 'old' }) };
    older.api!.fetchedAt = '2025-01-01T00:00:00Z';
    const newer = api(8, true, { name: 'new' });
    newer.api!.fetchedAt = '2025-02-01T00:00:00Z';
    expect(mergeRecords([newer, older], DICTS, LEADS_B1).rows.map((r) => r.name)).toEqual(['new']);
    expect(mergeRecords([older, newer], DICTS, LEADS_B1).rows.map((r) => r.name)).toEqual(['new']);
  });

  it('source says which facts the row has', () => {
    const { rows } = mergeRecords([api(1, true), ui(2), both(api(3, true), ui(3))], DICTS, LEADS_B1);
    expect(rows.map((r) => r.source)).toEqual(['api', 'ui', 'api+ui']);
  });

  it('API-only archived lead: ids, dictionary texts, lists joined, archive date from e_date', () => {
    const row = only(
      [
        api(11, true, {
          name: 'Олена Коваль',
          phone: ['+380(67)123-45-67', '+380501234567'],
          email: ['a@example.com', 'b@example.com'],
          lead_status_id: 4,
          lead_reject_id: 8,
          lead_source_id: 25,
          assigned_id: 1278,
          created_at: '2025-01-23 08:31:21',
          updated_at: '2025-10-29 09:26:29',
          e_date: '2025-10-29',
        }),
      ],
      LEADS_B1,
    );
    expect(row).toMatchObject({
      id: '11',
      name: 'Олена Коваль',
      phone: '+380(67)123-45-67, +380501234567',
      email: 'a@example.com, b@example.com',
      branch_id: '1',
      is_study: '0',
      archived: '1',
      lead_status_id: '4',
      lead_status: 'Пробний',
      lead_reject_id: '8',
      lead_reject_reason: 'Не актуально ( Не ЦА )',
      customer_reject_id: '',
      customer_reject_reason: '',
      archived_at: '2025-10-29',
      lead_source_id: '25',
      lead_source: 'Instagram',
      assigned_id: '1278',
      created_at: '2025-01-23 08:31:21',
      updated_at: '2025-10-29 09:26:29',
      source: 'api',
    });
  });

  it('UI-only archived lead: what the page shows (name, column as reason, archive date)', () => {
    const { columns, rows } = mergeRecords(
      [api(1, true, { custom_x: 'x' }), ui(2, { columnId: 17, reasonText: 'Дубль (з колонки)', card: { name: 'Ім’я з картки', archivedAt: '29.10.2025' } })],
      null,
      LEADS_B1,
    );
    const row = rows.find((r) => r.id === '2')!;
    expect(row).toMatchObject({
      id: '2',
      name: 'Ім’я з картки',
      phone: '',
      email: '',
      branch_id: '1',
      is_study: '0',
      archived: '1',
      lead_reject_id: '17',
      lead_reject_reason: 'Дубль (з колонки)',
      archived_at: '29.10.2025',
      source: 'ui',
    });
    expect(columns).toContain('custom_x');
    expect(row.custom_x).toBe('');
  });

  it('UI-only active lead: the board column is its stage', () => {
    const row = only([ui(3, { archived: false, columnId: 4, reasonText: 'Пробний урок' })], ALL_B1, null);
    expect(row).toMatchObject({ archived: '0', lead_status_id: '4', lead_status: 'Пробний урок', lead_reject_id: '', lead_reject_reason: '' });
    const unsorted = only([ui(3, { archived: false, columnId: 0, reasonText: 'Не разобрано' })], ALL_B1, null);
    expect(unsorted).toMatchObject({ lead_status_id: '', lead_status: 'Не разобрано' });
  });

  it('is_study from the API, else 0 for a UI lead and 1 for a UI client', () => {
    expect(only([api(1, true, { is_study: 1 })], ALL_B1).is_study).toBe('1');
    expect(only([ui(2, { kind: 'lead' })], ALL_B1).is_study).toBe('0');
    expect(only([ui(3, { kind: 'customer' })], ALL_B1).is_study).toBe('1');
    // The API wins over the UI's kind.
    expect(only([both(api(4, true, { is_study: 0 }), ui(4, { kind: 'customer' }))], ALL_B1).is_study).toBe('0');
  });
});

describe('mergeRecords: archived flag', () => {
  it('the UI wins when it disagrees with the API', () => {
    const uiArchived = both(api(1, false), ui(1, { archived: true, columnId: 8 }));
    const uiActive = both(api(2, true, { lead_reject_id: 8 }), ui(2, { archived: false, columnId: 4 }));
    const { rows } = mergeRecords([uiArchived, uiActive], DICTS, ALL_B1);
    expect(rows.map((r) => [r.id, r.archived])).toEqual([
      ['1', '1'],
      ['2', '0'],
    ]);
    expect(ids([uiArchived, uiActive], LEADS_B1)).toEqual(['1']);
  });

  it('without UI facts, the API removed=2 flag decides', () => {
    const { rows } = mergeRecords([api(1, true), api(2, false)], DICTS, ALL_B1);
    expect(rows.map((r) => r.archived)).toEqual(['1', '0']);
  });

  it('a stale customer_reject_id on an active API row (real 2025 lead 11839) does not archive it', () => {
    const { records } = load2025();
    const lead = records.find((r) => r.id === 11839)!;
    expect(lead.customer_reject_id).toBe('43');
    const stored: StoredRecord = { id: 11839, api: { record: lead, archived: false, fetchedAt: 'x' } };
    expect(ids([stored], LEADS_B1)).toEqual([]);
    expect(ids([stored], CUSTOMERS_B1)).toEqual([]);
    const row = only([stored], ALL_B1);
    expect(row.archived).toBe('0');
    expect(row.customer_reject_id).toBe('43');
    expect(row.archived_at).toBe('');
    // Reject ids alone never archive, also on synthetic rows.
    expect(only([api(5, false, { lead_reject_id: 8, customer_reject_id: 43 })], ALL_B1).archived).toBe('0');
  });
});

describe('mergeRecords: reject ids and reasons', () => {
  it('the UI archive column id wins over a disagreeing API lead_reject_id, and its text follows', () => {
    const row = only([both(api(1, true, { lead_reject_id: 8 }), ui(1, { columnId: 12, reasonText: 'Подумає (мороз)  ( В )' }))], LEADS_B1);
    expect(row.lead_reject_id).toBe('12');
    expect(row.lead_reject_reason).toBe('Подумає (мороз)  ( В )');
  });

  it('UI column 0 or null means "no reason": the API id is kept', () => {
    const col0 = only([both(api(1, true, { lead_reject_id: 8 }), ui(1, { columnId: 0, reasonText: 'Без причини' }))], LEADS_B1);
    expect(col0).toMatchObject({ lead_reject_id: '8', lead_reject_reason: 'Не актуально ( Не ЦА )' });
    const colNull = only([both(api(2, true, { lead_reject_id: 17 }), ui(2, { columnId: null }))], LEADS_B1);
    expect(colNull).toMatchObject({ lead_reject_id: '17', lead_reject_reason: 'Дубль' });
    // Column 0 and no API id: no reason at all (the column's title is not a reason).
    const none = only([ui(3, { columnId: 0, reasonText: 'Без причини' })], LEADS_B1);
    expect(none).toMatchObject({ lead_reject_id: '', lead_reject_reason: '' });
  });

  it('the UI column id applies only to a lead the UI shows archived', () => {
    // Active board: the column is a stage, not a reason.
    const active = only([both(api(1, false, { lead_reject_id: 8 }), ui(1, { archived: false, columnId: 4 }))], ALL_B1);
    expect(active.lead_reject_id).toBe('8');
    // Client grid rows give no id: the API's customer_reject_id stays.
    const client = only(
      [both(api(2, true, { is_study: 1, customer_reject_id: 5 }), ui(2, { kind: 'customer', columnId: null, reasonText: 'Закончил' }))],
      CUSTOMERS_B1,
    );
    expect(client).toMatchObject({ customer_reject_id: '5', customer_reject_reason: 'Закончил', lead_reject_id: '', lead_reject_reason: '' });
  });

  it('reason text: the dictionary first, then the UI text, else empty', () => {
    // Dictionary has the id: its text, even if the page shows another text.
    expect(only([both(api(1, true, { lead_reject_id: 17 }), ui(1, { reasonText: 'Дубль!' }))], LEADS_B1).lead_reject_reason).toBe('Дубль');
    // Dictionary lacks the id: the column title.
    expect(only([ui(2, { columnId: 99, reasonText: 'Нова причина' })], LEADS_B1).lead_reject_reason).toBe('Нова причина');
    // No dictionary at all: the column title, else the card's own reason.
    expect(only([ui(3, { columnId: 8, reasonText: 'З колонки' })], LEADS_B1, null).lead_reject_reason).toBe('З колонки');
    expect(only([ui(4, { columnId: 8, card: { rejectReason: 'З картки' } })], LEADS_B1, null).lead_reject_reason).toBe('З картки');
    // Neither: empty.
    expect(only([api(5, true, { lead_reject_id: 77 })], LEADS_B1).lead_reject_reason).toBe('');
    expect(only([api(6, true)], LEADS_B1, null).lead_reject_reason).toBe('');
  });

  it('client reason: dictionary text for the API id, else the grid cell; "(не задано)" is no reason', () => {
    const withDict = only([both(api(1, true, { is_study: 1, customer_reject_id: 43 }), ui(1, { kind: 'customer', reasonText: 'Інший текст' }))], CUSTOMERS_B1);
    expect(withDict).toMatchObject({ customer_reject_id: '43', customer_reject_reason: 'Перешли в другой клуб' });
    const gridOnly = only([ui(2, { kind: 'customer', reasonText: 'Рабочие обстоятельства' })], CUSTOMERS_B1);
    expect(gridOnly).toMatchObject({ customer_reject_id: '', customer_reject_reason: 'Рабочие обстоятельства', is_study: '1' });
    const unset = only([ui(3, { kind: 'customer', reasonText: '(не задано)' })], CUSTOMERS_B1);
    expect(unset.customer_reject_reason).toBe('');
  });

  it('a disabled reason (is_enabled 0) keeps its name (real lead-reject dictionary)', () => {
    const { dict, disabled } = loadLeadRejectDict();
    expect(Object.keys(dict)).toHaveLength(44);
    expect(disabled).toContain(2);
    const dicts: Dictionaries = { ...DICTS, leadReject: dict };
    const row = only([api(1, true, { lead_reject_id: 2 })], LEADS_B1, dicts);
    expect(row).toMatchObject({ lead_reject_id: '2', lead_reject_reason: 'Не влаштовують умови навчання' });
    // Texts are kept exactly (double spaces, apostrophes).
    expect(only([api(2, true, { lead_reject_id: 39 })], LEADS_B1, dicts).lead_reject_reason).toBe("Після пробного не виходить на зв'язок ( В )");
    expect(only([api(3, true, { lead_reject_id: 20 })], LEADS_B1, dicts).lead_reject_reason).toBe('Не цільовий ( Стара  людина  )');
  });

  it('lead status and source from the dictionaries, the card source as fallback', () => {
    const row = only([both(api(1, true, { lead_status_id: 51, lead_source_id: 25 }), ui(1, { card: { leadSource: 'Сайт' } }))], LEADS_B1);
    expect(row).toMatchObject({ lead_status_id: '51', lead_status: 'Відмова після пробного', lead_source_id: '25', lead_source: 'Instagram' });
    const fallback = only([ui(2, { card: { leadSource: 'Сайт' } })], LEADS_B1);
    expect(fallback).toMatchObject({ lead_source_id: '', lead_source: 'Сайт' });
    const unknown = only([api(3, true, { lead_status_id: 999, lead_source_id: 998 })], LEADS_B1);
    expect(unknown).toMatchObject({ lead_status_id: '999', lead_status: '', lead_source_id: '998', lead_source: '' });
  });
});

describe('mergeRecords: personal data and dates', () => {
  it('the API value wins verbatim (spaces, \\r\\n, entities), the UI value only when the API has none', () => {
    const apiName = '  Олена  "Лєна" Коваль\r\n(мама) ';
    const row = only([both(api(1, true, { name: apiName, note: 'a\r\nb\nc &amp; <b>' }), ui(1, { card: { name: 'Олена "Лєна" Коваль (мама)' } }))], LEADS_B1);
    expect(row.name).toBe(apiName);
    expect(row.note).toBe('a\r\nb\nc &amp; <b>');
    // Empty API name → the card's.
    expect(only([both(api(2, true, { name: '' }), ui(2, { card: { name: 'З картки' } }))], LEADS_B1).name).toBe('З картки');
    expect(only([both(api(3, true, { name: null }), ui(3, { card: { name: 'З картки' } }))], LEADS_B1).name).toBe('З картки');
    // Real 2021 record: both \r\n and \n note line ends survive.
    const rec = load2021().find((r) => r.id === 5303)!;
    const real = only([{ id: 5303, api: { record: rec, archived: false, fetchedAt: 'x' } }], ALL_B1);
    expect(real.note).toBe('Без имени 1.csv\r\nКнига1.csv\r\nКнига1.csv\r\nПервый контакт: 29.01.2020');
    expect(real.email).toBe('alla.1@example.com, alla.alla@example.com, a.alla@example.com');
    expect(real.legal_name).toBe('Алла  Алла');
    expect(real.branch_id).toBe('1');
  });

  it('archived_at: the card date as printed, else e_date of an archived API row unless 2030-12-31', () => {
    expect(only([both(api(1, true, { e_date: '2025-10-01' }), ui(1, { card: { archivedAt: '29.10.2025 14:02' } }))], LEADS_B1).archived_at).toBe(
      '29.10.2025 14:02',
    );
    expect(only([api(2, true, { e_date: '2025-10-01' })], LEADS_B1).archived_at).toBe('2025-10-01');
    expect(only([api(3, true, { e_date: '2030-12-31' })], LEADS_B1).archived_at).toBe('');
    expect(only([api(4, false, { e_date: '2025-10-01' })], ALL_B1).archived_at).toBe('');
    expect(only([api(5, true, { e_date: null })], LEADS_B1).archived_at).toBe('');
  });

  it("created_at: the API's, else the date a grid prints", () => {
    const gridRow = ui(1, { kind: 'customer', card: { createdAt: '17.09.2020' } });
    expect(only([gridRow], CUSTOMERS_B1).created_at).toBe('17.09.2020');
    expect(only([both(api(1, true, { is_study: 1, created_at: '2020-09-17 14:28:27' }), gridRow)], CUSTOMERS_B1).created_at).toBe('2020-09-17 14:28:27');
    // A 2021-style record without created_at: the grid's date.
    expect(only([both(api(1, true, { is_study: 1 }), gridRow)], CUSTOMERS_B1).created_at).toBe('17.09.2020');
  });
});

describe('mergeRecords: scope', () => {
  const records: StoredRecord[] = [
    api(1, true), // archived lead, branch 1
    api(2, true, { branch_ids: [3] }), // archived lead, branch 3
    api(3, true, { branch_ids: [1, 3] }), // both branches
    ui(4, { branch: 3 }), // UI-only, branch 3
    ui(5, { branch: 1 }), // UI-only, branch 1
    api(6, true, { is_study: 1 }), // archived client
    api(7, false), // active lead
    api(8, false, { is_study: 1 }), // active client
    ui(9, { kind: 'customer' }), // UI-only archived client
    both(api(10, false, { branch_ids: [3] }), ui(10, { branch: 1 })), // UI: archived, branch 1
    api(11, true, { branch_ids: ['1'] }), // ids as strings
  ];

  it('a record of branch 3 never appears in branch 1 output', () => {
    for (const only of ['archived-leads', 'archived-customers', 'all'] as const) {
      const got = ids(records, { branch: 1, only });
      expect(got).not.toContain('2');
      expect(got).not.toContain('4');
    }
    expect(ids(records, { branch: 3, only: 'all' })).toEqual(['2', '3', '4', '10']);
  });

  it('archived-leads, archived-customers and all', () => {
    expect(ids(records, LEADS_B1)).toEqual(['1', '3', '5', '10', '11']);
    expect(ids(records, CUSTOMERS_B1)).toEqual(['6', '9']);
    expect(ids(records, ALL_B1)).toEqual(['1', '3', '5', '6', '7', '8', '9', '10', '11']);
  });

  it('branch_id is the scope branch', () => {
    const { rows } = mergeRecords(records, DICTS, { branch: 3, only: 'all' });
    expect(rows.map((r) => r.branch_id)).toEqual(['3', '3', '3', '3']);
  });

  it('kind comes from the API is_study first, the UI kind otherwise', () => {
    const apiSaysLead = both(api(1, true, { is_study: 0 }), ui(1, { kind: 'customer' }));
    expect(ids([apiSaysLead], LEADS_B1)).toEqual(['1']);
    expect(ids([apiSaysLead], CUSTOMERS_B1)).toEqual([]);
  });
});
