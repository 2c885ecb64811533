/**
 * The clients list (`/company/{b}/customer/index`, its archive tab `CustomerSearch[f_removed]=2`):
 * a kartik GridView. Columns are user-configurable, so cells are mapped by their header label
 * (Ukrainian, Russian, English), never by position. Pure: input is a Document.
 */
import { CrmError } from '../../errors';
import { sessionExpired } from './errors';
import type { UiCard } from './types';
import { branchFromPath, cellText, countInt, labelKey, positiveInt, readTabs, resolveUrl, squashText, trimmedText, urlAsksArchive, type Tab } from './dom';
import { describeShape, isLoginPage } from './response';

export interface CustomerGrid {
  branch: number;
  isArchiveTab: boolean;
  rows: UiCard[];
  /** Absolute URL of the next page (`ul.pagination li.next a`), null on the last page. */
  nextPageUrl: string | null;
  /** «Всього в базі N» / «Всего в базе N»: all rows of this list, null when not shown. */
  summaryTotal: number | null;
  /** Header labels of the labelled columns, in page order. */
  headers: string[];
  tabs: Tab[];
}

type GridField = 'name' | 'rejectReason' | 'createdAt';

const HEADER_FIELDS = new Map<string, GridField>([
  ['піб', 'name'],
  ['фио', 'name'],
  ["ім'я", 'name'],
  ['имя', 'name'],
  ['name', 'name'],
  ['full name', 'name'],
  ['причина втрати', 'rejectReason'],
  ['причина потери', 'rejectReason'],
  ['причина відмови', 'rejectReason'],
  ['причина отказа', 'rejectReason'],
  ['reason of loss', 'rejectReason'],
  ['loss reason', 'rejectReason'],
  ['reject reason', 'rejectReason'],
  ['додано', 'createdAt'],
  ['добавлен', 'createdAt'],
  ['добавлено', 'createdAt'],
  ['дата додавання', 'createdAt'],
  ['дата добавления', 'createdAt'],
  ['added', 'createdAt'],
  ['date added', 'createdAt'],
  ['created', 'createdAt'],
]);

/** Yii's empty-cell text «(не задано)» (ru/uk; the space may be a no-break one), en «(not set)». */
const NOT_SET = /^\(\s*(?:не\s+задано|не\s+задан|не\s+вказано|не\s+указано|not\s+set)\s*\)$/i;

/** Which field a header label maps to, if any. Exposed for tests and the popup's diagnostics. */
export function gridFieldOf(label: string): GridField | undefined {
  return HEADER_FIELDS.get(labelKey(label));
}

interface Column {
  label: string;
  field: GridField | undefined;
  seq: string | null;
  /** Position among the header's cells, colspans counted. */
  pos: number;
}

/** One page of the clients grid (active list or archive tab). */
export function parseCustomerGrid(doc: Document, pageUrl: string): CustomerGrid {
  if (isLoginPage(doc)) throw sessionExpired();

  const table =
    doc.querySelector('#customer-pjax table.kv-grid-table') ??
    doc.querySelector('table.kv-grid-table') ??
    doc.querySelector('.grid-view table.crm-table') ??
    doc.querySelector('.grid-view table');
  if (!table) {
    throw new CrmError('layout-not-recognised', 'no grid table on the clients page', describeShape(doc));
  }
  const branch = branchFromPath(pageUrl);
  if (branch === null) {
    throw new CrmError('layout-not-recognised', 'no branch in the page URL', describeShape(doc));
  }

  const headRow =
    Array.from(table.querySelectorAll('thead tr')).find((tr) => tr.querySelector('th')) ??
    Array.from(table.querySelectorAll('tr')).find((tr) => tr.querySelector('th'));
  if (!headRow) {
    throw new CrmError('layout-not-recognised', 'the grid has no header row', describeShape(doc));
  }
  const columns: Column[] = [];
  let pos = 0;
  for (const th of Array.from(headRow.children)) {
    const tag = th.tagName.toUpperCase();
    if (tag !== 'TH' && tag !== 'TD') continue;
    const label = squashText(th);
    columns.push({ label, field: label ? gridFieldOf(label) : undefined, seq: th.getAttribute('data-col-seq'), pos });
    pos += span(th);
  }
  const labelled = columns.filter((c) => c.label !== '');
  const headers = labelled.map((c) => c.label);
  const useSeq = labelled.length > 0 && labelled.every((c) => c.seq !== null);

  const rows: UiCard[] = [];
  for (const tr of Array.from(table.querySelectorAll('tr[data-key]'))) {
    if (tr.closest('thead')) continue;
    const id = positiveInt(tr.getAttribute('data-key'));
    if (id === null) continue;
    const cells = rowCells(tr, useSeq);
    const card: UiCard = { id };
    const extra = new Map<string, string>();
    for (const col of labelled) {
      const td = useSeq ? cells.bySeq.get(col.seq ?? '') : cells.byPos.get(col.pos);
      if (!td) continue;
      const notSet = isNotSet(td);
      const text = notSet ? '' : cellText(td);
      if (!extra.has(col.label)) extra.set(col.label, text);
      if (col.field === 'name') {
        const name = nameOf(td, id);
        if (name && card.name === undefined) card.name = name;
      } else if (col.field && !notSet && text && card[col.field] === undefined) {
        card[col.field] = text;
      }
    }
    if (card.name === undefined) {
      const name = nameOf(tr, id);
      if (name) card.name = name;
    }
    if (extra.size) card.extra = Object.fromEntries(extra);
    rows.push(card);
  }

  const scope = table.closest('.grid-view') ?? table.closest('[data-pjax-container]') ?? doc;
  const nextA = scope.querySelector('ul.pagination li.next:not(.disabled) a[href]') ?? doc.querySelector('ul.pagination li.next:not(.disabled) a[href]');
  const nextPageUrl = resolveUrl(nextA?.getAttribute('href'), pageUrl);

  const tabs = readTabs(doc, pageUrl, '/customer/index');
  const activeTab = tabs.find((t) => t.active);
  const isArchiveTab = urlAsksArchive(pageUrl) || (activeTab !== undefined && urlAsksArchive(activeTab.href));

  return {
    branch,
    isArchiveTab,
    rows,
    nextPageUrl,
    summaryTotal: summaryTotal(scope) ?? summaryTotal(doc),
    headers,
    tabs,
  };
}

