/** API tokens (32 hex, limited lifetime) and the per-account sliding-window rate limit. */
import { randomBytes } from 'node:crypto';

export class Tokens {
  /** token → [issued at, requests served] */
  private readonly issued = new Map<string, [number, number]>();

  issue(): string {
    const t = randomBytes(16).toString('hex');
    this.issued.set(t, [Date.now(), 0]);
    return t;
  }

  /**
   * Whether the token is known and younger than the lifetime in force now. Lifetime 0 makes
   * tokens single-use (each serves one request: every call needs a new login). An expired
   * token is forgotten, so raising the lifetime later does not bring it back.
   */
  valid(token: string | undefined, lifetimeSec: number): boolean {
    if (!token) return false;
    const entry = this.issued.get(token);
    if (!entry) return false;
    const expired = lifetimeSec <= 0 ? entry[1] > 0 : Date.now() - entry[0] >= lifetimeSec * 1000;
    if (expired) {
      this.issued.delete(token);
      return false;
    }
    entry[1]++;
    return true;
  }
}

/**
 * At most `limit` accepted requests in any 1000 ms (a limit below 1 means one request per
 * 1/limit seconds); rejected requests are not counted.
 */
export class RateLimiter {
  private accepted: number[] = [];
  /** Until when the last 429's Retry-After asked clients to wait. */
  private blockedUntil = 0;

  /** Whether a request now arrives before the last Retry-After has passed. */
  early(now = Date.now()): boolean {
    return now < this.blockedUntil;
  }

  /** 0 when accepted, else the whole seconds (≥ 1) to wait. */
  take(limit: number, now = Date.now()): number {
    if (limit <= 0) {
      this.blockedUntil = 0;
      return 0;
    }
    const capacity = Math.max(1, Math.floor(limit));
    const windowMs = limit < 1 ? 1000 / limit : 1000;
    let i = 0;
    while (i < this.accepted.length && this.accepted[i] <= now - windowMs) i++;
    if (i) this.accepted = this.accepted.slice(i);
    if (this.accepted.length >= capacity) {
      const wait = Math.max(1, Math.ceil((this.accepted[0] + windowMs - now) / 1000));
      this.blockedUntil = Math.max(this.blockedUntil, now + wait * 1000);
      return wait;
    }
    this.accepted.push(now);
    return 0;
  }
}
