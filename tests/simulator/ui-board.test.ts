/** Contract §2.1: the leads board, its archive tab, column XHRs, cards and pagers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, ZERO_REASON_ID } from './server';
import type { SimRecord, Simulator } from './types';
import { ARCHIVE_TAB, UiClient, columnUrls, dom, loadColumn } from './test-helpers';
import { LEAD_STATUSES } from './dictionaries';

let sim: Simulator;
let ui: UiClient;
let byId: Map<number, SimRecord>;

beforeAll(async () => {
  sim = await startSimulator({ dataset: 'small', knobs: { uiPageSize: 7 } });
  ui = new UiClient(sim.url);
  await ui.login(sim);
  byId = new Map(sim.truth.records().map((r) => [r.id, r]));
});
afterAll(async () => sim.close());

const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();
const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

describe('lead/index page', () => {
  it('has the tabs «Поточні», «Я — відповідальний», «Архів (відмови)» with their links, the first active', async () => {
    const doc = dom((await ui.get('/company/1/lead/index')).text);
    const tabs = Array.from(doc.querySelectorAll('ul.nav.nav-tabs > li'));
    expect(tabs.map((li) => li.textContent!.trim())).toEqual(['Поточні', 'Я — відповідальний', 'Архів (відмови)']);
    expect(tabs.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual([
      '/company/1/lead/index',
      '/company/1/lead/index?LeadSearch%5Bf_assigned_id%5D=148',
      ARCHIVE_TAB,
    ]);
    expect(tabs.map((li) => li.classList.contains('active'))).toEqual([true, false, false]);
    expect(doc.querySelector('meta[name="csrf-token"]')!.getAttribute('content')).toBeTruthy();
  });

  it('declares empty columns (stages of pipeline 1 plus column 0) with data-url and query {"branch":"1"}', async () => {
    const html = (await ui.get('/company/1/lead/index')).text;
    const doc = dom(html);
    const cols = Array.from(doc.querySelectorAll('div.panel-body.board-columns > div.row > div.board-column'));
    const stages = LEAD_STATUSES.filter((s) => s.pipeline_id === 1 && s.is_enabled).map((s) => s.id);
    expect(cols.map((c) => Number(/lead-items-(\d+)/.exec(c.className)![1]))).toEqual([0, ...stages]);
    for (const c of cols) {
      expect(c.className).toMatch(/^board-column col-xs-12 col-sm-6 col-md-4 col-lg-3 lead-items lead-items-\d+$/);
      expect(c.children).toHaveLength(0);
      const url = new URL(c.getAttribute('data-url')!, sim.url);
      expect(url.pathname).toBe('/company/1/lead/board');
      expect(url.searchParams.get('color')).toMatch(/^#[0-9a-f]{6}$/);
      expect(JSON.parse(url.searchParams.get('query')!)).toEqual({ branch: '1' });
      expect(url.searchParams.get('resource_id')).toBe('292');
    }
    expect(html).toContain('query=%7B%22branch%22%3A%221%22%7D&amp;resource_id=292');
  });

  it('loads its columns with its own inline vanilla script and needs no external resources', async () => {
    const doc = dom((await ui.get('/company/1/lead/index')).text);
    expect(doc.querySelectorAll('script[src], link[href]')).toHaveLength(0);
    const script = Array.from(doc.querySelectorAll('script'))
      .map((s) => s.textContent)
      .join('\n');
    expect(script).toContain('fetch(');
    expect(script).toContain('crm-scroll-pager');
    expect(script).toContain('IntersectionObserver');
    expect(script).not.toContain('jQuery');
  });

  it('archive tab: third tab active, query carries LeadSearch.f_removed "2", one column per reason plus column 0', async () => {
    const html = (await ui.get(ARCHIVE_TAB)).text;
    const doc = dom(html);
    const tabs = Array.from(doc.querySelectorAll('ul.nav.nav-tabs > li'));
    expect(tabs.map((li) => li.classList.contains('active'))).toEqual([false, false, true]);
    const cols = columnUrls(html);
    expect(cols[0].id).toBe(0);
    expect(cols.map((c) => c.id)).toContain(ZERO_REASON_ID);
    const used = new Set(
      sim.truth
        .records()
        .filter((r) => r.branch_ids[0] === 1 && r.archived && r.is_study === 0)
        .map((r) => r.lead_reject_id ?? 0),
    );
    for (const id of Array.from(used)) expect(cols.map((c) => c.id)).toContain(id);
    for (const c of cols) {
      expect(JSON.parse(new URL(c.url, sim.url).searchParams.get('query')!)).toEqual({ branch: '1', LeadSearch: { f_removed: '2' } });
    }
  });
});

describe('column XHR', () => {
  it('answers {"content"} with the header (board-count, status_column), the list, the first cards and a pager', async () => {
    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    const first = await Promise.all(cols.map(async (c) => ({ c, json: await ui.json<Record<string, string>>(c.url) })));
    const big = first.find((x) => Number(dom(x.json.content).querySelector('.board-count')!.textContent) > 7)!;
    expect(Object.keys(big.json)).toEqual(['content']);
    const doc = dom(big.json.content);
    const h3 = doc.querySelector('h3')!;
    expect(h3.querySelector('strong input[type="checkbox"].no-margins.crm-board-check-all')).not.toBeNull();
    const count = Number(h3.querySelector('span.pull-right.board-count')!.textContent);
    const title = h3.querySelector('span.status_column.horizontal-scroll[data-toggle="tooltip"][data-placement="top"]')!;
    expect(title.getAttribute('title')).toBe(title.textContent!.trim());
    const ul = doc.querySelector('ul.sortable-list.agile-list.lead-list.horizontal-scroll.crm-table.open.no-padding')!;
    expect(Number(ul.getAttribute('data-id'))).toBe(big.c.id);
    const items = Array.from(ul.children);
    expect(items.filter((li) => li.classList.contains('lead-element'))).toHaveLength(7);
    const pager = items[items.length - 1];
    expect(pager.className).toBe('sk-spinner sk-spinner-wave crm-scroll-pager');
    expect(pager.getAttribute('data-url')).toBe(big.c.url.replace('&resource_id=292', '&page=1&resource_id=292'));
    expect(count).toBeGreaterThan(7);
  });

  it('pagers chain to the end: every archived lead of the branch once, columns summing to the total', async () => {
    const truth = sim.truth.archivedLeadIds(1);
    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    const loaded = await Promise.all(cols.map((c) => loadColumn(ui, c.url)));
    const all = loaded.flatMap((c) => c.ids);
    expect(all.length).toBe(truth.length);
    expect(all.slice().sort((a, b) => a - b)).toEqual(truth);
    expect(loaded.reduce((s, c) => s + c.count, 0)).toBe(truth.length);
    const reasons = new Map(sim.truth.leadRejectReasons().map((r) => [r.id, r.name]));
    for (const c of loaded) {
      expect(c.ids.length, `column ${c.id}`).toBe(c.count);
      expect(c.pagesLoaded).toBe(Math.max(1, Math.ceil(c.count / 7)));
      c.pagerUrls.forEach((u, i) => expect(new URL(u, sim.url).searchParams.get('page')).toBe(String(i + 1)));
      for (const id of c.ids) expect(byId.get(id)!.lead_reject_id ?? 0).toBe(c.id);
      if (c.id) expect(c.name).toBe(reasons.get(c.id));
    }
  });

  it('orders cards by updated_at desc, then id desc, the same on every call', async () => {
    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    const a = await loadColumn(ui, cols[1].url);
    const b = await loadColumn(ui, cols[1].url);
    expect(b.ids).toEqual(a.ids);
    const recs = a.ids.map((id) => byId.get(id)!);
    for (let i = 1; i < recs.length; i++) {
      const p = recs[i - 1],
        q = recs[i];
      expect(p.updated_at > q.updated_at || (p.updated_at === q.updated_at && p.id > q.id)).toBe(true);
    }
  });

  it('renders an empty column (the reason with zero archived leads) as the real page does', async () => {
    const col = columnUrls((await ui.get(ARCHIVE_TAB)).text).find((c) => c.id === ZERO_REASON_ID)!;
    const doc = dom((await ui.json(col.url)).content);
    expect(doc.querySelector('.board-count')!.textContent).toBe('0');
    expect(doc.querySelector('span.status_column')!.getAttribute('title')).toBe('Тільки для вторічної воронкиПовторно в архів');
    const li = doc.querySelector('ul.lead-list > li.text-center.empty-list')!;
    expect(li.querySelector('span.text-danger')!.textContent).toBe('немає лідів');
    expect(doc.querySelectorAll('li.lead-element, li.crm-scroll-pager')).toHaveLength(0);
    expect(doc.querySelector('h3 input[type="checkbox"][disabled]')).not.toBeNull();
  });
});

describe('cards', () => {
  it('carry data-id, the escaped name link, dd.mm, the actions, the checkbox, and (archived) reason and date', async () => {
    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    const reasons = new Map(sim.truth.leadRejectReasons().map((r) => [r.id, r.name]));
    let checked = 0,
      hostile = 0;
    const titles = new Set<string>();
    for (const c of cols) {
      const first = dom((await ui.json(c.url)).content);
      for (const li of Array.from(first.querySelectorAll('li.lead-element'))) {
        const id = Number(li.getAttribute('data-id'));
        const rec = byId.get(id)!;
        const link = li.querySelector(`a[href="/company/1/lead/view?id=${id}"]`)!;
        expect(norm(link.textContent!)).toBe(norm(rec.name));
        if (/[<>&"]/.test(rec.name)) hostile++;
        expect(link.querySelector('*')).toBeNull(); // markup in names stays text
        expect(li.querySelector('span.board-action-replace')!.textContent!.trim()).toBe(`${rec.created_at.slice(8, 10)}.${rec.created_at.slice(5, 7)}`);
        for (const action of ['reject', 'update-field', 'set-customer'])
          expect(li.querySelector(`a[href^="/company/1/lead/${action}?id=${id}"]`), action).not.toBeNull();
        expect((li.querySelector('input.kv-row-checkbox') as HTMLInputElement).value).toBe(String(id));
        const reason = li.querySelector('div.small[title="Причина відмови"]');
        if (rec.lead_reject_id === null) expect(reason).toBeNull();
        else expect(reason!.textContent).toBe(reasons.get(rec.lead_reject_id));
        expect(li.querySelector('div.small[title="Дата архівації"]')!.textContent).toBe(dmy(rec.e_date));
        li.querySelectorAll('[title]').forEach((el) => titles.add(el.getAttribute('title')!));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(hostile).toBeGreaterThan(0);
    for (const t of ['Предмети:', 'Джерело', 'Відповідальний менеджер']) expect(titles).toContain(t);
  });
});

describe('active board and «Я — відповідальний»', () => {
  it("puts every active lead of pipeline 1 in its stage column (0 = no stage); the mine tab only the user's", async () => {
    const cols = columnUrls((await ui.get('/company/1/lead/index')).text);
    const loaded = await Promise.all(cols.map((c) => loadColumn(ui, c.url)));
    const expected = sim.truth.records().filter((r) => r.branch_ids[0] === 1 && !r.archived && r.is_study === 0 && (r.pipeline_id ?? 1) === 1);
    expect(loaded.flatMap((c) => c.ids).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id));
    for (const c of loaded) for (const id of c.ids) expect(byId.get(id)!.lead_status_id ?? 0).toBe(c.id);
    expect(loaded[0].name).toBe('Не розібрано');
    expect(loaded[0].count).toBeGreaterThan(0);

    const mineHtml = (await ui.get('/company/1/lead/index?LeadSearch%5Bf_assigned_id%5D=148')).text;
    const mineCols = columnUrls(mineHtml);
    expect(JSON.parse(new URL(mineCols[0].url, sim.url).searchParams.get('query')!)).toEqual({ branch: '1', LeadSearch: { f_assigned_id: '148' } });
    const mine = (await Promise.all(mineCols.map((c) => loadColumn(ui, c.url)))).flatMap((c) => c.ids);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((id) => byId.get(id)!.assigned_id === 148)).toBe(true);
  });
});

describe('lead/view and dashboard', () => {
  it('shows name, phones, reject reason and the «Відмова: …» history note with author and date', async () => {
    const rec = sim.truth.records().find((r) => r.branch_ids[0] === 1 && r.archived && r.is_study === 0 && r.lead_reject_id !== null && r.phone.length > 0)!;
    const reason = sim.truth.leadRejectReasons().find((x) => x.id === rec.lead_reject_id)!.name;
    const doc = dom((await ui.get(`/company/1/lead/view?id=${rec.id}`)).text);
    expect(norm(doc.querySelector('.crm-customer-name')!.textContent!)).toBe(norm(rec.name));
    for (const p of rec.phone) expect(doc.querySelector('.crm-phones')!.textContent).toContain(p);
    expect(doc.querySelector('.crm-reject-reason')!.textContent).toBe(reason);
    const note = Array.from(doc.querySelectorAll('li.crm-note')).find((n) => n.querySelector('.crm-note-text')!.textContent === `Відмова: ${reason}`)!;
    expect(note.querySelector('.crm-note-author')!.textContent!.length).toBeGreaterThan(0);
    expect(note.querySelector('.crm-note-date')!.textContent).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect((await ui.raw('/company/3/lead/view?id=' + rec.id)).status).toBe(404);
  });

  it('serves a dashboard page with the same chrome and no board', async () => {
    const doc = dom((await ui.get('/company/1/dashboard/index')).text);
    expect(doc.querySelector('meta[name="csrf-token"]')).not.toBeNull();
    expect(doc.querySelector('#side-menu')).not.toBeNull();
    expect(doc.querySelector('.board-columns, .lead-items, #customer-pjax')).toBeNull();
  });
});

describe('Russian UI', () => {
  it('prints the Russian labels with the same markup', async () => {
    const ru = await startSimulator({ dataset: 'small', uiLang: 'ru' });
    try {
      const c = new UiClient(ru.url);
      await c.login(ru);
      const html = (await c.get(ARCHIVE_TAB)).text;
      expect(Array.from(dom(html).querySelectorAll('ul.nav-tabs > li')).map((li) => li.textContent!.trim())).toEqual([
        'Текущие',
        'Я — ответственный',
        'Архив (отказы)',
      ]);
      const zero = columnUrls(html).find((x) => x.id === ZERO_REASON_ID)!;
      expect(dom((await c.json(zero.url)).content).querySelector('li.empty-list')!.textContent).toBe('нет лидов');
    } finally {
      await ru.close();
    }
  });
});
