/**
 * The CRM tab's requests to its own origin, with the page's session: same-origin fetches (the
 * cookie goes along) and `/api/v1/…` with the page token. Every request waits for its turn under
 * the shared pace (the background keeps it) and reports how it went; a 429 is retried after the
 * wait the pace sets. Runs in the content script only.
 */
import { CrmError } from '../../errors';
import type { PaceReport, TabReadIo } from '../../engine/source';
import type { HttpReply } from './answers';
import { altegioError } from './errors';
import { retryAfterMs } from './retry-after';

export const V2_ACCEPT = 'application/vnd.api.v2+json';

export interface WebRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Send the page token (for `/api/v1/…`). */
  token?: boolean;
  accept?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A long wait (a Retry-After) is asked again in steps: each ask tells the background the tab still reads. */
const MAX_SLEEP_MS = 20_000;

export class WebClient {
  private last: PaceReport['last'];
  /** Requests sent (refused ones included): the count diagnostics and tests look at. */
  sent = 0;

  constructor(
    private readonly origin: string,
    private readonly pageToken: string,
    private readonly io: Pick<TabReadIo, 'pace'>,
    private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
  ) {}

  async request(path: string, req: WebRequest = {}): Promise<HttpReply> {
    for (;;) {
      await this.turn();
      const headers: Record<string, string> = { Accept: req.accept ?? V2_ACCEPT };
      if (req.token) headers.Authorization = `Bearer ${this.pageToken}`;
      if (req.body !== undefined) headers['Content-Type'] = 'application/json';
      let res: Response;
      this.sent++;
      try {
        res = await this.fetchImpl(this.origin + path, {
          method: req.method ?? 'GET',
          headers,
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          credentials: 'same-origin',
        });
      } catch (e) {
        this.last = { outcome: 'error' };
        throw new CrmError('network', `${path}: ${(e as Error).message}`);
      }
      if (res.status === 429) {
        const wait = retryAfterMs(res.headers.get('Retry-After'));
        this.last = wait === null ? { outcome: 'refused' } : { outcome: 'refused', retryAfterMs: wait };
        await res.body?.cancel();
        continue;
      }
      this.last = { outcome: 'ok' };
      return { status: res.status, url: res.url || this.origin + path, contentType: res.headers.get('Content-Type') ?? '', text: await res.text() };
    }
  }

  /** The turn is given back (the read is over, or failed). */
  async end(): Promise<void> {
    const last = this.last;
    this.last = undefined;
    if (last) await this.io.pace?.({ last, want: false }).catch(() => undefined);
  }

  private async turn(): Promise<void> {
    let report: PaceReport = { last: this.last, want: true };
    this.last = undefined;
    for (;;) {
      // A tab without the background's pace (tests) is not held back.
      const wait = (await this.io.pace?.(report)) ?? 0;
      if (wait <= 0) return;
      await sleep(Math.min(wait, MAX_SLEEP_MS));
      report = { want: true };
    }
  }
}

/** The page token of the page (`ms.auth.user_partner_token = '…'` in `<head>`), or a named error. */
export function pageTokenOf(doc: Document): string {
  const m = /ms\.auth\.user_partner_token\s*=\s*(['"])([^'"\s]{8,200})\1/.exec(doc.head?.innerHTML ?? '');
  if (!m) {
    const scripts = doc.head ? doc.head.querySelectorAll('script').length : 0;
    throw altegioError('layout-not-recognised', 'no page token in the page', { headScripts: scripts, app: !!doc.querySelector('#clients-base-app') });
  }
  return m[2];
}
