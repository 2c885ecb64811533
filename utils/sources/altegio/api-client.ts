/**
 * Altegio's public API from the background (contract §1): `Bearer <partner>, User <user>`, the v2
 * envelope always asked for, every request under the backend's shared pace (pace.ts), answers
 * checked (answers.ts). The password is only ever sent once, to exchange it for the user token.
 */
import { CrmError } from '../../errors';
import { envelopeOf, totalOf, type Enveloped, type HttpReply } from './answers';
import { altegioError } from './errors';
import type { PageAnswer } from './pager';
import { pacerFor, takeTurn } from './pace';
import type { PaceReport } from '../../engine/source';
import { retryAfterMs } from './retry-after';
import { rowsOf } from './rows';
import { V2_ACCEPT } from './web-client';
import { SEARCH_FIELDS } from './web-reads';

const HOLDER = 'api';
/** No answer of Altegio's comes near this (200 clients a page): a larger one is refused unread. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface ApiEndpoint {
  apiOrigin: string;
  /** The web origin whose backend's pace the requests share. */
  webOrigin: string;
  fetch?: typeof fetch;
}

/** One request under the pace; a 429 waits and goes again, other answers are checked. */
async function send(at: ApiEndpoint, path: string, init: { method: 'GET' | 'POST'; body?: unknown; auth: string }, what: string): Promise<Enveloped> {
  const pacer = pacerFor(at.webOrigin);
  const fetchImpl = at.fetch ?? ((...a) => fetch(...a));
  let last: PaceReport['last'];
  for (;;) {
    await takeTurn(pacer, HOLDER, last);
    let res: Response;
    try {
      res = await fetchImpl(`${at.apiOrigin}/api/v1${path}`, {
        method: init.method,
        headers: { Authorization: init.auth, Accept: V2_ACCEPT, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'omit',
        // A redirect would carry the tokens to wherever it points: never followed.
        redirect: 'manual',
      });
    } catch (e) {
      pacer.report(HOLDER, { outcome: 'error' });
      throw new CrmError('network', `${what}: ${(e as Error).message}`);
    }
    if (res.status === 429) {
      const wait = retryAfterMs(res.headers.get('Retry-After'));
      last = wait === null ? { outcome: 'refused' } : { outcome: 'refused', retryAfterMs: wait };
      await res.body?.cancel();
      continue;
    }
    pacer.report(HOLDER, { outcome: 'ok' });
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) throw altegioError('malformed-response', `${what}: a redirect, not followed`);
    if (Number(res.headers.get('Content-Length')) > MAX_BODY_BYTES) throw altegioError('malformed-response', `${what}: an answer over ${MAX_BODY_BYTES} bytes`);
    const reply: HttpReply = { status: res.status, url: res.url, contentType: res.headers.get('Content-Type') ?? '', text: await res.text() };
    return envelopeOf(reply, what, 'api');
  }
}

/** `POST /auth` with the partner half only: the user token for a login and password. */
export async function exchangePassword(at: ApiEndpoint, partner: string, login: string, password: string): Promise<string> {
  const env = await send(at, '/auth', { method: 'POST', body: { login, password }, auth: `Bearer ${partner}` }, 'sign-in');
  const token = (env.data as { user_token?: unknown }).user_token;
  if (typeof token !== 'string' || !token) throw altegioError('malformed-response', 'sign-in: no user token');
  return token;
}

export class AltegioApiClient {
  /** Rows a bulk-list page really holds (the CRM may serve fewer than asked). */
  listSize = 200;

  constructor(
    readonly at: ApiEndpoint,
    private readonly userToken: string,
    private readonly partner: () => Promise<string>,
  ) {}

  private async call(path: string, what: string, body?: unknown): Promise<Enveloped> {
    const partner = await this.partner();
    if (!partner) throw new CrmError('api-not-configured', 'no Altegio partner token: set it in the options');
    return send(this.at, path, { method: body === undefined ? 'GET' : 'POST', body, auth: `Bearer ${partner}, User ${this.userToken}` }, what);
  }

  async definitions(cid: number): Promise<unknown> {
    return (await this.call(`/custom_fields/client/${cid}`, 'custom fields')).data;
  }

  async searchPage(cid: number, page: number, size: number): Promise<PageAnswer> {
    const env = await this.call(`/company/${cid}/clients/search`, 'client search', {
      page,
      page_size: size,
      fields: SEARCH_FIELDS,
      order_by: 'id',
      order_by_direction: 'ASC',
    });
    return { rows: rowsOf(env.data, 'id', 'client search'), total: total(env.meta, 'client search') };
  }

  async listPage(cid: number, page: number, size: number, since?: string): Promise<PageAnswer> {
    const q = new URLSearchParams({ page: String(page), count: String(size) });
    if (since) q.set('changed_after', since);
    const env = await this.call(`/clients/${cid}?${q}`, 'client list');
    return { rows: rowsOf(env.data, 'id', 'client list'), total: total(env.meta, 'client list') };
  }
}

function total(meta: Record<string, unknown>, what: string): number {
  const t = totalOf(meta);
  if (t === null || t > 1_000_000) throw altegioError('malformed-response', `${what}: no usable total_count`);
  return t;
}
