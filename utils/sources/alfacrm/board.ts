/**
 * The leads board (`/company/{b}/lead/index`, tabs «Поточні»/«Текущие» and «Архів (відмови)»/
 * «Архив (отказы)»): the page with its column declarations, one column's XHR content, the pager
 * chunks and the cards. Pure: input is a Document or an HTML string plus a parse function.
 */
import { CrmError } from '../../errors';
import { sessionExpired } from './errors';
import type { BoardChunk, BoardColumn, BoardColumnRef, UiCard } from './types';
import {
  branchFromPath,
  countInt,
  labelKey,
  positiveInt,
  readCsrf,
  readTabs,
  resolveUrl,
  squash,
  squashText,
  trimmedText,
  urlAsksArchive,
  type Csrf,
  type ParseHtml,
  type Tab,
} from './dom';
import { describeShape, isLoginPage } from './response';

export interface BoardPage {
  /** The page URL the relative links were resolved against (absolute). */
  pageUrl: string;
  branch: number;
  isArchiveTab: boolean;
  /** Columns in page order; `url` is absolute. */
  columns: BoardColumnRef[];
  csrf: Csrf | null;
  tabs: Tab[];
}

/** The leads board page: columns to load, CSRF pair, tabs, and whether it is the archive tab. */
export function parseBoardPage(doc: Document, pageUrl: string): BoardPage {
  if (isLoginPage(doc)) throw sessionExpired();

  const columns: BoardColumnRef[] = [];
  const seen = new Set<number>();
  for (const el of Array.from(doc.querySelectorAll('div.board-column[data-url], .lead-items[data-url]'))) {
    const raw = el.getAttribute('data-url') ?? '';
    const url = resolveUrl(raw, pageUrl);
    if (!url) continue;
    const columnId = columnIdOf(el, url);
    if (columnId === null || seen.has(columnId)) continue;
    seen.add(columnId);
    columns.push({ columnId, url });
  }

  const branch = branchFromPath(pageUrl) ?? (columns[0] ? branchFromPath(columns[0].url) : null);
  if (columns.length === 0 || branch === null) {
    throw new CrmError('layout-not-recognised', columns.length === 0 ? 'no board columns on the leads page' : 'no branch in the page URL', describeShape(doc));
  }

  const tabs = readTabs(doc, pageUrl, '/lead/index');
  const activeTab = tabs.find((t) => t.active);
  const isArchiveTab =
    urlAsksArchive(pageUrl, 'LeadSearch') || (activeTab !== undefined && isArchiveHref(activeTab.href)) || columns.some((c) => columnQueryAsksArchive(c.url));

  return { pageUrl: resolveUrl(pageUrl, pageUrl) ?? pageUrl, branch, isArchiveTab, columns, csrf: readCsrf(doc), tabs };
}

/** Column id: the `lead-items-{id}` class, else `id=` in its data-url. 0 is a real column. */
function columnIdOf(el: Element, url: string): number | null {
  for (const c of Array.from(el.classList)) {
    const m = /^lead-items-(\d+)$/.exec(c);
    if (m) return Number(m[1]);
  }
  try {
    const id = new URL(url).searchParams.get('id');
    if (id !== null && /^\d+$/.test(id.trim())) return Number(id.trim());
  } catch {
    /* fall through */
  }
  return null;
}

