import * as PapaNs from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HEADER_LABELS, headerLabel, headerRow, type HeaderLanguage } from '../../utils/sources/alfacrm/headers';
import { defaultDelimiter, sanitizeHost, toCsv as writeCsv, type CsvOptions as WriterOptions } from '../../utils/files/csv';
import { fileName } from '../../utils/sources/alfacrm/file';
import { FIXED_COLUMNS, type MergedRow } from '../../utils/sources/alfacrm/merge';

type CsvOptions = WriterOptions & { headerLanguage: HeaderLanguage };

/** The writer fed as an export feeds it: header cells in the chosen language, cells in column order. */
function toCsv(columns: string[], rows: Record<string, string>[], opts: CsvOptions): string {
  return writeCsv(
    headerRow(columns, opts.headerLanguage),
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    opts,
  );
}

const Papa: typeof PapaNs = (PapaNs as unknown as { default?: typeof PapaNs }).default ?? PapaNs;

const SEMI: CsvOptions = { delimiter: ';', escapeFormulae: true, headerLanguage: 'keys' };
const COMMA: CsvOptions = { delimiter: ',', escapeFormulae: true, headerLanguage: 'keys' };

/** Parses the writer's output back into cells (BOM stripped, CRLF rows). */
function parse(csv: string, delimiter: ';' | ','): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const res = Papa.parse<string[]>(csv.slice(1), { delimiter, newline: '\r\n', quoteChar: '"' });
  expect(res.errors).toEqual([]);
  return res.data;
}

function oneColumn(values: string[], opts: CsvOptions): string[] {
  const rows = values.map((v) => ({ v }));
  const data = parse(toCsv(['v'], rows, opts), opts.delimiter);
  expect(data[0]).toEqual(['v']);
  return data.slice(1).map((r) => r[0]);
}

const FORMULAE = [
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '=1+1\nline2',
  '=1+1\r\nline2',
  '=HYPERLINK("http://x","y")',
  '+380(67)123-45-67',
  '+380(67)123-45-67, +380(50)123-45-67',
  '-',
  '=',
];

const HARMLESS = ['1=1', 'a+b', ' =1', 'x@example.com', '380(67)123-45-67', 'Олена -', '', 'line1\n=2', '(мама) +380'];

describe('toCsv: file format', () => {
  it('starts with a UTF-8 BOM, never a sep= line, and ends rows with CRLF', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        { a: '1', b: '2' },
        { a: '3', b: '4' },
      ],
      SEMI,
    );
    expect(csv).toBe('\uFEFFa;b\r\n1;2\r\n3;4');
    expect(csv).not.toMatch(/sep=/i);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the header alone when there are no rows', () => {
    expect(toCsv(['id', 'name'], [], COMMA)).toBe('\uFEFFid,name');
  });

  it("uses the ';' or ',' delimiter and quotes cells holding it", () => {
    const rows = [{ a: '1,5', b: 'x;y' }];
    expect(toCsv(['a', 'b'], rows, SEMI)).toBe('\uFEFFa;b\r\n1,5;"x;y"');
    expect(toCsv(['a', 'b'], rows, COMMA)).toBe('\uFEFFa,b\r\n"1,5",x;y');
  });

  it('keeps the header order exactly as given, fixed columns then API keys', () => {
    const columns = [...FIXED_COLUMNS, 'teacher_ids', 'note', 'custom_yazik', 'custom_age_'];
    const row: MergedRow = Object.fromEntries(columns.map((c) => [c, `v_${c}`]));
    const data = parse(toCsv(columns, [row], COMMA), ',');
    expect(data[0]).toEqual(columns);
    expect(data[1]).toEqual(columns.map((c) => `v_${c}`));
  });

  it('a missing cell is empty, keys in the row that are not columns are ignored', () => {
    const data = parse(toCsv(['a', 'b'], [{ a: 'x', z: 'ignored' }], COMMA), ',');
    expect(data).toEqual([
      ['a', 'b'],
      ['x', ''],
    ]);
  });

  it('human headers in Ukrainian and Russian for the fixed columns; other keys stay keys', () => {
    const columns = [...FIXED_COLUMNS, 'custom_yazik'];
    const uk = parse(toCsv(columns, [], { ...SEMI, headerLanguage: 'uk' }), ';')[0];
    const ru = parse(toCsv(columns, [], { ...SEMI, headerLanguage: 'ru' }), ';')[0];
    expect(uk.slice(0, 4)).toEqual(['ID', 'ПІБ', 'Телефон', 'E-mail']);
    expect(ru.slice(0, 4)).toEqual(['ID', 'ФИО', 'Телефон', 'E-mail']);
    expect(uk[10]).toBe('Причина відмови ліда');
    expect(ru[10]).toBe('Причина отказа лида');
    expect(uk[20]).toBe('custom_yazik');
    expect(ru[20]).toBe('custom_yazik');
    for (const lang of ['uk', 'ru'] as const) {
      const labels = FIXED_COLUMNS.map((c) => HEADER_LABELS[lang][c]);
      expect(new Set(labels).size).toBe(20);
      for (const l of labels) expect(l).toMatch(/^[^=+\-@\t\r]/);
    }
    expect(headerLabel('archived', 'keys')).toBe('archived');
    expect(headerLabel('toString', 'uk')).toBe('toString');
  });

  it('header cells are neutralised too: an extra column is named by the API, which a CRM user can set', () => {
    const csv = toCsv(['-odd key', '=HYPERLINK("http://x")', 'b'], [{ '-odd key': '-1', '=HYPERLINK("http://x")': 'y', b: 'x' }], COMMA);
    expect(parse(csv, ',')).toEqual([
      ["'-odd key", '\'=HYPERLINK("http://x")', 'b'],
      ["'-1", 'y', 'x'],
    ]);
    // Off for files meant for scripts: the header as the API names it.
    expect(parse(toCsv(['=k'], [], { ...COMMA, escapeFormulae: false }), ',')).toEqual([['=k']]);
  });
});

