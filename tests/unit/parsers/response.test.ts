import { describe, expect, it } from 'vitest';
import { classifyResponse, describeShape, isLoginPage, readBoardJson } from '../../../utils/sources/alfacrm/response';
import { CrmError } from '../../../utils/errors';
import { codeOf, parse, real } from './helpers';

const login = real('login-2fa-page.html');
const board = real('lead-board-page.html');
const grid = real('customer-index-grid.html');

function thrown(fn: () => unknown): CrmError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CrmError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('isLoginPage', () => {
  it('recognises the real 2FA login page, as text and as a Document', () => {
    expect(isLoginPage(login)).toBe(true);
    expect(isLoginPage(parse(login))).toBe(true);
  });

  it('does not take data pages for the login page', () => {
    expect(isLoginPage(board)).toBe(false);
    expect(isLoginPage(grid)).toBe(false);
    expect(isLoginPage(parse(board))).toBe(false);
    expect(isLoginPage(parse(grid))).toBe(false);
  });

  it('recognises a first-step login form too', () => {
    const step1 =
      '<form id="login-form" action="/login?backUrl=%2F" method="post"><input type="hidden" name="_csrf" value="x">' +
      '<input type="text" name="LoginForm[username]"><input type="password" name="LoginForm[password]"></form>';
    expect(isLoginPage(step1)).toBe(true);
  });

  it('a lead named like the markers does not trigger it (text is escaped in HTML and in JSON)', () => {
    const card = '<li class="lead-element" data-id="1"><a href="/company/1/lead/view?id=1">name=&quot;LoginForm[x] id=&quot;login-form&quot;</a></li>';
    expect(isLoginPage(card)).toBe(false);
    expect(isLoginPage(JSON.stringify({ content: card }))).toBe(false);
  });
});

