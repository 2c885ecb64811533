/**
 * What an Altegio answer means (contract §1, §2, §3): data, or a named error. The sign-in page or
 * other HTML where JSON was due, 401/402/403, `success:false` under 200, a bare v1 array, JSON
 * without `data`: each is an error, and nothing of that answer is used. Pure.
 */
import type { CrmError } from '../../errors';
import { altegioError, shapeOf } from './errors';

export interface HttpReply {
  status: number;
  /** The final URL (after redirects). */
  url: string;
  contentType: string;
  text: string;
}

/** Who asked: the page's session (cookie or page token) or the API's tokens. */
export type Via = 'page' | 'api';

export function isSigninPage(r: HttpReply): boolean {
  try {
    return new URL(r.url).pathname.startsWith('/signin');
  } catch {
    return false;
  }
}

export function parseJson(r: HttpReply): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(r.text) };
  } catch {
    return { ok: false };
  }
}

function metaMessage(v: unknown): string {
  const meta = (v as { meta?: { message?: unknown } } | null)?.meta;
  return typeof meta?.message === 'string' ? meta.message.slice(0, 200) : '';
}

function diagnostics(what: string, r: HttpReply, body?: unknown): unknown {
  return { route: what, status: r.status, contentType: r.contentType, length: r.text.length, shape: body === undefined ? undefined : shapeOf(body) };
}

/** The named error of a refused or broken answer, or null when it is a 2xx JSON answer. */
export function failureOf(r: HttpReply, what: string, via: Via): CrmError | null {
  if (isSigninPage(r)) return altegioError('session-expired');
  const json = parseJson(r);
  const message = json.ok ? metaMessage(json.value) : '';
  if (r.status === 401) return via === 'page' ? altegioError('session-expired') : altegioError('api-key-rejected', message || what);
  if (r.status === 402 || (r.status === 403 && /лиценз|licen[cs]e/i.test(message))) return altegioError('licence-expired', message || what);
  if (r.status === 403) return altegioError('no-rights', message || what);
  if (r.status < 200 || r.status > 299)
    return altegioError('malformed-response', `${what}: HTTP ${r.status}${message ? ` ${message}` : ''}`, diagnostics(what, r));
  if (!json.ok) {
    const html = /html/i.test(r.contentType) || /^\s*</.test(r.text);
    return altegioError('malformed-response', `${what}: ${html ? 'a page' : 'text that is not JSON'} instead of JSON`, diagnostics(what, r));
  }
  return null;
}

export interface Enveloped {
  data: unknown;
  meta: Record<string, unknown>;
}

/** The v2 envelope's data and meta; `bare` accepts a v1 answer (no envelope) as the data itself. */
export function envelopeOf(r: HttpReply, what: string, via: Via, bare = false): Enveloped {
  const failure = failureOf(r, what, via);
  if (failure) throw failure;
  const body = (parseJson(r) as { value: unknown }).value;
  if (Array.isArray(body) || (body && typeof body === 'object' && !('success' in body))) {
    if (bare) return { data: body, meta: {} };
    throw altegioError('malformed-response', `${what}: an answer without the v2 envelope`, diagnostics(what, r, body));
  }
  const env = body as { success?: unknown; data?: unknown; meta?: unknown };
  if (env?.success !== true) {
    throw altegioError('malformed-response', `${what}: success is not true${metaMessage(env) ? ` (${metaMessage(env)})` : ''}`, diagnostics(what, r, body));
  }
  if (env.data === undefined || env.data === null) throw altegioError('malformed-response', `${what}: no data`, diagnostics(what, r, body));
  const meta = env.meta && typeof env.meta === 'object' && !Array.isArray(env.meta) ? (env.meta as Record<string, unknown>) : {};
  return { data: env.data, meta };
}

/** `meta.total_count` as a count, or null. */
export function totalOf(meta: Record<string, unknown>): number | null {
  const t = Number(meta.total_count);
  return Number.isSafeInteger(t) && t >= 0 ? t : null;
}