describe('toCsv: formula neutralisation', () => {
  it("prefixes cells starting with = + - @ tab or CR with ' (multi-line cells and phones included)", () => {
    expect(oneColumn(FORMULAE, SEMI)).toEqual(FORMULAE.map((v) => `'${v}`));
    expect(oneColumn(FORMULAE, COMMA)).toEqual(FORMULAE.map((v) => `'${v}`));
  });

  it('leaves cells where the trigger is not the first character untouched', () => {
    expect(oneColumn(HARMLESS, SEMI)).toEqual(HARMLESS);
  });

  it('writes the escaped multi-line cell as one quoted cell', () => {
    const csv = toCsv(['v'], [{ v: '=1+1\nline2' }], SEMI);
    expect(csv).toBe('\uFEFFv\r\n"\'=1+1\nline2"');
  });

  it('with escaping off, every value is written verbatim', () => {
    const opts = { ...SEMI, escapeFormulae: false };
    expect(oneColumn(FORMULAE, opts)).toEqual(FORMULAE);
    expect(oneColumn(HARMLESS, opts)).toEqual(HARMLESS);
    expect(toCsv(['v'], [{ v: '+380(67)123-45-67' }], opts)).toBe('\uFEFFv\r\n+380(67)123-45-67');
  });
});

describe('toCsv: hostile values survive exactly', () => {
  const HOSTILE = [
    'Олена "Лєна" Коваль',
    '""',
    'a;b',
    'a,b',
    'рядок 1\nрядок 2',
    'рядок 1\r\nрядок 2\r\n',
    'Ілля Мʼясник',
    "Д'Артаньян",
    'Настя 🌸👩‍👩‍👧',
    '<b>&amp;</b>',
    '  два пробіли на початку',
    'в кінці  ',
    'подвійний  пробіл',
    ' ',
    '\uFEFFBOM inside',
    'tab\tinside',
    'Без имени 1.csv\r\nКнига1.csv\nПервый контакт: 29.01.2020',
    '',
  ];

  for (const delimiter of [';', ','] as const) {
    it(`round-trips with '${delimiter}' (escaping on and off)`, () => {
      for (const escapeFormulae of [true, false]) {
        const opts: CsvOptions = { delimiter, escapeFormulae, headerLanguage: 'keys' };
        expect(oneColumn(HOSTILE, opts)).toEqual(HOSTILE);
      }
    });
  }

  it('keeps embedded quotes doubled and line breaks as they were inside one quoted cell', () => {
    const csv = toCsv(['name', 'note'], [{ name: 'Олена "Лєна"', note: 'a\nb\r\nc' }], SEMI);
    expect(csv).toBe('\uFEFFname;note\r\n"Олена ""Лєна""";"a\nb\r\nc"');
  });

  it('a full merged-like row round-trips cell by cell, with the escape prefix where expected', () => {
    const columns = [...FIXED_COLUMNS, 'note', 'custom_age_'];
    const row: MergedRow = Object.fromEntries(columns.map((c) => [c, '']));
    Object.assign(row, {
      id: '11839',
      name: '=cmd|" /C calc"!A0',
      phone: '+380(67)214-58-30, +380(50)123-45-67',
      email: '@evil.example.com',
      lead_reject_reason: 'Подумає (мороз)  ( В )',
      note: 'Німецька мова. 📅 \n-нотатка\r\n=2',
      custom_age_: 'Підліток',
      source: 'api+ui',
    });
    for (const delimiter of [';', ','] as const) {
      const data = parse(toCsv(columns, [row, row], { delimiter, escapeFormulae: true, headerLanguage: 'keys' }), delimiter);
      expect(data).toHaveLength(3);
      const expected = columns.map((c) => (/^[=+\-@\t\r]/.test(row[c]) ? `'${row[c]}` : row[c]));
      expect(data[1]).toEqual(expected);
      expect(data[2]).toEqual(expected);
      expect(data[1][1]).toBe('\'=cmd|" /C calc"!A0');
      expect(data[1][2]).toBe("'+380(67)214-58-30, +380(50)123-45-67");
      expect(data[1][columns.indexOf('note')]).toBe('Німецька мова. 📅 \n-нотатка\r\n=2');
    }
  });
});