function isArchiveHref(href: string): boolean {
  if (urlAsksArchive(href, 'LeadSearch')) return true;
  let decoded = href;
  try {
    decoded = decodeURIComponent(href);
  } catch {
    /* keep raw */
  }
  return /LeadSearch\[f_removed\]=2(?:&|#|$)/.test(decoded);
}

/** The column XHR's `query` JSON carries `"LeadSearch":{"f_removed":"2"}` on the archive board. */
function columnQueryAsksArchive(url: string): boolean {
  try {
    const q = new URL(url).searchParams.get('query');
    if (!q) return false;
    const v = JSON.parse(q) as { LeadSearch?: { f_removed?: unknown } } | null;
    return String(v?.LeadSearch?.f_removed ?? '') === '2';
  } catch {
    return false;
  }
}

/**
 * Absolute URL of the leads archive tab: the tab whose href asks `LeadSearch[f_removed]=2`, else
 * the known route `/company/{b}/lead/index?LeadSearch%5Bf_removed%5D=2` on the page's origin.
 */
export function archiveTabUrl(page: Pick<BoardPage, 'tabs' | 'branch' | 'pageUrl'>): string {
  const tab = page.tabs.find((t) => isArchiveHref(t.href));
  if (tab) return tab.href;
  return new URL(`/company/${page.branch}/lead/index?LeadSearch%5Bf_removed%5D=2`, page.pageUrl).href;
}

// ---------------------------------------------------------------------------------------------
// Column and pager content

/**
 * One column's XHR `content` (its whole inner HTML: header with `board-count` and
 * `status_column`, then `ul.lead-list` with the cards and maybe a `crm-scroll-pager`).
 * `pagerUrl` is the raw `data-url` (entity-decoded, maybe root-relative): resolve it against the
 * page. `count` is -1 if the header shows no count. `fallbackColumnId` is used only when the
 * content itself names no column.
 */
export function parseColumnContent(html: string, parse: ParseHtml, fallbackColumnId?: number): BoardColumn {
  if (isLoginPage(html)) throw sessionExpired();
  const doc = parse(html);
  if (isLoginPage(doc)) throw sessionExpired();

  const list = doc.querySelector('ul.lead-list');
  const countEl = doc.querySelector('.board-count');
  if (!list && !countEl) {
    throw new CrmError('layout-not-recognised', 'no board-count and no lead-list in the column', describeShape(html));
  }

  const pagerUrl = lastPagerUrl(doc);
  let columnId = intAttr(list, 'data-id');
  if (columnId === null) {
    const m = /^sticky_(\d+)$/.exec(doc.querySelector('h3[id^="sticky_"]')?.id ?? '');
    if (m) columnId = Number(m[1]);
  }
  if (columnId === null && pagerUrl) columnId = idParam(pagerUrl);
  if (columnId === null && fallbackColumnId !== undefined) columnId = fallbackColumnId;
  if (columnId === null) {
    throw new CrmError('layout-not-recognised', 'the column does not say its id', describeShape(html));
  }

  const title = doc.querySelector('.status_column');
  // The title attribute holds the column's name exactly as the CRM stores it (double spaces
  // included); reason texts are exported verbatim, so it is not normalised.
  const rawTitle = title?.getAttribute('title') ?? '';
  const name = rawTitle.trim() ? rawTitle : squashText(title);
  const count = countInt(countEl?.textContent) ?? -1;

  return { columnId, name, count, cards: readCards(doc), pagerUrl };
}

/**
 * A pager XHR's `content`: more cards and, while more exist, the next `crm-scroll-pager`.
 * The content is a run of `<li>`s, so it is parsed inside a `<ul>`.
 */
export function parsePagerContent(html: string, parse: ParseHtml): BoardChunk {
  if (isLoginPage(html)) throw sessionExpired();
  if (html.trim() === '') return { cards: [], pagerUrl: null };
  const doc = parse(`<ul class="crm-pager-chunk">${html}</ul>`);
  if (isLoginPage(doc)) throw sessionExpired();
  if (!doc.querySelector('li')) {
    throw new CrmError('layout-not-recognised', 'the pager content holds no list items', describeShape(html));
  }
  return { cards: readCards(doc), pagerUrl: lastPagerUrl(doc) };
}

function readCards(root: Document | Element): UiCard[] {
  const cards: UiCard[] = [];
  for (const li of Array.from(root.querySelectorAll('li[data-id]'))) {
    if (li.classList.contains('crm-scroll-pager') || li.classList.contains('empty-list')) continue;
    const card = parseCard(li);
    if (card) cards.push(card);
  }
  return cards;
}

function lastPagerUrl(root: Document | Element): string | null {
  const pagers = root.querySelectorAll('li.crm-scroll-pager[data-url], .crm-scroll-pager[data-url]');
  const last = pagers[pagers.length - 1];
  if (!last) return null;
  const url = (last.getAttribute('data-url') ?? '').trim();
  return url || null;
}

function intAttr(el: Element | null, name: string): number | null {
  const v = el?.getAttribute(name)?.trim();
  return v && /^\d+$/.test(v) ? Number(v) : null;
}

function idParam(url: string): number | null {
  try {
    const id = new URL(url, 'http://x.invalid/').searchParams.get('id');
    return id !== null && /^\d+$/.test(id.trim()) ? Number(id.trim()) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Card

type CardField = 'subjects' | 'leadSource' | 'manager' | 'rejectReason' | 'archivedAt';

/** `title` attributes of a card's labelled blocks (uk, ru, en), normalised by `labelKey`. */
const CARD_TITLES = new Map<string, CardField>([
  ['предмети', 'subjects'],
  ['предметы', 'subjects'],
  ['subjects', 'subjects'],
  ['джерело', 'leadSource'],
  ['источник', 'leadSource'],
  ['source', 'leadSource'],
  ['lead source', 'leadSource'],
  ['відповідальний менеджер', 'manager'],
  ['ответственный менеджер', 'manager'],
  ['відповідальний', 'manager'],
  ['ответственный', 'manager'],
  ['responsible manager', 'manager'],
  ['manager', 'manager'],
  ['причина відмови', 'rejectReason'],
  ['причина отказа', 'rejectReason'],
  ['причина потери', 'rejectReason'],
  ['причина втрати', 'rejectReason'],
  ['reject reason', 'rejectReason'],
  ['reason for rejection', 'rejectReason'],
  ['дата архівації', 'archivedAt'],
  ['дата архивации', 'archivedAt'],
  ['archive date', 'archivedAt'],
  ['archived at', 'archivedAt'],
]);

const DATE_RE = /^\d{1,2}\.\d{1,2}(?:\.\d{2,4})?$/;

/**
 * One card `li.lead-element[data-id]`. Returns null when `data-id` is not a positive integer.
 * The name keeps inner line breaks; only its ends are trimmed.
 */
export function parseCard(li: Element): UiCard | null {
  const id = positiveInt(li.getAttribute('data-id'));
  if (id === null) return null;
  const card: UiCard = { id };

  const links = Array.from(li.querySelectorAll('a[href*="/lead/view?id="], a[href*="/customer/view?id="]'));
  const link = links.find((a) => idParam(a.getAttribute('href') ?? '') === id) ?? links[0] ?? null;
  if (link) {
    const name = trimmedText(link);
    if (name) card.name = name;
  }

  for (const span of Array.from(li.querySelectorAll('.board-action-replace'))) {
    const t = squashText(span);
    if (DATE_RE.test(t)) {
      card.date = t;
      break;
    }
  }

  const extra = new Map<string, string>();
  for (const el of Array.from(li.querySelectorAll('[title]'))) {
    if (el.tagName.toUpperCase() === 'A' || el.closest('a')) continue; // actions and the name link
    if (el.querySelector('.ion-chatbubbles, .ion-chatbubble')) continue; // chat bubble: last message
    const title = squash(el.getAttribute('title') ?? '');
    if (!title) continue;
    const value = squashText(el);
    const field = CARD_TITLES.get(labelKey(title));
    if (field) {
      if (value && card[field] === undefined) card[field] = value;
    } else if (value && el.closest('label') && !extra.has(title)) {
      extra.set(title, value);
    }
  }
  if (extra.size) card.extra = Object.fromEntries(extra);
  return card;
}
