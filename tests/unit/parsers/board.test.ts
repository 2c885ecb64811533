import { describe, expect, it } from 'vitest';
import { archiveTabUrl, parseBoardPage, parseCard, parseColumnContent, parsePagerContent } from '../../../utils/sources/alfacrm/board';
import { readBoardJson } from '../../../utils/sources/alfacrm/response';
import { CrmError } from '../../../utils/errors';
import { JSDOM } from 'jsdom';
import { BOARD_URL, codeOf, handmade, parse, real } from './helpers';

const boardHtml = real('lead-board-page.html');
const boardDoc = parse(boardHtml);

/** What the column XHR's `content` holds: the column div's whole inner HTML. */
function columnContent(id: number): string {
  const el = boardDoc.querySelector(`div.lead-items-${id}`);
  if (!el) throw new Error(`no column ${id} in the fixture`);
  return el.innerHTML;
}

describe('parseBoardPage on the real leads board (RU)', () => {
  const page = parseBoardPage(boardDoc, BOARD_URL);

  it('finds the three kept columns in page order with absolute, entity-decoded urls', () => {
    expect(page.columns.map((c) => c.columnId)).toEqual([0, 7, 6]);
    expect(page.columns[0].url).toBe('https://demo.s20.online/company/1/lead/board?id=0&color=%236a6a6a&query=%7B%22branch%22%3A%221%22%7D&resource_id=292');
    expect(page.columns[1].url).toBe('https://demo.s20.online/company/1/lead/board?id=7&color=%23006600&query=%7B%22branch%22%3A%221%22%7D&resource_id=292');
    expect(page.columns[2].url).toBe('https://demo.s20.online/company/1/lead/board?id=6&color=%2300aa00&query=%7B%22branch%22%3A%221%22%7D&resource_id=292');
  });

  it('reads branch, csrf and that this is not the archive tab', () => {
    expect(page.branch).toBe(1);
    expect(page.isArchiveTab).toBe(false);
    expect(page.csrf).toEqual({
      param: '_csrf',
      token: 'AMIDkIrsKNjLLJ4sZOWpsYhB85QWaVlQnGFjCgeabhbyKKG1svvzGtKtMpjCDGmmhoD23dxJnuqBUUX8_ONwDa==',
    });
  });

  it('reads the tabs, the archive tab included', () => {
    expect(page.tabs).toEqual([
      { label: 'Текущие', href: 'https://demo.s20.online/company/1/lead/index', active: true },
      {
        label: 'Я — ответственный',
        href: 'https://demo.s20.online/company/1/lead/index?LeadSearch%5Bf_assigned_id%5D=148',
        active: false,
      },
      {
        label: 'Архив (отказы)',
        href: 'https://demo.s20.online/company/1/lead/index?LeadSearch%5Bf_removed%5D=2',
        active: false,
      },
    ]);
    expect(archiveTabUrl(page)).toBe('https://demo.s20.online/company/1/lead/index?LeadSearch%5Bf_removed%5D=2');
  });

  it('treats the same page under the archive URL as the archive tab (encoded or not)', () => {
    expect(parseBoardPage(boardDoc, `${BOARD_URL}?LeadSearch%5Bf_removed%5D=2`).isArchiveTab).toBe(true);
    expect(parseBoardPage(boardDoc, `${BOARD_URL}?LeadSearch[f_removed]=2`).isArchiveTab).toBe(true);
    expect(parseBoardPage(boardDoc, `${BOARD_URL}?LeadSearch%5Bf_assigned_id%5D=148`).isArchiveTab).toBe(false);
  });

  it('builds the archive URL when no tab links to it', () => {
    expect(archiveTabUrl({ tabs: [], branch: 3, pageUrl: 'https://x.alfacrm.pro/company/3/lead/index' })).toBe(
      'https://x.alfacrm.pro/company/3/lead/index?LeadSearch%5Bf_removed%5D=2',
    );
  });

  it('says layout-not-recognised, with a diagnostics shape, when a leads page has no columns', () => {
    const doc = parse(boardHtml.replace(/board-column/g, 'board-kolumn').replace(/lead-items/g, 'lead-itemz'));
    let err: unknown;
    try {
      parseBoardPage(doc, BOARD_URL);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CrmError);
    expect((err as CrmError).code).toBe('layout-not-recognised');
    const diag = JSON.stringify((err as CrmError).diagnostics);
    expect(diag).toContain('ul.nav.nav-tabs');
    expect(diag).not.toContain('Шевчук');
  });
});

