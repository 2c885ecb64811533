/**
 * The peer baseline: the same full sync done the way the original scripts did it, from Node,
 * one request at a time, each awaited before the next. API v2 first (`customer/index` with
 * removed=0, then removed=2, pages of 50 until the unique ids reach `total`), then the archive
 * board with a cookie session (the archive tab, each column, each `crm-scroll-pager`).
 *
 * It sends API requests no faster than the configured rate (one per 1.04 × 1000/rate ms counted
 * from the previous send: the same 4 % margin the extension's client keeps, since the server's
 * sliding window sees arrival jitter) and honours a 429's Retry-After: a polite script.
 * It uses no code of the extension: its HTML reading is a few regular expressions.
 */

export interface SequentialResult {
  wallMs: number;
  apiMs: number;
  uiMs: number;
  requests: { api: number; ui: number; login: number };
  status429: number;
  records: { active: number; archived: number; uiArchivedLeads: number; boardCountSum: number };
  /** Column counts that did not match what was read ("«name» read/count"). */
  shortColumns: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

class CookieJar {
  private readonly jar = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export async function sequentialSync(opts: {
  baseUrl: string;
  branch: number;
  apiEmail: string;
  apiKey: string;
  uiLogin: string;
  uiPassword: string;
  ratePerSecond: number;
}): Promise<SequentialResult> {
  const { baseUrl, branch } = opts;
  const requests = { api: 0, ui: 0, login: 0 };
  let status429 = 0;
  const gapMs = opts.ratePerSecond > 0 ? (1000 / opts.ratePerSecond) * 1.04 : 0;
  let lastApiSend = 0;
  const started = Date.now();

  // ---- API v2 -------------------------------------------------------------------------------
  const apiPost = async (path: string, body: unknown, token?: string): Promise<Record<string, unknown>> => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const wait = lastApiSend + gapMs - Date.now();
      if (token && wait > 0) await sleep(wait);
      if (token) lastApiSend = Date.now();
      requests.api++;
      const res = await fetch(baseUrl + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { 'X-ALFACRM-TOKEN': token } : {}) },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status === 429) {
        status429++;
        await sleep(Number(res.headers.get('Retry-After') ?? 1) * 1000 + 50);
        continue;
      }
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
      return JSON.parse(text) as Record<string, unknown>;
    }
    throw new Error(`${path}: rate limited 20 times in a row`);
  };

  const login = await apiPost('/v2api/auth/login', { email: opts.apiEmail, api_key: opts.apiKey });
  const token = String(login.token);
  const readAll = async (removed: 0 | 2): Promise<Set<number>> => {
    const ids = new Set<number>();
    for (let page = 0; page < 10_000; page++) {
      const res = await apiPost(`/v2api/${branch}/customer/index`, { removed, branch_ids: [branch], page }, token);
      const items = res.items as { id: number }[];
      for (const r of items) ids.add(r.id);
      if (items.length === 0 || ids.size >= Number(res.total)) break;
    }
    return ids;
  };
  const active = await readAll(0);
  const archived = await readAll(2);
  const apiMs = Date.now() - started;

  // ---- Web UI, with a cookie session ----------------------------------------------------------
  const uiStarted = Date.now();
  const jar = new CookieJar();
  const uiGet = async (path: string, xhr: boolean): Promise<string> => {
    requests.ui++;
    const res = await fetch(new URL(path, baseUrl), {
      redirect: 'manual',
      headers: { Cookie: jar.header(), ...(xhr ? { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' } : {}) },
    });
    jar.take(res);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return text;
  };
  const backUrl = `/company/${branch}/lead/index`;
  const loginPath = `/login?backUrl=${encodeURIComponent(backUrl)}`;
  requests.login++;
  let res = await fetch(baseUrl + loginPath, { redirect: 'manual' });
  jar.take(res);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
  requests.login++;
  res = await fetch(baseUrl + loginPath, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar.header() },
    body: new URLSearchParams({ _csrf: unescapeHtml(csrf), 'LoginForm[username]': opts.uiLogin, 'LoginForm[password]': opts.uiPassword }).toString(),
  });
  jar.take(res);
  await res.text();
  if (res.status !== 302 || !jar.header().includes('PHPSESSID')) throw new Error(`UI login failed: HTTP ${res.status}`);

  const tab = await uiGet(`/company/${branch}/lead/index?LeadSearch%5Bf_removed%5D=2`, false);
  const columns = [...tab.matchAll(/<div class="board-column[^"]*"[^>]*data-url="([^"]+)"/g)].map((m) => unescapeHtml(m[1]));
  if (columns.length === 0) throw new Error('archive tab: no board columns found');
  const uiIds = new Set<number>();
  const shortColumns: string[] = [];
  let boardCountSum = 0;
  for (const columnUrl of columns) {
    let content = (JSON.parse(await uiGet(columnUrl, true)) as { content: string }).content;
    const count = Number(/board-count"[^>]*>\s*(\d+)/.exec(content)?.[1] ?? NaN);
    const name = /class="status_column[^"]*"[^>]*title="([^"]*)"/.exec(content)?.[1] ?? '?';
    boardCountSum += count;
    let read = 0;
    for (;;) {
      const cards = [...content.matchAll(/<li class="[^"]*lead-element[^"]*"[^>]*data-id="(\d+)"/g)].map((m) => Number(m[1]));
      read += cards.length;
      for (const id of cards) uiIds.add(id);
      const pager = /crm-scroll-pager" data-url="([^"]+)"/.exec(content)?.[1];
      if (!pager) break;
      content = (JSON.parse(await uiGet(unescapeHtml(pager), true)) as { content: string }).content;
    }
    if (read !== count) shortColumns.push(`«${unescapeHtml(name)}» ${read}/${count}`);
  }
  const uiMs = Date.now() - uiStarted;

  return {
    wallMs: Date.now() - started,
    apiMs,
    uiMs,
    requests,
    status429,
    records: { active: active.size, archived: archived.size, uiArchivedLeads: uiIds.size, boardCountSum },
    shortColumns,
  };
}
