import { describe, expect, it } from 'vitest';
import { gridFieldOf, parseCustomerGrid } from '../../../utils/sources/alfacrm/grid';
import { GRID_URL, codeOf, handmade, parse, real } from './helpers';

describe('parseCustomerGrid on the real clients grid (RU, active list)', () => {
  const grid = parseCustomerGrid(parse(real('customer-index-grid.html')), GRID_URL);

  it('reads branch, tab, summary and next page', () => {
    expect(grid.branch).toBe(1);
    expect(grid.isArchiveTab).toBe(false);
    expect(grid.summaryTotal).toBe(93);
    expect(grid.nextPageUrl).toBe('https://demo.s20.online/company/1/customer/index?page=2');
  });

  it('lists the labelled headers (checkbox and action columns have none)', () => {
    expect(grid.headers).toEqual([
      'ФИО',
      'Активные группы',
      'Общий остаток (деньги)',
      'Остаток по договорам',
      'Контакты',
      'Карта клиента',
      'Дата истечения оплаты',
      'Выбранные предметы:',
      'Класс:',
      'Доступ в CRM',
      'Курс түрі:',
      'Ст. курса',
      'Канал (ученики)',
      'Канал (родители)',
    ]);
  });

  it('reads the rows by data-key, names from the name column, every cell into extra', () => {
    expect(grid.rows.map((r) => r.id)).toEqual([264, 375, 314]);
    expect(grid.rows.map((r) => r.name)).toEqual(['Бондар Олена', 'Гончаренко Ірина', 'Дорошенко Андрій Петрович']);
    const first = grid.rows[0];
    expect(first.rejectReason).toBeUndefined(); // this list has no «Причина потери» column
    expect(first.extra?.['ФИО']).toBe('Бондар Олена\n16 лет +4мес (29.07.2009)');
    expect(first.extra?.['Контакты']).toBe('+380(67)402-17-36 (Бондар Олена)\n+380(50)781-24-09 (Мама)');
    expect(first.extra?.['Карта клиента']).toBe('DMO-290709-121');
    expect(first.extra?.['Дата истечения оплаты']).toBe('16.12.2025');
    expect(first.extra?.['Общий остаток (деньги)']).toBe('8 334,08 / 4 уроков');
    expect(first.extra?.['Класс:']).toBe('11');
    // «(не задано)» becomes an empty cell.
    expect(grid.rows[2].extra?.['Дата истечения оплаты']).toBe('');
  });

  it('the archive tab href is among the tabs', () => {
    expect(grid.tabs.find((t) => t.label === 'Архивные')?.href).toBe('https://demo.s20.online/company/1/customer/index?CustomerSearch%5Bf_removed%5D=2');
  });
});

