/** Contract §2.2: the clients list and its archive tab «Архівні» (kartik GridView). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from './server';
import type { SimRecord, Simulator } from './types';
import { UiClient, dom } from './test-helpers';

let sim: Simulator;
let ui: UiClient;
let byId: Map<number, SimRecord>;
const ARCHIVE = '/company/1/customer/index?CustomerSearch%5Bf_removed%5D=2';

beforeAll(async () => {
  sim = await startSimulator({ dataset: 'small' });
  ui = new UiClient(sim.url);
  await ui.login(sim);
  byId = new Map(sim.truth.records().map((r) => [r.id, r]));
});
afterAll(async () => sim.close());

const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();

function parseGrid(html: string) {
  const doc = dom(html);
  const table = doc.querySelector('#customer-pjax #w1 #w1-container table.crm-table.kv-grid-table')!;
  const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
  const rows = Array.from(table.querySelectorAll('tbody tr[data-key]')).map((tr) => {
    const cells: Record<string, Element> = {};
    Array.from(tr.children).forEach((td, i) => {
      cells[headers[i]] = td;
    });
    return { id: Number(tr.getAttribute('data-key')), tr, cells };
  });
  return { doc, table, headers, rows, next: doc.querySelector('ul.pagination li.next a') };
}

describe('customer/index', () => {
  it("lists the branch's active clients (is_study 1) in the GridView markup, with the summary", async () => {
    const g = parseGrid((await ui.get('/company/1/customer/index')).text);
    const clients = sim.truth.records().filter((r) => r.branch_ids[0] === 1 && !r.archived && r.is_study === 1);
    expect(g.rows).toHaveLength(20);
    for (const r of g.rows) {
      expect(byId.get(r.id)!.is_study).toBe(1);
      expect((r.tr.querySelector('input.kv-row-checkbox') as HTMLInputElement).value).toBe(String(r.id));
    }
    expect(g.headers).toEqual(expect.arrayContaining(['ПІБ', 'Телефон', 'Додано']));
    expect(g.doc.querySelector('ul.nav-tabs li.active')!.textContent!.trim()).toBe('Поточні');
    const summary = g.doc.querySelector('#w1 .text-muted.text-right')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).toContain(`Показано рядки 1 — 20. Всього в базі ${clients.length}.`);
    expect(g.next).toBeNull(); // the small set has exactly 20 clients in branch 1
    const p2 = parseGrid((await ui.get('/company/1/customer/index?page=2&pageSize=5')).text);
    expect(p2.doc.querySelector('#w1 .text-muted.text-right')!.textContent!.replace(/\s+/g, ' ')).toContain(
      `Показано рядки 6 — 10. Всього в базі ${clients.length}.`,
    );
    expect(p2.next!.getAttribute('href')).toBe('/company/1/customer/index?page=3&pageSize=5');
    expect(p2.rows.map((r) => r.id)).toEqual(g.rows.slice(5, 10).map((r) => r.id));
  });

  it('archive tab «Архівні»: archived clients only, «Причина втрати» (or «(не задано)») and «Додано» DD.MM.YYYY', async () => {
    const truth = sim.truth.archivedCustomerIds(1);
    const reasons = new Map(sim.truth.customerRejectReasons().map((r) => [r.id, r.name]));
    const seen: number[] = [];
    let page = 1,
      notSet = 0,
      hostile = 0;
    for (;;) {
      const g = parseGrid((await ui.get(`${ARCHIVE}&page=${page}&pageSize=15`)).text);
      expect(g.headers).toEqual(expect.arrayContaining(['ПІБ', 'Телефон', 'Причина втрати', 'Додано']));
      expect(g.doc.querySelector('ul.nav-tabs li.active a')!.getAttribute('href')).toBe(ARCHIVE);
      for (const r of g.rows) {
        const rec = byId.get(r.id)!;
        seen.push(r.id);
        const reason = r.cells['Причина втрати'].textContent!.trim();
        if (rec.customer_reject_id === null) {
          expect(reason).toBe('(не задано)');
          notSet++;
        } else expect(reason).toBe(reasons.get(rec.customer_reject_id));
        expect(r.cells['Додано'].textContent!.trim()).toBe(`${rec.created_at.slice(8, 10)}.${rec.created_at.slice(5, 7)}.${rec.created_at.slice(0, 4)}`);
        expect(norm(r.cells['ПІБ'].querySelector('a')!.textContent!)).toBe(norm(rec.name));
        if (/[<>&"]/.test(rec.name)) hostile++;
        for (const p of rec.phone) expect(r.cells['Телефон'].textContent).toContain(p);
      }
      if (!g.next) break;
      expect(g.next.getAttribute('href')).toContain('CustomerSearch%5Bf_removed%5D=2');
      page++;
    }
    expect(page).toBe(Math.ceil(truth.length / 15));
    expect(seen.slice().sort((a, b) => a - b)).toEqual(truth);
    expect(notSet).toBeGreaterThan(0);
    expect(hostile).toBeGreaterThan(0);
  });

  it('pages 1-based, pageSize up to 100, no li.next link on the last page, past-the-end clamps to the last page', async () => {
    const total = sim.truth.archivedCustomerIds(1).length;
    const big = parseGrid((await ui.get(`${ARCHIVE}&pageSize=500`)).text);
    expect(big.rows).toHaveLength(Math.min(100, total));
    expect(big.next).toBeNull();
    expect(big.doc.querySelector('ul.pagination li.next.disabled')).toBeNull(); // a single page has no pager
    const last = parseGrid((await ui.get(`${ARCHIVE}&page=2&pageSize=30`)).text);
    expect(last.rows).toHaveLength(total - 30);
    expect(last.next).toBeNull();
    expect(last.doc.querySelector('ul.pagination li.next.disabled')).not.toBeNull();
    expect(last.doc.querySelector('ul.pagination li.active a')!.getAttribute('data-page')).toBe('1');
    const beyond = parseGrid((await ui.get(`${ARCHIVE}&page=9&pageSize=30`)).text);
    expect(beyond.rows.map((r) => r.id)).toEqual(last.rows.map((r) => r.id));
  });
});
