/**
 * Pacing and backoff of contract §1.6, for every request of one LiveTex account (all its
 * identities share the limit): one request in flight, starts at least `gapMs` apart (≤ 2 per
 * second), a 429 waits its Retry-After, else 2 s doubling to 60 s. Network failures and 5xx are
 * tried again the same way a few times. Clock and sleep are injectable for tests.
 */
import { CrmError } from '../../errors';

export interface PacerOptions {
  /** Least time between two request starts; 550 ms keeps under 2/s and 120/min with room. */
  gapMs?: number;
  /** 429s one request may meet before it fails as rate limited. */
  maxRateLimited?: number;
  /** Network failures and 5xx one request may meet before its answer is taken as it is. */
  maxTransient?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** 2 s, 4 s, 8 s … at most 60 s, for the `n`th wait (from 1). */
export function backoffMs(n: number): number {
  return Math.min(2000 * 2 ** Math.max(n - 1, 0), 60_000);
}

/** A Retry-After header (seconds or an HTTP date) in ms, at most 120 s; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header == null || header.trim() === '') return null;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, 120_000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.min(Math.max(date - now, 0), 120_000) : null;
}

export class Pacer {
  readonly gapMs: number;
  private readonly maxRateLimited: number;
  private readonly maxTransient: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The request in flight (and those queued before it), so the next waits for it. */
  private tail: Promise<unknown> = Promise.resolve();
  private lastStart = -Infinity;
  /** Requests sent, 429s met (for tests and the benchmark). */
  sent = 0;
  rateLimited = 0;

  constructor(opts: PacerOptions = {}) {
    this.gapMs = opts.gapMs ?? 550;
    this.maxRateLimited = opts.maxRateLimited ?? 8;
    this.maxTransient = opts.maxTransient ?? 3;
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Sends once its turn comes, alone; answers other than 429 and 5xx are the caller's. */
  run(send: () => Promise<Response>): Promise<Response> {
    const turn = this.tail.then(() => this.attempts(send));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async attempts(send: () => Promise<Response>): Promise<Response> {
    let limited = 0;
    let transient = 0;
    for (;;) {
      await this.slot();
      let res: Response;
      try {
        res = await send();
      } catch (e) {
        // fetch fails with a TypeError when the connection does: only that is tried again.
        if (!(e instanceof TypeError)) throw e;
        if (++transient > this.maxTransient) throw new CrmError('network', (e as Error).message);
        await this.sleep(backoffMs(transient));
        continue;
      }
      if (res.status === 429) {
        this.rateLimited++;
        void res.body?.cancel().catch(() => undefined);
        if (++limited > this.maxRateLimited) throw new CrmError('rate-limited', `HTTP 429 ${limited} times in a row`);
        await this.sleep(retryAfterMs(res.headers.get('Retry-After'), this.now()) ?? backoffMs(limited));
        continue;
      }
      if (res.status >= 500 && transient < this.maxTransient) {
        transient++;
        void res.body?.cancel().catch(() => undefined);
        await this.sleep(backoffMs(transient));
        continue;
      }
      return res;
    }
  }

  /** Waits until `gapMs` after the last start, then claims the slot. */
  private async slot(): Promise<void> {
    const wait = this.lastStart + this.gapMs - this.now();
    if (wait > 0) await this.sleep(wait);
    this.lastStart = this.now();
    this.sent++;
  }
}