describe('parseColumnContent on the real columns', () => {
  it('column 0: count 34, name, 3 cards and the pager', () => {
    const col = parseColumnContent(columnContent(0), parse);
    expect(col.columnId).toBe(0);
    expect(col.name).toBe('Не разобрано');
    expect(col.count).toBe(34);
    expect(col.cards.map((c) => c.id)).toEqual([500, 492, 491]);
    expect(col.cards[0]).toEqual({
      id: 500,
      name: 'Шевчук Тарас',
      date: '08.12',
      subjects: 'Физика, Математика',
      manager: 'Олена Коваль',
    });
    expect(col.cards[1]).toEqual({ id: 492, name: 'Оксана', date: '01.12', leadSource: 'wazzup_whatsapp' });
    expect(col.cards[2]).toEqual({ id: 491, name: 'olenka', date: '30.11', leadSource: 'wazzup_whatsapp' });
    expect(col.pagerUrl).toBe('/company/1/lead/board?id=0&color=%236a6a6a&query=%7B%22branch%22%3A%221%22%7D&page=1&resource_id=292');
    const pager = new URL(col.pagerUrl!, BOARD_URL);
    expect(pager.searchParams.get('page')).toBe('1');
    expect(pager.searchParams.get('resource_id')).toBe('292');
    expect(JSON.parse(pager.searchParams.get('query')!)).toEqual({ branch: '1' });
  });

  it('column 0 through a JSON envelope, as the XHR delivers it', () => {
    const body = JSON.stringify({ content: columnContent(0) });
    const col = parseColumnContent(readBoardJson(body, 'application/json; charset=UTF-8'), parse);
    expect(col.cards.map((c) => c.id)).toEqual([500, 492, 491]);
  });

  it('column 7: 5 cards, managers and subjects, no pager', () => {
    const col = parseColumnContent(columnContent(7), parse);
    expect(col.columnId).toBe(7);
    expect(col.name).toBe('Связь установлена. Думают.');
    expect(col.count).toBe(5);
    expect(col.pagerUrl).toBeNull();
    expect(col.cards.map((c) => [c.id, c.name, c.date, c.manager])).toEqual([
      [497, 'Бондар Ірина', '03.12', 'Ірина (админ)'],
      [454, 'Наталія', '20.11', 'Олена Коваль'],
      [421, 'Мельник Андрій', '18.11', 'Ірина (админ)'],
      [420, 'Софія', '18.11', 'Олена Коваль'],
      [385, 'Галина Колледж', '17.10', 'Ірина (админ)'],
    ]);
    expect(col.cards[4].subjects).toBe('История Казахстана, Мат. грамотность, Химия, Биология');
    // The chat bubble's title is the last chat message, not a label: it must not leak into extra.
    expect(col.cards[3].extra).toBeUndefined();
  });

  it('column 6: empty, count 0', () => {
    const col = parseColumnContent(columnContent(6), parse);
    expect(col).toEqual({ columnId: 6, name: 'Келесі айда келеді', count: 0, cards: [], pagerUrl: null });
  });

  it('layout-not-recognised when neither board-count nor lead-list is there', () => {
    expect(codeOf(() => parseColumnContent('<div class="board"><p>Щось інше</p></div>', parse))).toBe('layout-not-recognised');
  });
});

describe('hand-made Ukrainian archive column (assumed layout)', () => {
  const col = parseColumnContent(handmade('archive-column-uk.html'), parse);

  it('reads the column header', () => {
    expect(col.columnId).toBe(12);
    expect(col.name).toBe('Дорого');
    expect(col.count).toBe(41);
  });

  it('decodes a hostile name exactly and keeps the reject reason, archive date and extras', () => {
    expect(col.cards[0]).toEqual({
      id: 7001,
      name: '="1+1" <b>&amp;',
      date: '14.02',
      subjects: 'Англійська мова, Математика',
      leadSource: 'instagram',
      rejectReason: 'Дорого',
      manager: 'Олена Коваль',
      archivedAt: '03.03.2024',
      extra: { Філія: 'Центр' },
    });
  });

  it('keeps a line break inside a name, trims only its ends', () => {
    expect(col.cards[1]).toEqual({
      id: 7002,
      name: 'Петренко\nОлена (мама)',
      date: '09.01',
      rejectReason: 'Дорого',
      archivedAt: '28.02.2024',
    });
    expect(col.cards[2]).toEqual({ id: 7003, name: 'Ковальчук Іван 😀', date: '31.12' });
  });

  it('skips cards without a positive integer data-id', () => {
    expect(col.cards.map((c) => c.id)).toEqual([7001, 7002, 7003]);
  });

  it('returns the pager url with the archive query', () => {
    const url = new URL(col.pagerUrl!, BOARD_URL);
    expect(url.pathname).toBe('/company/1/lead/board');
    expect(url.searchParams.get('page')).toBe('1');
    expect(JSON.parse(url.searchParams.get('query')!)).toEqual({ branch: '1', LeadSearch: { f_removed: '2' } });
  });

  it('parses the pager chunk (a run of <li>s) and sees the end', () => {
    const chunk = parsePagerContent(handmade('archive-pager-uk.html'), parse);
    expect(chunk.pagerUrl).toBeNull();
    expect(chunk.cards).toEqual([
      { id: 6950, name: '-Сидоренко, Марко', date: '02.11', rejectReason: 'Дорого', archivedAt: '15.11.2023' },
      { id: 6949, name: '@Мельник', date: '01.11' },
    ]);
  });

  it('the archive board page: archive tab from the active tab and the column query', () => {
    const page = parseBoardPage(parse(handmade('archive-board-page-uk.html')), 'http://127.0.0.1:4010/company/1/lead/index');
    expect(page.isArchiveTab).toBe(true);
    expect(page.columns.map((c) => c.columnId)).toEqual([12, 31]);
    expect(page.columns[0].url.startsWith('http://127.0.0.1:4010/company/1/lead/board?id=12&')).toBe(true);
    expect(page.tabs.map((t) => [t.label, t.active])).toEqual([
      ['Поточні', false],
      ['Я — відповідальний', false],
      ['Архів (відмови)', true],
    ]);
    expect(archiveTabUrl(page)).toBe('http://127.0.0.1:4010/company/1/lead/index?LeadSearch%5Bf_removed%5D=2');
  });
});