describe('classifyResponse', () => {
  it('sorts bodies into kinds', () => {
    expect(classifyResponse('{"content":"<ul></ul>"}')).toEqual({ kind: 'json', value: { content: '<ul></ul>' } });
    expect(classifyResponse('\uFEFF {"a":1} ', 'application/json')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(classifyResponse('{"content":"<ul><li da')).toEqual({ kind: 'malformed-json' });
    expect(classifyResponse('Internal Server Error', 'application/json')).toEqual({ kind: 'malformed-json' });
    expect(classifyResponse('Internal Server Error')).toEqual({ kind: 'text' });
    expect(classifyResponse(board, 'text/html; charset=UTF-8')).toEqual({ kind: 'html' });
    expect(classifyResponse(login, 'text/html; charset=UTF-8')).toEqual({ kind: 'login' });
    expect(classifyResponse('  ')).toEqual({ kind: 'empty' });
  });

  it('Yii\'s "Login Required" answer to an XHR is a login, in JSON and as an error page', () => {
    expect(classifyResponse('{"name":"Forbidden","message":"Login Required","code":0,"status":403}').kind).toBe('login');
    expect(classifyResponse('{"name":"Forbidden","message":"Необхідно увійти.","code":0,"status":403}').kind).toBe('login');
    expect(classifyResponse('<html><body><h1>Forbidden (#403)</h1><p>Требуется вход.</p></body></html>').kind).toBe('login');
    expect(classifyResponse('{"name":"Forbidden","message":"You are not allowed","code":0,"status":403}').kind).toBe('json');
  });
});

describe('readBoardJson', () => {
  it('returns content', () => {
    expect(readBoardJson('{"content":"<ul class=\\"lead-list\\" data-id=\\"0\\"></ul>"}')).toBe('<ul class="lead-list" data-id="0"></ul>');
    expect(readBoardJson('{"content":""}')).toBe('');
  });

  it('truncated JSON → malformed-response', () => {
    const full = JSON.stringify({ content: '<li class="lead-element" data-id="500">Шевчук Тарас</li>' });
    const e = thrown(() => readBoardJson(full.slice(0, full.length - 9)));
    expect(e.code).toBe('malformed-response');
    expect(JSON.stringify(e.diagnostics)).not.toContain('Шевчук');
    expect(e.diagnostics).toMatchObject({ type: 'malformed-json', keysSeen: ['content'] });
  });

  it('HTML where JSON was expected → malformed-response', () => {
    expect(codeOf(() => readBoardJson(board))).toBe('malformed-response');
    expect(codeOf(() => readBoardJson(grid, 'text/html'))).toBe('malformed-response');
    expect(codeOf(() => readBoardJson(''))).toBe('malformed-response');
    expect(codeOf(() => readBoardJson('Bad Gateway'))).toBe('malformed-response');
  });

  it('JSON without a string content → layout-not-recognised', () => {
    expect(codeOf(() => readBoardJson('{"html":"<ul></ul>"}'))).toBe('layout-not-recognised');
    expect(codeOf(() => readBoardJson('{"content":{"items":[]}}'))).toBe('layout-not-recognised');
    expect(codeOf(() => readBoardJson('{"content":null}'))).toBe('layout-not-recognised');
    expect(codeOf(() => readBoardJson('[]'))).toBe('layout-not-recognised');
    expect(codeOf(() => readBoardJson('"<ul></ul>"'))).toBe('layout-not-recognised');
    expect(codeOf(() => readBoardJson('{"name":"Not Found","message":"Page not found.","code":0,"status":404}'))).toBe('layout-not-recognised');
  });

  it('the login page → session-expired', () => {
    expect(codeOf(() => readBoardJson(login))).toBe('session-expired');
    expect(codeOf(() => readBoardJson(login, 'application/json'))).toBe('session-expired');
  });
});

describe('describeShape strips personal data', () => {
  const names = ['Шевчук Тарас', 'Оксана', 'olenka', 'Олена Коваль', 'Бондар Олена', '+380(67)402-17-36'];

  it('the real board page as text: a tag/class skeleton, no names, no attribute values', () => {
    const shape = describeShape(board);
    expect(shape.type).toBe('html');
    const text = JSON.stringify(shape);
    for (const n of names) expect(text).not.toContain(n);
    expect(text).not.toContain('AMIDkIrsKNjL'); // csrf token (a meta content value)
    expect(text).not.toContain('/company/1/lead/view'); // hrefs
    expect(text).not.toContain('wazzup');
    expect(text).toContain('div.board-column.col-xs-12.col-sm-6.col-md-4.col-lg-3.lead-items.lead-items-0 [data-url]');
    expect(text).toContain('li.no-padding.draggable.lead-element.ui-sortable-handle [data-id]');
    expect(text).toContain('li.sk-spinner.sk-spinner-wave.crm-scroll-pager.ui-sortable-handle [data-url]');
  });

  it('the real grid as a Document: skeleton without phones or names', () => {
    const shape = describeShape(parse(grid));
    expect(shape.type).toBe('html');
    const text = JSON.stringify(shape);
    for (const n of names) expect(text).not.toContain(n);
    if (shape.type !== 'html') throw new Error('not html');
    expect(shape.length).toBeGreaterThan(20_000);
    expect(shape.skeleton.filter((l) => l.trim() === 'tr.w1 [data-key]')).toHaveLength(3);
    expect(text).toContain('td.w1 [data-col-seq] ×7');
    expect(text).not.toContain('customer-pjax'); // ids are attribute values: dropped
  });

  it('JSON: keys and types, arrays as length + first element, HTML in strings as a skeleton', () => {
    const content = '<li class="lead-element" data-id="500"><a href="/company/1/lead/view?id=500">Шевчук Тарас</a></li>';
    const body = JSON.stringify({
      total: 2,
      items: [
        { id: 1, name: 'Шевчук Тарас', phone: ['+380(67)402-17-36'], is_study: 0, note: null },
        { id: 2, name: 'Оксана', phone: [], is_study: 1, note: 'x' },
      ],
      content,
    });
    const shape = describeShape(body);
    expect(shape).toEqual({
      type: 'object',
      keys: {
        total: { type: 'number' },
        items: {
          type: 'array',
          length: 2,
          first: {
            type: 'object',
            keys: {
              id: { type: 'number' },
              name: { type: 'string', length: 12 },
              phone: { type: 'array', length: 1, first: { type: 'string', length: 17 } },
              is_study: { type: 'number' },
              note: { type: 'null' },
            },
          },
        },
        content: { type: 'html', length: content.length, skeleton: ['li.lead-element [data-id]', '  a'] },
      },
    });
    for (const n of names) expect(JSON.stringify(shape)).not.toContain(n);
  });

  it('a parsed value works the same as its text', () => {
    expect(describeShape({ a: [1, 2] })).toEqual({ type: 'object', keys: { a: { type: 'array', length: 2, first: { type: 'number' } } } });
    expect(describeShape('plain words, maybe a name')).toEqual({ type: 'text', length: 25 });
  });

  it('the column content of the real page: text and DOM skeletons agree', () => {
    const col = parse(board).querySelector('div.lead-items-7')!;
    const fromText = describeShape(col.innerHTML);
    const fromDom = describeShape(col);
    expect(fromText.type).toBe('html');
    expect(fromDom.type).toBe('html');
    const skel = (s: typeof fromText) => (s.type === 'html' ? s.skeleton : []);
    // The DOM version starts with the column div itself; the text version with its children.
    expect(
      skel(fromDom)
        .slice(1)
        .map((l) => l.slice(2)),
    ).toEqual(skel(fromText));
  });
});
