/**
 * Bearer tokens (contract §1.1): issued by /oauth2/token, revoked by logout, expiring by the
 * lifetime knob (judged against the value in force now) and, for session tokens, by the session
 * knobs. Also the sliding windows the rate limit (§1.6) uses.
 */
import { randomBytes } from 'node:crypto';
import type { LivetexKnobs } from './types';

export interface TokenRecord {
  token: string;
  employeeId: number;
  issuedAt: number;
  /** Requests it has served since issue. */
  requests: number;
  /** Issued to the cabinet's origin (a browser session) rather than to another client. */
  cabinet: boolean;
}

export class Tokens {
  private readonly live = new Map<string, TokenRecord>();

  issue(employeeId: number, cabinet: boolean, now = Date.now()): TokenRecord {
    const rec: TokenRecord = { token: randomBytes(20).toString('hex'), employeeId, issuedAt: now, requests: 0, cabinet };
    this.live.set(rec.token, rec);
    return rec;
  }

  /** The token's record when it may be used now (and counts the use), else null (401). */
  use(token: string | undefined, k: LivetexKnobs, now = Date.now()): TokenRecord | null {
    const rec = token ? this.live.get(token) : undefined;
    if (!rec) return null;
    const session = rec.cabinet || k.sessionExpiryScope === 'all';
    const expired =
      now - rec.issuedAt >= k.tokenLifetimeSec * 1000 ||
      (session && k.sessionExpiresAfterRequests !== null && rec.requests >= k.sessionExpiresAfterRequests) ||
      (session && k.sessionExpiresAfterSec !== null && now - rec.issuedAt >= k.sessionExpiresAfterSec * 1000);
    if (expired) {
      // Gone for good: raising a knob later does not bring it back.
      this.live.delete(rec.token);
      return null;
    }
    rec.requests++;
    return rec;
  }

  revoke(token: string): boolean {
    return this.live.delete(token);
  }

  /** Revokes every token of the employee (or all when null); returns how many. */
  revokeEmployee(employeeId: number | null): number {
    let n = 0;
    for (const rec of Array.from(this.live.values())) {
      if (employeeId === null || rec.employeeId === employeeId) n += this.live.delete(rec.token) ? 1 : 0;
    }
    return n;
  }
}

/** Accepted requests per key in a sliding window; a refused request is not counted. */
export class SlidingLimit {
  private readonly accepted = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  private recent(key: string, now: number): number[] {
    const list = (this.accepted.get(key) ?? []).filter((t) => t > now - this.windowMs);
    this.accepted.set(key, list);
    return list;
  }

  /** Whether one more request fits under `limit` (0 = unlimited); does not count it. */
  fits(key: string, limit: number, now: number): boolean {
    return limit <= 0 || this.recent(key, now).length < limit;
  }

  add(key: string, now: number): void {
    this.recent(key, now).push(now);
  }
}

/** Most arrivals seen per key in any window of the given length. */
export class WindowMax {
  private readonly seen = new Map<string, number[]>();
  readonly max: Record<string, number> = {};

  constructor(private readonly windowMs: number) {}

  record(key: string, now: number): void {
    const list = (this.seen.get(key) ?? []).filter((t) => t > now - this.windowMs);
    list.push(now);
    this.seen.set(key, list);
    this.max[key] = Math.max(this.max[key] ?? 0, list.length);
  }
}