function span(cell: Element): number {
  const n = Number(cell.getAttribute('colspan') ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function rowCells(tr: Element, useSeq: boolean): { bySeq: Map<string, Element>; byPos: Map<number, Element> } {
  const bySeq = new Map<string, Element>();
  const byPos = new Map<number, Element>();
  let pos = 0;
  for (const td of Array.from(tr.children)) {
    const tag = td.tagName.toUpperCase();
    if (tag !== 'TD' && tag !== 'TH') continue;
    const seq = td.getAttribute('data-col-seq');
    if (useSeq && seq !== null && !bySeq.has(seq)) bySeq.set(seq, td);
    byPos.set(pos, td);
    pos += span(td);
  }
  return { bySeq, byPos };
}

function isNotSet(td: Element): boolean {
  const text = squashText(td);
  if (text === '') return false;
  if (NOT_SET.test(text)) return true;
  const ns = td.querySelector('.not-set');
  return ns !== null && squashText(ns) === text;
}

/** The record link's text (`…/view?id={id}`), ends trimmed; else the cell's first line. */
function nameOf(el: Element, id: number): string | undefined {
  const links = Array.from(el.querySelectorAll('a[href*="/customer/view?id="], a[href*="/lead/view?id="]'));
  const link =
    links.find((a) => {
      try {
        return new URL(a.getAttribute('href') ?? '', 'http://x.invalid/').searchParams.get('id') === String(id);
      } catch {
        return false;
      }
    }) ?? links[0];
  if (link) return trimmedText(link) || undefined;
  if (el.tagName.toUpperCase() === 'TR' || isNotSet(el)) return undefined;
  return cellText(el).split('\n')[0] || undefined;
}

const NUM = String.raw`(\d{1,3}(?:[ \u00a0\u202f,]\d{3})+|\d+)`;
const SUMMARY_PATTERNS = [
  new RegExp(String.raw`(?:всього\s+в\s+базі|всего\s+в\s+базе|total\s+in\s+(?:the\s+)?(?:data)?base)\s*:?\s*` + NUM, 'i'),
  // Yii's default summary: "Showing 1-20 of 93 items.", «Показано 1-20 из 93 записей».
  new RegExp(String.raw`(?:^|\s)(?:of|из|з|із)\s+` + NUM + String.raw`\s+(?:items?|записей|записи|запись|записів|запис)`, 'i'),
];

/** The total from the grid's summary («Показано рядки 1 — 20. Всього в базі 93.»). */
function summaryTotal(scope: Document | Element): number | null {
  const candidates: string[] = [];
  for (const el of Array.from(scope.querySelectorAll('.summary'))) candidates.push(squashText(el));
  const text = 'body' in scope ? scope.body?.textContent : scope.textContent;
  candidates.push((text ?? '').replace(/\s+/g, ' '));
  for (const t of candidates) {
    for (const re of SUMMARY_PATTERNS) {
      const m = re.exec(t);
      if (m) {
        const n = countInt(m[1]?.replace(/,/g, ''));
        if (n !== null) return n;
      }
    }
  }
  return null;
}