describe('with a DOMParser, as the content script calls it', () => {
  const { DOMParser } = new JSDOM('').window;
  const domParse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

  it('gives the same results as a full-document parse', () => {
    expect(parseColumnContent(columnContent(0), domParse)).toEqual(parseColumnContent(columnContent(0), parse));
    const pager = handmade('archive-pager-uk.html');
    expect(parsePagerContent(pager, domParse)).toEqual(parsePagerContent(pager, parse));
    expect(parseBoardPage(domParse(boardHtml), BOARD_URL)).toEqual(parseBoardPage(boardDoc, BOARD_URL));
  });
});

describe('parsePagerContent', () => {
  it('a pager chunk carrying the next pager', () => {
    const li = boardDoc.querySelector('li.lead-element[data-id="492"]')!.outerHTML;
    const pager = boardDoc.querySelector('li.crm-scroll-pager')!.outerHTML.replace('page=1', 'page=2');
    const chunk = parsePagerContent(`\n    ${li}\n    ${pager}\n`, parse);
    expect(chunk.cards.map((c) => c.id)).toEqual([492]);
    expect(chunk.pagerUrl).toContain('&page=2&resource_id=292');
  });

  it('empty content ends the column', () => {
    expect(parsePagerContent('  \n', parse)).toEqual({ cards: [], pagerUrl: null });
  });

  it('layout-not-recognised for content that holds no list items', () => {
    expect(codeOf(() => parsePagerContent('<div class="alert">Помилка</div>', parse))).toBe('layout-not-recognised');
  });
});

describe('parseCard (Russian labels, archived card)', () => {
  it('maps ru titles «Причина отказа» / «Дата архивации» / «Источник» / «Ответственный менеджер»', () => {
    const doc = parse(`<ul><li class="lead-element" data-id="42">
      <p><a href="/company/2/lead/view?id=42">  Иванов  Иван </a><span class="board-action-replace">05.06</span></p>
      <label>
        <div title="Источник:">сайт</div>
        <div title="Причина отказа"><i class="fa fa-ban"></i> Не отвечает</div>
        <p title="Ответственный менеджер"><i></i> Мария</p>
        <p title="Дата архивации">01.07.2024</p>
      </label></li></ul>`);
    expect(parseCard(doc.querySelector('li')!)).toEqual({
      id: 42,
      name: 'Иванов  Иван',
      date: '05.06',
      leadSource: 'сайт',
      rejectReason: 'Не отвечает',
      manager: 'Мария',
      archivedAt: '01.07.2024',
    });
  });

  it('null for a card without data-id, or with a non-integer one', () => {
    const doc = parse('<ul><li class="lead-element"></li><li class="lead-element" data-id="12a"></li><li data-id="-3"></li></ul>');
    expect(Array.from(doc.querySelectorAll('li')).map(parseCard)).toEqual([null, null, null]);
  });
});

describe('the 2FA login page instead of data', () => {
  const login = real('login-2fa-page.html');
  it('every board parser says session-expired', () => {
    expect(codeOf(() => parseBoardPage(parse(login), BOARD_URL))).toBe('session-expired');
    expect(codeOf(() => parseColumnContent(login, parse))).toBe('session-expired');
    expect(codeOf(() => parsePagerContent(login, parse))).toBe('session-expired');
    expect(codeOf(() => readBoardJson(login))).toBe('session-expired');
    expect(codeOf(() => readBoardJson(login, 'application/json'))).toBe('session-expired');
    expect(codeOf(() => readBoardJson(JSON.stringify({ content: login })))).toBe('session-expired');
  });
});
