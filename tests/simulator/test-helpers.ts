/** Plain-HTTP helpers for the simulator's own tests: an API caller, a cookie-keeping UI client. */
import { JSDOM } from 'jsdom';
import type { Simulator } from './types';

export interface Envelope<T = Record<string, unknown>> {
  total: number;
  count: number;
  page: number;
  items: T[];
}

export interface ApiReply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

export async function apiPost<T = unknown>(sim: Simulator, path: string, body?: unknown, token?: string, raw?: string): Promise<ApiReply<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers['X-ALFACRM-TOKEN'] = token;
  const res = await fetch(sim.url + path, { method: 'POST', headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

export async function apiToken(sim: Simulator): Promise<string> {
  const r = await apiPost<{ token: string }>(sim, '/v2api/auth/login', { email: sim.credentials.apiEmail, api_key: sim.credentials.apiKey });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
  return r.json.token;
}

/** Pages `customer/index` until an empty page; returns every id seen (with repeats) and totals. */
export async function pageAll(
  sim: Simulator,
  token: string,
  path: string,
  body: Record<string, unknown>,
): Promise<{ ids: number[]; totals: number[]; pages: number }> {
  const ids: number[] = [];
  const totals: number[] = [];
  for (let page = 0; page < 10_000; page++) {
    const r = await apiPost<Envelope<{ id: number }>>(sim, path, { ...body, page }, token);
    if (r.status !== 200) throw new Error(`page ${page}: ${r.status} ${r.text}`);
    totals.push(r.json.total);
    if (!r.json.items.length) return { ids, totals, pages: page };
    for (const it of r.json.items) ids.push(it.id);
  }
  throw new Error('paging did not end');
}

let parser: DOMParser | null = null;

/** Parses HTML with jsdom (one shared window: a new JSDOM per page is slow). */
export function dom(html: string): Document {
  if (!parser) parser = new new JSDOM('').window.DOMParser();
  return parser.parseFromString(html, 'text/html');
}

/** A browser-like client: keeps cookies, can follow or stop at redirects, sends XHR headers. */
export class UiClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  private cookieHeader(): string {
    return Array.from(this.cookies.entries())
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      if (attrs.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(i + 1).trim());
    }
  }

  /** One request, no redirect following. */
  async raw(path: string, init: { method?: string; body?: string; headers?: Record<string, string>; xhr?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookies.size) headers.Cookie = this.cookieHeader();
    if (init.xhr) headers['X-Requested-With'] = 'XMLHttpRequest';
    if (init.body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(this.base + path, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
    this.keep(res);
    return res;
  }

  /** GET following redirects like a browser (and an XHR) would. */
  async get(path: string, xhr = false): Promise<{ status: number; url: string; text: string; contentType: string }> {
    let url = path;
    for (let hops = 0; hops < 10; hops++) {
      const res = await this.raw(url, { xhr });
      if (res.status >= 300 && res.status < 400) {
        url = res.headers.get('location') as string;
        await res.text();
        continue;
      }
      return { status: res.status, url, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
    }
    throw new Error('too many redirects');
  }

  async json<T = { content: string }>(path: string): Promise<T> {
    const r = await this.get(path, true);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
    return JSON.parse(r.text) as T;
  }

  /** The csrf-token meta of a page. */
  static csrf(html: string): string {
    return dom(html).querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  }

  async login(sim: Simulator, password = sim.credentials.uiPassword, backUrl?: string): Promise<Response> {
    const page = await this.get(backUrl ? `/login?backUrl=${encodeURIComponent(backUrl)}` : '/login');
    const doc = dom(page.text);
    const form = doc.querySelector('form#login-form') as HTMLFormElement;
    const body = new URLSearchParams({
      _csrf: (doc.querySelector('input[name="_csrf"]') as HTMLInputElement).value,
      'LoginForm[username]': sim.credentials.uiLogin,
      'LoginForm[password]': password,
      'LoginForm[rememberMe]': '1',
    }).toString();
    return this.raw(form.getAttribute('action') as string, { method: 'POST', body });
  }
}

export interface LoadedColumn {
  id: number;
  name: string;
  count: number;
  ids: number[];
  pagerUrls: string[];
  pagesLoaded: number;
}

/** Loads one board column from its data-url and follows every pager to the end. */
export async function loadColumn(ui: UiClient, dataUrl: string): Promise<LoadedColumn> {
  const first = dom((await ui.json(dataUrl)).content);
  const ul = first.querySelector('ul.lead-list') as Element;
  const ids = Array.from(first.querySelectorAll('li.lead-element')).map((li) => Number(li.getAttribute('data-id')));
  const pagerUrls: string[] = [];
  let pager = first.querySelector('li.crm-scroll-pager');
  let pagesLoaded = 1;
  while (pager) {
    const url = pager.getAttribute('data-url') as string;
    pagerUrls.push(url);
    const next = dom(`<ul>${(await ui.json(url)).content}</ul>`);
    pagesLoaded++;
    for (const li of Array.from(next.querySelectorAll('li.lead-element'))) ids.push(Number(li.getAttribute('data-id')));
    pager = next.querySelector('li.crm-scroll-pager');
    if (pagesLoaded > 10_000) throw new Error('pager never ends');
  }
  return {
    id: Number(ul.getAttribute('data-id')),
    name: first.querySelector('span.status_column')?.getAttribute('title') ?? '',
    count: Number(first.querySelector('span.board-count')?.textContent),
    ids,
    pagerUrls,
    pagesLoaded,
  };
}

/** data-url of every board column of a lead/index page. */
export function columnUrls(html: string): { id: number; url: string }[] {
  return Array.from(dom(html).querySelectorAll('.board-columns .board-column[data-url]')).map((el) => ({
    id: Number(/lead-items-(\d+)/.exec(el.className)?.[1]),
    url: el.getAttribute('data-url') as string,
  }));
}

export const ARCHIVE_TAB = '/company/1/lead/index?LeadSearch%5Bf_removed%5D=2';
