/**
 * AlfaCRM API v2 client (contract §1): token login renewed on 401, one paced queue per account that
 * spaces requests under the rate limit, 429/5xx retried honouring Retry-After, responses
 * validated with zod. Runs in the background only: it is the one place the API key is used.
 */
import PQueue from 'p-queue';
import pRetry, { AbortError } from 'p-retry';
import type { z } from 'zod';
import { CrmError } from '../../errors';
import { loginResponse, yiiError } from './api-schemas';

export interface ApiCredentials {
  origin: string;
  email: string;
  apiKey: string;
}

export interface ApiClientOptions {
  /** Requests per second the client allows itself (the CRM's limit is about 5). */
  ratePerSecond?: number;
  concurrency?: number;
  retries?: number;
  fetch?: typeof fetch;
  /** Persisted token cache (session storage in the extension). */
  tokenCache?: { get(): Promise<string | null>; set(token: string | null): Promise<void> };
  /** Called for every request sent (stats, keep-alive). */
  onRequest?: (path: string) => void;
  /** Called for every 429, with the wait it asked for. */
  onRateLimited?: (waitMs: number) => void;
  /** How long 429s may keep a request retrying before it fails as rate-limited. */
  maxRetryTimeMs?: number;
}

/** No API answer of AlfaCRM comes near this; a larger body is refused, not read into memory. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** 429s in a row after which the client stops asking (each waited its Retry-After or a backoff). */
export const MAX_RATE_LIMITED_IN_A_ROW = 8;

class RetryableError extends Error {
  constructor(
    message: string,
    readonly rateLimited = false,
  ) {
    super(message);
  }
}

export class AlfaApiClient {
  readonly queue: PQueue;
  private token: string | null = null;
  /** Until when a 429's Retry-After holds every request back (epoch ms). */
  private blockedUntil = 0;
  /** When the last request went out, and the spacing between requests. */
  private lastSent = -Infinity;
  private gapMs: number;
  private readonly baseGapMs: number;
  private login: Promise<string> | null = null;
  /** 429s since the last answer that was not one. */
  private refusedInARow = 0;
  private readonly fetchImpl: typeof fetch;
  private readonly retries: number;

  constructor(
    private readonly creds: ApiCredentials,
    private readonly opts: ApiClientOptions = {},
  ) {
    const rate = opts.ratePerSecond ?? 5;
    // Slots a little wider than 1/rate, so that a sliding one-second window on the server
    // never sees rate+1 requests because of timer jitter.
    this.baseGapMs = Math.ceil((1000 / rate) * 1.04);
    this.gapMs = this.baseGapMs;
    this.queue = new PQueue({ concurrency: opts.concurrency ?? 4 });
    this.fetchImpl = opts.fetch ?? ((...a) => fetch(...a));
    this.retries = opts.retries ?? 6;
  }

