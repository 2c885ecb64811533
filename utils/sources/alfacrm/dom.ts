/**
 * Small DOM helpers shared by the page parsers. Pure: they only read the nodes they are given and
 * use no globals (no `Node`, `HTMLElement`, `document`), so they work with the browser's native
 * DOMParser and with jsdom alike.
 */

/** Turns an HTML string into a Document: `new DOMParser().parseFromString(h, 'text/html')` or jsdom. */
export type ParseHtml = (html: string) => Document;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Text of an element, whitespace runs (incl. line breaks and NBSP) collapsed, ends trimmed. */
export function squashText(el: Element | null | undefined): string {
  if (!el) return '';
  return squash(el.textContent ?? '');
}

export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Text with the ends trimmed but inner line breaks kept (a name may really hold one). */
export function trimmedText(el: Element | null | undefined): string {
  if (!el) return '';
  return (el.textContent ?? '').trim();
}

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'TR', 'TABLE', 'SMALL', 'H1', 'H2', 'H3', 'H4']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * Text of a table cell as a reader sees it: whitespace inside a line collapsed, `<br>` and block
 * boundaries kept as line breaks, empty lines dropped; an inline `<select>` gives its chosen option.
 */
export function cellText(el: Element | null | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const e = node as Element;
    const tag = e.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    if (tag === 'SELECT') {
      const opt = e.querySelector('option[selected]') ?? e.querySelector('option');
      parts.push(squashText(opt));
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n');
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push('\n');
  };
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  return parts
    .join('')
    .split('\n')
    .map(squash)
    .filter((l) => l !== '')
    .join('\n');
}

/** Absolute URL of `href` against `base`, or null when it cannot be resolved. */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (href == null) return null;
  const h = href.trim();
  if (!h || h === '#' || /^javascript:/i.test(h)) return null;
  try {
    return new URL(h, base).href;
  } catch {
    return null;
  }
}

/** A positive integer from an attribute or text, else null. */
export function positiveInt(s: string | null | undefined): number | null {
  if (s == null) return null;
  const t = s.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A non-negative integer that may be printed with digit grouping (`1 934`, `1 934`), else null. */
export function countInt(s: string | null | undefined): number | null {
  if (s == null) return null;
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

/** The branch in a `/company/{b}/…` path of `url` (absolute or root-relative), else null. */
export function branchFromPath(url: string): number | null {
  let path = url;
  try {
    path = new URL(url, 'http://x.invalid/').pathname;
  } catch {
    /* keep the raw string */
  }
  const m = /^\/company\/(\d+)(?:\/|$)/.exec(path);
  return m ? positiveInt(m[1]) : null;
}

export interface Csrf {
  param: string;
  token: string;
}

/** The Yii CSRF pair from `<meta name="csrf-param">` / `<meta name="csrf-token">`. */
export function readCsrf(doc: Document): Csrf | null {
  const param = doc.querySelector('meta[name="csrf-param"]')?.getAttribute('content')?.trim();
  const token = doc.querySelector('meta[name="csrf-token"]')?.getAttribute('content')?.trim();
  if (!param || !token) return null;
  return { param, token };
}

export interface Tab {
  label: string;
  /** Absolute URL. */
  href: string;
  active: boolean;
}

/**
 * The page's tabs (`ul.nav-tabs > li > a`). When the page has several tab bars, the first one
 * that links to `prefer` (a path fragment such as `/lead/index`) wins, else the first bar.
 */
export function readTabs(doc: Document, pageUrl: string, prefer?: string): Tab[] {
  const bars = Array.from(doc.querySelectorAll('ul.nav-tabs'));
  const bar = (prefer && bars.find((b) => Array.from(b.querySelectorAll('a[href]')).some((a) => (a.getAttribute('href') ?? '').includes(prefer)))) || bars[0];
  if (!bar) return [];
  const tabs: Tab[] = [];
  for (const li of Array.from(bar.children)) {
    if (li.tagName.toUpperCase() !== 'LI') continue;
    const a = li.querySelector('a[href]');
    const href = resolveUrl(a?.getAttribute('href'), pageUrl);
    if (!a || !href) continue;
    tabs.push({ label: squashText(a), href, active: li.classList.contains('active') });
  }
  return tabs;
}

/** Whether a URL's query asks for the archive: `…Search[f_removed]=2` (encoded or not). */
export function urlAsksArchive(url: string, search?: 'LeadSearch' | 'CustomerSearch'): boolean {
  let params: URLSearchParams;
  try {
    params = new URL(url, 'http://x.invalid/').searchParams;
  } catch {
    return false;
  }
  let found = false;
  params.forEach((v, k) => {
    const m = /^(\w*)\[f_removed\]$/.exec(k);
    if (m && v.trim() === '2' && (!search || m[1] === search)) found = true;
  });
  return found;
}

/** Normalised label for matching: lower case, single spaces, no trailing colon, one apostrophe. */
export function labelKey(s: string): string {
  return squash(s)
    .toLowerCase()
    .replace(/[’ʼ`]/g, "'")
    .replace(/\s*:+$/, '')
    .trim();
}
