/**
 * LiveTex's answers read and checked (contract §1.2, §3): the list and single envelopes, the
 * token, and the error bodies made named errors. Nothing from a rejected answer goes further; its
 * diagnostics are the answer's shape (keys and types, never values).
 */
import { z } from 'zod';
import { CrmError } from '../../errors';
import type { LeadRow } from './types';

/** Keys and types of a value, a few levels deep: what a diagnostics file may hold. */
export function shapeOf(value: unknown, depth = 3): unknown {
  if (Array.isArray(value)) return depth > 0 && value.length ? [shapeOf(value[0], depth - 1), `… ${value.length} items`] : `array(${value.length})`;
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  if (depth === 0) return 'object';
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v, depth - 1)]));
}

function malformed(what: string, why: string, shape?: unknown): CrmError {
  return new CrmError('malformed-response', `${what}: ${why}`, shape === undefined ? undefined : { what, shape });
}

/** A page of 100 leads with every text at its 2,000-character limit is well under 2 MB. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** A redirect would take the token where it points: it is refused, never followed (fetch has `redirect: 'manual'`). */
export function refuseRedirect(res: Response, what: string): void {
  if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) throw malformed(what, 'a redirect, not followed');
}

/** The body as text, read no further than `limit` bytes. */
async function boundedText(res: Response, what: string, limit: number): Promise<string> {
  const tooLarge = () => malformed(what, `an answer larger than ${limit} bytes`);
  if (Number(res.headers.get('Content-Length') ?? 0) > limit) throw tooLarge();
  const reader = res.body?.getReader();
  if (!reader) return res.text();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(part.value, { stream: true });
  }
  return text + decoder.decode();
}

/** The body as JSON, or a named error (HTML from a proxy, a cut-off answer, one far too large). */
export async function readJson(res: Response, what: string, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await boundedText(res, what, limit);
  try {
    return JSON.parse(text);
  } catch {
    const kind = /^\s*</.test(text) ? 'HTML' : text.length ? 'not JSON' : 'empty';
    throw malformed(what, `${kind} (HTTP ${res.status})`, { status: res.status, contentType: res.headers.get('Content-Type'), length: text.length });
  }
}

const errorBody = z.object({ message: z.string().optional(), errors: z.record(z.string(), z.unknown()).optional() }).passthrough();

/** A refused request as its named error: 403 forbidden for the role, 422 in LiveTex's own words. */
export function refusal(status: number, body: unknown, what: string, role: string): CrmError {
  const parsed = errorBody.safeParse(body);
  if (status === 403) return new CrmError('forbidden', `${role}: ${what}`);
  if (status === 422 && parsed.success) {
    const errors = Object.entries(parsed.data.errors ?? {}).map(([param, text]) => `${param}: ${Array.isArray(text) ? text.join('; ') : String(text)}`);
    return new CrmError('request-rejected', errors.length ? errors.join(', ') : (parsed.data.message ?? 'HTTP 422'));
  }
  const message = parsed.success && parsed.data.message ? ` ${parsed.data.message}` : '';
  return malformed(what, `HTTP ${status}${message}`, shapeOf(body));
}

const numeric = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,15}$/)]).transform(Number);
const listEnvelope = z.object({ total: numeric, results: z.array(z.record(z.string(), z.unknown())) });
const oneEnvelope = z.object({ results: z.record(z.string(), z.unknown()) });
const tokenEnvelope = z.object({ results: z.object({ access_token: z.string().min(1).max(4096), expires_in: z.number().optional() }) });

/** A Leads.list page: its rows (ids made numbers) and `total`. */
export function leadList(body: unknown, what: string): { rows: LeadRow[]; total: number } {
  const parsed = listEnvelope.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw malformed(what, `${issue?.path.join('.') || 'answer'} not as expected`, shapeOf(body));
  }
  const rows = parsed.data.results.map((r) => {
    const id = numeric.safeParse(r.id);
    if (!id.success || id.data === 0) throw malformed(what, 'a lead without a numeric id', shapeOf(r));
    return { ...r, id: id.data } as LeadRow;
  });
  return { rows, total: parsed.data.total };
}

/** A single result (`{"results":{…}}`). */
export function single(body: unknown, what: string): Record<string, unknown> {
  const parsed = oneEnvelope.safeParse(body);
  if (!parsed.success) throw malformed(what, 'results not an object', shapeOf(body));
  return parsed.data.results;
}

/** The access token of an `/oauth2/token` answer. */
export function accessToken(body: unknown): string {
  const parsed = tokenEnvelope.safeParse(body);
  if (!parsed.success) throw malformed('/oauth2/token', 'no access_token', shapeOf(body));
  return parsed.data.results.access_token;
}