describe('defaultDelimiter', () => {
  it("';' where decimals are written with a comma, ',' otherwise", () => {
    expect(defaultDelimiter('uk')).toBe(';');
    expect(defaultDelimiter('ru')).toBe(';');
    expect(defaultDelimiter('de')).toBe(';');
    expect(defaultDelimiter('uk-UA')).toBe(';');
    expect(defaultDelimiter('en-US')).toBe(',');
    expect(defaultDelimiter('en')).toBe(',');
  });

  it("falls back to ',' for a locale Intl rejects", () => {
    expect(defaultDelimiter('not a locale!!')).toBe(',');
  });
});

describe('file names', () => {
  const name = (scope: string, url: string, branch: number, d: Date) =>
    `${fileName({ source: 'alfacrm', account: url, partition: String(branch), scope }, d)}.csv`;

  it('archive and leads names with host, branch and the local date', () => {
    const d = new Date(2025, 9, 29, 23, 59, 0); // local time
    expect(name('archived-leads', 'https://demo.s20.online', 1, d)).toBe('alfacrm-archive-demo.s20.online-b1-2025-10-29.csv');
    expect(name('all', 'https://demo.alfacrm.pro', 3, d)).toBe('alfacrm-leads-demo.alfacrm.pro-b3-2025-10-29.csv');
    expect(name('archived-customers', 'https://x.s20.online', 12, new Date(2026, 0, 5, 0, 0, 1))).toBe('alfacrm-archive-x.s20.online-b12-2026-01-05.csv');
  });

  it("sanitises the host: a port's ':' becomes '_', unsafe characters go", () => {
    const d = new Date(2025, 0, 2);
    expect(name('archived-leads', 'http://127.0.0.1:8080', 1, d)).toBe('alfacrm-archive-127.0.0.1_8080-b1-2025-01-02.csv');
    expect(name('archived-leads', 'http://localhost:3000', 1, d)).toBe('alfacrm-archive-localhost_3000-b1-2025-01-02.csv');
    expect(name('all', 'https://crm.my-school.com.ua', 2, d)).toBe('alfacrm-leads-crm.my-school.com.ua-b2-2025-01-02.csv');
    expect(sanitizeHost('https://demo.s20.online/company/1/lead/index')).toBe('demo.s20.online');
    expect(sanitizeHost('a/b\\c*?"<>|.x')).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});
