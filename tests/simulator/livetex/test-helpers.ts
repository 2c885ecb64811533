/** Plain-HTTP helpers for the LiveTex simulator's own tests. */
import { EXTENSION_FIELDS } from './render';
import type { EmployeeKey, LivetexSimulator } from './types';

export interface HttpReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  text: string;
  /** null when the body is not JSON. */
  json: T;
}

export type Row = Record<string, unknown>;
export interface ListBody {
  total: number;
  results: Row[];
}

async function reply<T>(res: Response): Promise<HttpReply<T>> {
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json: json as T };
}

/** GET on the Web API; `path` may carry a query string. */
export async function apiGet<T = Record<string, unknown>>(
  sim: LivetexSimulator,
  path: string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<HttpReply<T>> {
  const h: Record<string, string> = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  return reply<T>(await fetch(sim.apiUrl + path, { headers: h }));
}

/** POST on the Web API with a form (urlencoded unless a FormData), JSON text, or nothing. */
export async function apiPost<T = Record<string, unknown>>(
  sim: LivetexSimulator,
  path: string,
  body?: Record<string, string> | FormData | string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<HttpReply<T>> {
  const h: Record<string, string> = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  let payload: string | FormData | undefined;
  if (body instanceof FormData || typeof body === 'string') payload = body;
  else if (body) {
    payload = new URLSearchParams(body).toString();
    h['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  return reply<T>(await fetch(sim.apiUrl + path, { method: 'POST', body: payload, headers: h }));
}

/** A token for the employee, by the multipart password grant (as the contract observes). */
export async function tokenFor(sim: LivetexSimulator, who: EmployeeKey, origin?: string): Promise<string> {
  const e = sim.employees[who];
  const fd = new FormData();
  fd.append('grant_type', 'password');
  fd.append('username', e.email);
  fd.append('password', e.password);
  const r = await apiPost<{ results: { access_token: string } }>(sim, '/oauth2/token', fd, undefined, origin ? { Origin: origin } : {});
  if (r.status !== 200) throw new Error(`token for ${who}: ${r.status} ${r.text}`);
  return r.json.results.access_token;
}

export const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

/** A pull as the extension makes it: created_at:a pages of 100 with every field, until offset ≥ total. */
export async function pullAll(sim: LivetexSimulator, token: string, fields = EXTENSION_FIELDS): Promise<{ rows: Row[]; totals: number[]; requests: number }> {
  const rows: Row[] = [];
  const totals: number[] = [];
  let requests = 0;
  for (let offset = 0; requests < 1000;) {
    const r = await apiGet<ListBody>(sim, `/leads/list?${q({ sort: 'created_at:a', limit: 100, offset, fields })}`, token);
    requests++;
    if (r.status !== 200) throw new Error(`offset ${offset}: ${r.status} ${r.text}`);
    totals.push(r.json.total);
    rows.push(...r.json.results);
    offset += r.json.results.length;
    if (offset >= r.json.total || !r.json.results.length) return { rows, totals, requests };
  }
  throw new Error('the pull did not end');
}

/** Control endpoint call (JSON in and out). */
export async function control<T = Record<string, unknown>>(sim: LivetexSimulator, path: string, body?: unknown): Promise<HttpReply<T>> {
  const init: RequestInit = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
  return reply<T>(await fetch(sim.apiUrl + path, init));
}

export const NO_LIMITS = { rateLimitPerSecond: 0, rateLimitPerMinute: 0 } as const;
/** `2014-12-17T15:35:48`: Moscow time, no offset. */
export const MSK_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
