/** Plain-HTTP helpers for the Altegio simulator's own tests: an API caller and a cookie-keeping browser. */
import type { AltegioSimulator, UserKey } from './types';

export const V2 = 'application/vnd.api.v2+json';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  text: string;
  /** null when the body is not JSON. */
  json: T;
}

export async function call<T = any>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

/** The public API (API origin): partner + user token, v2 Accept unless told otherwise. */
export class ApiClient {
  private tokens = new Map<UserKey, string>();

  constructor(readonly sim: AltegioSimulator) {}

  async token(user: UserKey = 'owner'): Promise<string> {
    const known = this.tokens.get(user);
    if (known) return known;
    const u = this.sim.users[user];
    const r = await call(`${this.sim.apiUrl}/api/v1/auth`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.sim.partnerToken}`, 'Content-Type': 'application/json', Accept: V2 },
      body: JSON.stringify({ login: u.login, password: u.password }),
    });
    if (r.status !== 201) throw new Error(`auth failed: ${r.status} ${r.text}`);
    this.tokens.set(user, r.json.data.user_token);
    return r.json.data.user_token as string;
  }

  forget(): void {
    this.tokens.clear();
  }

  async headers(user: UserKey, v2: boolean): Promise<Record<string, string>> {
    const h: Record<string, string> = { Authorization: `Bearer ${this.sim.partnerToken}, User ${await this.token(user)}` };
    if (v2) h.Accept = V2;
    return h;
  }

  async get<T = any>(path: string, opts: { user?: UserKey; v2?: boolean } = {}): Promise<Answer<T>> {
    return call<T>(this.sim.apiUrl + path, { headers: await this.headers(opts.user ?? 'owner', opts.v2 ?? true) });
  }

  async post<T = any>(path: string, body: unknown, opts: { user?: UserKey; v2?: boolean } = {}): Promise<Answer<T>> {
    const headers = { ...(await this.headers(opts.user ?? 'owner', opts.v2 ?? true)), 'Content-Type': 'application/json' };
    return call<T>(this.sim.apiUrl + path, { method: 'POST', headers, body: JSON.stringify(body) });
  }
}

/** A browser-like client of the web origin: keeps cookies, follows redirects on demand. */
export class WebClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      if (attrs.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(i + 1).trim());
    }
  }

  async raw(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookies.size) headers.Cookie = Array.from(this.cookies, ([k, v]) => `${k}=${v}`).join('; ');
    if (init.body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(this.base + path, { method: init.method ?? 'GET', body: init.body, headers, redirect: 'manual' });
    this.keep(res);
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  /** GET following redirects as a browser's fetch would; `url` is where it ended. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Answer & { url: string }> {
    let url = path;
    for (let hops = 0; hops < 10; hops++) {
      const r = await this.raw(url, { headers });
      if (r.status >= 300 && r.status < 400) {
        url = r.headers.get('location') as string;
        continue;
      }
      return { ...r, url };
    }
    throw new Error('too many redirects');
  }

  async signin(sim: AltegioSimulator, user: UserKey = 'owner', back = `/clients/${sim.cid}/base/`): Promise<Answer> {
    const u = sim.users[user];
    const body = new URLSearchParams({ login: u.login, password: u.password }).toString();
    return this.raw(`/signin/${encodeURIComponent(back)}`, { method: 'POST', body });
  }

  /** The page token in the base page's <head>. */
  async pageToken(cid: number): Promise<string> {
    const page = await this.get(`/clients/${cid}/base/`);
    const m = /ms\.auth\.user_partner_token = '([^']+)'/.exec(page.text);
    if (!m) throw new Error(`no page token at ${page.url}`);
    return m[1];
  }

  /** `/api/v1/…` on the web origin with the page token alone. */
  api(path: string, token: string, init: { method?: string; body?: unknown; v2?: boolean } = {}): Promise<Answer> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (init.v2 ?? true) headers.Accept = V2;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    return call(this.base + path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  }
}

/** Every row of the bulk list, paged with `count`, on either origin. */
export async function pageBulk(get: (path: string) => Promise<Answer>, cid: number, count = 200): Promise<any[]> {
  const rows: any[] = [];
  for (let page = 1; page < 1000; page++) {
    const r = await get(`/api/v1/clients/${cid}?page=${page}&count=${count}`);
    if (r.status !== 200) throw new Error(`page ${page}: ${r.status} ${r.text.slice(0, 200)}`);
    rows.push(...r.json.data);
    if (rows.length >= r.json.meta.total_count || !r.json.data.length) return rows;
  }
  throw new Error('paging did not end');
}

/** Turns the limit off for tests that are not about it. */
export const NO_LIMIT = { rateLimitPerSecond: 0, rateLimitPerMinute: 0 } as const;
