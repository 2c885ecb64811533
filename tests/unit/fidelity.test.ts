/**
 * Fidelity of the simulator to the real AlfaCRM pages: the selectors and the production parsers
 * that find columns, counts, cards, ids, names and pagers in the real captured board page find
 * the same things in the simulator's board page and its XHR output, and likewise for the grid.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBoardPage, parseColumnContent, parsePagerContent } from '@/utils/sources/alfacrm/board';
import { parseCustomerGrid } from '@/utils/sources/alfacrm/grid';
import { readBoardJson } from '@/utils/sources/alfacrm/response';
import { startSimulator, type Simulator } from '../simulator/server';
import { UiClient } from '../simulator/test-helpers';

const parse = (html: string) => new JSDOM(html).window.document;
const real = (name: string) => readFileSync(new URL(`../fixtures/alfacrm-real/${name}`, import.meta.url), 'utf8');

/** Selectors the extension relies on, each with what it must find. */
const BOARD_PAGE = [
  'meta[name="csrf-param"]',
  'meta[name="csrf-token"]',
  'ul.nav.nav-tabs a[href*="/lead/index"]',
  'div.board-column.lead-items[data-url*="/lead/board?id="]',
];
const COLUMN = [
  'span.board-count',
  'span.status_column[title]',
  'ul.lead-list[data-id]',
  'li.lead-element[data-id]',
  'li.lead-element a[href*="/lead/view?id="]',
  'li.lead-element span.board-action-replace',
  'li.lead-element input.kv-row-checkbox[value]',
  'li.crm-scroll-pager[data-url*="page="]',
];
const GRID = [
  '#customer-pjax #w1-container table.crm-table.kv-grid-table',
  'table.kv-grid-table thead th',
  'tr[data-key]',
  'tr[data-key] input.kv-row-checkbox',
  'ul.pagination li.next a[href*="page=2"]',
];

function expectAllFound(doc: Document, selectors: string[]) {
  const missing = selectors.filter((s) => !doc.querySelector(s));
  expect(missing).toEqual([]);
}

describe('simulator fidelity to the real pages', () => {
  let sim: Simulator;
  let ui: UiClient;
  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small', knobs: { uiPageSize: 2 } });
    ui = new UiClient(sim.url);
    await ui.login(sim);
  });
  afterAll(async () => sim?.close());

  it('board page: the same selectors find csrf, tabs and columns in both', async () => {
    const realDoc = parse(real('lead-board-page.html'));
    const simDoc = parse((await ui.get('/company/1/lead/index?LeadSearch%5Bf_removed%5D=2')).text);
    expectAllFound(realDoc, BOARD_PAGE);
    expectAllFound(simDoc, BOARD_PAGE);
    const r = parseBoardPage(realDoc, 'https://demo.s20.online/company/1/lead/index');
    const s = parseBoardPage(simDoc, `${sim.url}/company/1/lead/index?LeadSearch%5Bf_removed%5D=2`);
    for (const page of [r, s]) {
      expect(page.branch).toBe(1);
      expect(page.csrf?.param).toBe('_csrf');
      expect(page.columns.length).toBeGreaterThan(0);
      for (const c of page.columns) expect(c.url).toMatch(/\/company\/1\/lead\/board\?id=\d+&color=%23[0-9a-f]{6}&query=.+&resource_id=\d+$/i);
    }
    expect(s.isArchiveTab).toBe(true);
  });

  it('column XHR: the same selectors and parser find count, name, cards and the pager in both', async () => {
    // The real column's XHR content is the column div's inner HTML (fixture README).
    const realColumn = parse(real('lead-board-page.html')).querySelector('.lead-items-0')!.innerHTML;
    const simPage = parseBoardPage(parse((await ui.get('/company/1/lead/index?LeadSearch%5Bf_removed%5D=2')).text), sim.url + '/company/1/lead/index');
    let simColumn = '';
    for (const c of simPage.columns) {
      simColumn = readBoardJson((await ui.get(new URL(c.url).pathname + new URL(c.url).search, true)).text);
      if (simColumn.includes('crm-scroll-pager')) break;
    }
    expectAllFound(parse(`<div>${realColumn}</div>`), COLUMN);
    expectAllFound(parse(`<div>${simColumn}</div>`), COLUMN);
    for (const html of [realColumn, simColumn]) {
      const col = parseColumnContent(html, parse);
      expect(col.count).toBeGreaterThan(col.cards.length);
      expect(col.name.trim()).not.toBe('');
      expect(col.pagerUrl).toMatch(/\/lead\/board\?id=\d+&.*page=1&resource_id=\d+$/);
      for (const card of col.cards) {
        expect(card.id).toBeGreaterThan(0);
        expect(card.name).toBeTruthy();
        expect(card.date).toMatch(/^\d{2}\.\d{2}$/);
      }
    }
  });

  it('pager XHR: the simulator answers {"content"} with cards that replace the pager, as the real page expects', async () => {
    const simPage = parseBoardPage(parse((await ui.get('/company/1/lead/index?LeadSearch%5Bf_removed%5D=2')).text), sim.url + '/company/1/lead/index');
    for (const c of simPage.columns) {
      const col = parseColumnContent(readBoardJson((await ui.get(new URL(c.url).pathname + new URL(c.url).search, true)).text), parse);
      if (!col.pagerUrl) continue;
      const next = parsePagerContent(readBoardJson((await ui.get(col.pagerUrl, true)).text), parse);
      expect(next.cards.length).toBeGreaterThan(0);
      expect(next.cards.every((card) => !col.cards.some((x) => x.id === card.id))).toBe(true);
      return;
    }
    throw new Error('no column with a pager');
  });

  it('clients grid: the same selectors and parser find headers, rows, ids and the summary in both', async () => {
    const realDoc = parse(real('customer-index-grid.html'));
    const simDoc = parse((await ui.get('/company/1/customer/index?CustomerSearch%5Bf_removed%5D=2&pageSize=5')).text);
    expectAllFound(realDoc, GRID);
    expectAllFound(simDoc, GRID);
    const r = parseCustomerGrid(realDoc, 'https://demo.s20.online/company/1/customer/index');
    const s = parseCustomerGrid(simDoc, `${sim.url}/company/1/customer/index?CustomerSearch%5Bf_removed%5D=2&pageSize=5`);
    for (const grid of [r, s]) {
      expect(grid.rows.length).toBeGreaterThan(0);
      expect(grid.rows.every((row) => row.id > 0 && !!row.name)).toBe(true);
      expect(grid.summaryTotal).toBeGreaterThan(grid.rows.length);
      expect(grid.nextPageUrl).toMatch(/page=2/);
    }
    expect(s.isArchiveTab).toBe(true);
    expect(s.rows.some((row) => row.rejectReason)).toBe(true);
  });
});
