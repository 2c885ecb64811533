/**
 * The CRM tab's reads of contract §2.3, one request each: definitions (JSON with the page token,
 * else the client window's two tabs), a search page (ids and the fields only search has), a bulk
 * list page (full cards) and one client's card (`getClientInfo`).
 */
import type { CrmError } from '../../errors';
import { envelopeOf, failureOf, isSigninPage, parseJson, totalOf, type HttpReply } from './answers';
import { definitionsFromJson, definitionsFromTab, unique, type FieldDef } from './definitions';
import { altegioError, shapeOf } from './errors';
import type { PageAnswer } from './pager';
import { rowsOf } from './rows';
import type { WebClient } from './web-client';

/** What the search asks for: the id set, and the fields no other route has. */
export const SEARCH_FIELDS = ['id', 'name', 'first_visit_date', 'last_visit_date', 'sold_amount', 'visits_count'];
export const PAGE_SIZE = 200;

const TABS = ['tab_by_window', 'tab_not_by_window'];

export async function fetchDefinitions(web: WebClient, cid: number, parse: (html: string) => Document): Promise<FieldDef[] | null> {
  const json = await web.request(`/api/v1/custom_fields/client/${cid}`, { token: true });
  if (isSigninPage(json)) throw failureOf(json, 'custom fields', 'page')!;
  try {
    const defs = definitionsFromJson(envelopeOf(json, 'custom fields', 'page', true).data);
    if (defs) return defs;
  } catch (e) {
    if ((e as CrmError).code === 'session-expired' || (e as CrmError).code === 'licence-expired') throw e;
  }
  const defs: FieldDef[] = [];
  for (const tab of TABS) {
    const r = await web.request(`/custom_fields_salon/resource/${tab}/${cid}/client/0/is_show_ui_window_client`, { accept: 'application/json' });
    const failure = failureOf(r, 'custom fields tab', 'page');
    if (failure?.code === 'session-expired') throw failure;
    const content = failure ? undefined : (parseJson(r) as { value: { data?: { content?: unknown } } }).value?.data?.content;
    if (typeof content !== 'string') return null;
    defs.push(...definitionsFromTab(parse(content)));
  }
  return unique(defs);
}

export async function fetchSearchPage(web: WebClient, cid: number, page: number, size: number): Promise<PageAnswer> {
  const body = { page, page_size: size, fields: SEARCH_FIELDS, order_by: 'id', order_by_direction: 'ASC' };
  const r = await web.request(`/api/v1/company/${cid}/clients/search`, { method: 'POST', body, token: true });
  const env = envelopeOf(r, 'client search', 'page');
  return { rows: rowsOf(env.data, 'id', 'client search'), total: totalOrThrow(env.meta, 'client search') };
}

function listPath(cid: number, page: number, size: number, since?: string): string {
  const q = new URLSearchParams({ page: String(page), count: String(size) });
  if (since) q.set('changed_after', since);
  return `/api/v1/clients/${cid}?${q}`;
}

function listAnswer(r: HttpReply): PageAnswer {
  const env = envelopeOf(r, 'client list', 'page');
  return { rows: rowsOf(env.data, 'id', 'client list'), total: totalOrThrow(env.meta, 'client list') };
}

export async function fetchListPage(web: WebClient, cid: number, page: number, size: number, since?: string): Promise<PageAnswer> {
  return listAnswer(await web.request(listPath(cid, page, size, since), { token: true }));
}

/**
 * The first bulk-list page, as the probe of whether the page token may read it (contract §2.3):
 * null when it may not (401/403/404, a page, no envelope, rows without custom fields).
 */
export async function probeList(web: WebClient, cid: number, since?: string): Promise<PageAnswer | null> {
  const r = await web.request(listPath(cid, 1, PAGE_SIZE, since), { token: true });
  const failure = failureOf(r, 'client list', 'page');
  if (isSigninPage(r) || failure?.code === 'licence-expired') throw failure;
  let answer: PageAnswer;
  try {
    answer = listAnswer(r);
  } catch {
    return null;
  }
  if (answer.rows.length && !answer.rows.some((row) => 'custom_fields' in row)) return null;
  return answer;
}

/** One client's card through the session, as received; null when it is gone (404). */
export async function fetchClientInfo(web: WebClient, cid: number, id: number): Promise<Record<string, unknown> | null> {
  const r = await web.request(`/clients/getClientInfo/${id}`, { accept: 'application/json' });
  if (r.status === 404 && !isSigninPage(r)) return null;
  const failure = failureOf(r, 'client card', 'page');
  if (failure) throw failure;
  const body = (parseJson(r) as { value: unknown }).value;
  const row = body as Record<string, unknown> | null;
  if (!row || typeof row !== 'object' || Array.isArray(row) || Number(row.client_id) !== id) {
    throw altegioError('malformed-response', `client card ${id}: not that client's card`, { route: 'client card', shape: shapeOf(body) });
  }
  const agreements = row.client_agreements as { salon_id?: unknown; company_id?: unknown } | undefined;
  for (const where of [agreements?.salon_id, agreements?.company_id]) {
    if (where !== undefined && where !== null && Number(where) !== cid) throw altegioError('malformed-response', `client card ${id}: of another location`);
  }
  return row;
}

function totalOrThrow(meta: Record<string, unknown>, what: string): number {
  const t = totalOf(meta);
  if (t === null) throw altegioError('malformed-response', `${what}: no total_count`, { route: what, meta: shapeOf(meta) });
  if (t > 1_000_000) throw altegioError('malformed-response', `${what}: ${t} clients claimed`);
  return t;
}