  /** POST `path` (e.g. `/v2api/1/customer/index`) and validate the body with `schema`. */
  async post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    return pRetry(() => this.queue.add(() => this.once(path, body, schema)), {
      retries: this.retries,
      minTimeout: 300,
      factor: 2,
      // A 429 already waited its Retry-After: it costs no retry, only time (maxRetryTime).
      maxRetryTime: this.opts.maxRetryTimeMs ?? 180_000,
      shouldConsumeRetry: ({ error }) => !(error instanceof RetryableError && error.rateLimited),
      shouldRetry: ({ error }) => error instanceof RetryableError,
    }).catch((e: unknown) => {
      if (e instanceof RetryableError) throw new CrmError('rate-limited', e.message);
      throw e;
    });
  }

  private async once<S extends z.ZodType>(path: string, body: unknown, schema: S, renewed = false): Promise<z.infer<S>> {
    const token = await this.getToken();
    const res = await this.send(path, body, { 'X-ALFACRM-TOKEN': token });
    if (res.status === 401 && !renewed) {
      await this.setToken(null);
      return this.once(path, body, schema, true);
    }
    if (res.status === 401 || res.status === 403) throw new AbortError(new CrmError('api-key-rejected'));
    const data = await this.readJson(res, path);
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new AbortError(new CrmError('malformed-response', `${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`));
    }
    return parsed.data;
  }

  private async send(path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    await this.pace();
    this.opts.onRequest?.(path);
    let res: Response;
    try {
      res = await this.fetchImpl(this.creds.origin + path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
        body: JSON.stringify(body ?? {}),
        credentials: 'omit',
        // A redirect would carry the key (or the token) to wherever it points: never followed.
        redirect: 'manual',
      });
    } catch (e) {
      throw new RetryableError(`network: ${(e as Error).message}`);
    }
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      throw new AbortError(new CrmError('malformed-response', `${path}: the CRM answered with a redirect, which is not followed`));
    }
    if (res.status === 429) {
      if (++this.refusedInARow > MAX_RATE_LIMITED_IN_A_ROW) {
        throw new AbortError(new CrmError('rate-limited', `${path}: ${this.refusedInARow - 1} refusals in a row`));
      }
      const wait = retryAfterMs(res.headers.get('Retry-After'), this.refusedInARow);
      // The limit is per account: no request of this client goes out before Retry-After ends.
      this.blockedUntil = Math.max(this.blockedUntil, Date.now() + wait);
      // The CRM allows less than we assumed: space requests wider from now on.
      this.gapMs = Math.min(this.gapMs * 1.5, 2000);
      this.opts.onRateLimited?.(wait);
      throw new RetryableError(`429 on ${path}`, true);
    }
    this.refusedInARow = 0;
    if (res.status >= 500) throw new RetryableError(`${res.status} on ${path}`);
    this.gapMs = Math.max(this.baseGapMs, this.gapMs * 0.98);
    return res;
  }

  /**
   * Waits for this request's slot: one request per gap, none while a Retry-After runs. After a
   * Retry-After the waiting requests leave one gap apart, not all at once.
   */
  /**
   * Waits until `gapMs` after the last request actually sent (and past any Retry-After). The
   * check and the claim are one synchronous step, so waiters woken together go one at a time,
   * and a timer that fired late (a busy worker) delays the next request instead of bunching it.
   */
  private async pace(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const slot = Math.max(now, this.lastSent + this.gapMs, this.blockedUntil);
      if (slot <= now) {
        this.lastSent = now;
        return;
      }
      await new Promise((r) => setTimeout(r, slot - now));
    }
  }

  private async readJson(res: Response, path: string): Promise<unknown> {
    const text = await readLimited(res, MAX_BODY_BYTES, path);
    try {
      const data: unknown = JSON.parse(text);
      if (!res.ok) {
        const err = yiiError.safeParse(data);
        const what = err.success ? `${err.data.name}: ${err.data.message}` : `HTTP ${res.status}`;
        throw new AbortError(new CrmError('malformed-response', `${path}: ${what}`));
      }
      return data;
    } catch (e) {
      if (e instanceof AbortError) throw e;
      throw new AbortError(new CrmError('malformed-response', `${path}: not JSON (HTTP ${res.status})`));
    }
  }

  private async getToken(): Promise<string> {
    if (this.token) return this.token;
    const cached = await this.opts.tokenCache?.get();
    if (cached) return (this.token = cached);
    this.login ??= this.doLogin().finally(() => (this.login = null));
    return this.login;
  }

  private async doLogin(): Promise<string> {
    if (!this.creds.email || !this.creds.apiKey) throw new AbortError(new CrmError('api-not-configured'));
    const res = await this.send('/v2api/auth/login', { email: this.creds.email, api_key: this.creds.apiKey }, {});
    if (res.status === 401 || res.status === 403) throw new AbortError(new CrmError('api-key-rejected'));
    const parsed = loginResponse.safeParse(await this.readJson(res, '/v2api/auth/login'));
    if (!parsed.success) throw new AbortError(new CrmError('malformed-response', 'auth/login'));
    await this.setToken(parsed.data.token);
    return parsed.data.token;
  }

  private async setToken(token: string | null): Promise<void> {
    this.token = token;
    await this.opts.tokenCache?.set(token);
  }
}

/**
 * The wait a 429 asks for: its Retry-After (seconds or a date), else a backoff that doubles with
 * each refusal in a row (1.5 s, 3 s, 6 s … 60 s). `Number(null)` is 0: a missing header is not a zero wait.
 */
export function retryAfterMs(header: string | null, inARow = 1): number {
  const backoff = Math.min(1500 * 2 ** Math.max(inARow - 1, 0), 60_000);
  if (header === null || header.trim() === '') return backoff;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs, 120) * 1000 + 50;
  const date = Date.parse(header);
  if (Number.isFinite(date)) return Math.min(Math.max(date - Date.now(), 0), 120_000) + 50;
  return backoff;
}

/** The body as text, refused (named, not read on) past `limit` bytes. */
export async function readLimited(res: Response, limit: number, path: string): Promise<string> {
  const tooLarge = () => new AbortError(new CrmError('malformed-response', `${path}: the answer is larger than ${limit} bytes`));
  if (Number(res.headers.get('Content-Length') ?? 0) > limit) throw tooLarge();
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) all.set(c, (at += c.byteLength) - c.byteLength);
  return new TextDecoder().decode(all);
}