describe('hand-made archive grids: Russian and Ukrainian headers both map', () => {
  it('RU: «ФИО», «Причина потери», «Добавлен»', () => {
    const url = 'https://demo.s20.online/company/1/customer/index?CustomerSearch%5Bf_removed%5D=2';
    const grid = parseCustomerGrid(parse(handmade('customer-archive-grid-ru.html')), url);
    expect(grid.isArchiveTab).toBe(true);
    expect(grid.summaryTotal).toBe(1934);
    expect(grid.nextPageUrl).toBe('https://demo.s20.online/company/1/customer/index?CustomerSearch%5Bf_removed%5D=2&page=2');
    expect(grid.headers).toEqual(['ФИО', 'Контакты', 'Статус обучения', 'Добавлен', 'Причина потери']);
    expect(grid.rows.map((r) => [r.id, r.name, r.rejectReason, r.createdAt])).toEqual([
      [3855, 'Olena Koval', undefined, '10.01.2023'],
      [5007, 'Бойко Назар', 'перерыв/приостановил', '26.04.2023'],
      [2762, 'Вакуленко Анна', 'Закончил', '30.06.2022'],
    ]);
    expect(grid.rows[0].extra?.['Причина потери']).toBe('');
    expect(grid.rows[2].extra?.['Статус обучения']).toBe('Завершил');
    expect(grid.rows[2].extra?.['Контакты']).toBe('+380(63)203-47-91 (мама)');
  });

  it('UK: «ПІБ», «Причина втрати», «Додано», another column order, no data-col-seq, last page', () => {
    // The page URL lacks the archive filter: the active tab says it.
    const grid = parseCustomerGrid(parse(handmade('customer-archive-grid-uk.html')), 'http://127.0.0.1:4010/company/3/customer/index?page=5');
    expect(grid.branch).toBe(3);
    expect(grid.isArchiveTab).toBe(true);
    expect(grid.summaryTotal).toBe(93);
    expect(grid.nextPageUrl).toBeNull();
    expect(grid.headers).toEqual(['Причина втрати', 'ПІБ', 'Додано', 'Телефон']);
    expect(grid.rows).toEqual([
      {
        id: 9101,
        name: '="1+1" <b>&amp;',
        rejectReason: 'Переїхали',
        createdAt: '11.09.2024',
        extra: {
          'Причина втрати': 'Переїхали',
          ПІБ: '="1+1" <b>&amp;\n12 років +1міс (01.02.2013)',
          Додано: '11.09.2024',
          Телефон: '+380(67)111-22-33 (мама)\n+380(50)444-55-66',
        },
      },
      {
        id: 9102,
        name: 'Шевченко\nТарас',
        createdAt: '01.03.2023',
        extra: { 'Причина втрати': '', ПІБ: 'Шевченко Тарас', Додано: '01.03.2023', Телефон: '' },
      },
    ]);
  });

  it('header labels map in uk, ru and en', () => {
    expect(gridFieldOf('ПІБ')).toBe('name');
    expect(gridFieldOf(' ФИО ')).toBe('name');
    expect(gridFieldOf('Причина втрати')).toBe('rejectReason');
    expect(gridFieldOf('Причина потери')).toBe('rejectReason');
    expect(gridFieldOf('Додано')).toBe('createdAt');
    expect(gridFieldOf('Добавлен')).toBe('createdAt');
    expect(gridFieldOf('Телефон')).toBeUndefined();
  });
});

describe('summary total', () => {
  const ru = handmade('customer-archive-grid-ru.html');
  const total = (summary: string): number | null =>
    parseCustomerGrid(parse(ru.replace('Отображены строки <b>1 — 20</b>. Всего в базе <b>1934</b>.', summary)), GRID_URL).summaryTotal;

  it.each([
    ['Показано рядки <b>1 — 20</b>. Всього в базі <b>93</b>.', 93],
    ['Отображены строки <b>1 — 20</b>. Всего в базе <b>1&nbsp;934</b>.', 1934],
    ['Показано рядки <b>1 — 20</b>. Всього в базі <b>7 788</b>.', 7788],
    ['Showing <b>1-20</b> of <b>1,934</b> items.', 1934],
    ['Показано записи <b>1-20</b> із <b>93</b> записів.', 93],
    ['', null],
  ])('%s → %s', (summary, expected) => {
    expect(total(summary)).toBe(expected);
  });
});

describe('parseCustomerGrid errors', () => {
  it('session-expired for the 2FA login page', () => {
    expect(codeOf(() => parseCustomerGrid(parse(real('login-2fa-page.html')), GRID_URL))).toBe('session-expired');
  });

  it('layout-not-recognised when the grid table is missing', () => {
    const html = real('customer-index-grid.html').replace(/<table[\s\S]*<\/table>/, '<p>Немає таблиці</p>');
    expect(codeOf(() => parseCustomerGrid(parse(html), GRID_URL))).toBe('layout-not-recognised');
  });

  it('an empty grid is not an error', () => {
    const html = real('customer-index-grid.html').replace(
      /<tbody>[\s\S]*<\/tbody>/,
      '<tbody><tr><td colspan="17"><div class="empty">Нічого не знайдено.</div></td></tr></tbody>',
    );
    const grid = parseCustomerGrid(parse(html), GRID_URL);
    expect(grid.rows).toEqual([]);
  });
});
