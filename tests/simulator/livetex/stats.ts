/** Request counters (control endpoints are never counted). */
import { WindowMax } from './tokens';
import type { LivetexStats } from './types';

export const ACCOUNT_ID = '1';

const empty = (): LivetexStats => ({
  total: 0,
  byRoute: {},
  byStatus: {},
  byEmployee: {},
  byToken: {},
  tokenEmployee: {},
  status401: 0,
  status429: 0,
  malformed: 0,
  maxPerSecondByToken: {},
  maxPerMinuteByAccount: {},
  maxPerMinuteByEmployee: {},
  maxPerSecond: 0,
  maxPerMinute: 0,
  retriesBeforeRetryAfter: 0,
});

const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

export class Stats {
  private s = empty();
  private perSecond = new WindowMax(1000);
  private perMinute = new WindowMax(60_000);
  private perMinuteEmployee = new WindowMax(60_000);
  /** token → until when its last 429 asked it to wait. */
  private waitUntil = new Map<string, number>();

  /** Every answered request, by route and status. */
  answered(route: string, status: number, malformed: boolean): void {
    const s = this.s;
    s.total++;
    bump(s.byRoute, route);
    bump(s.byStatus, String(status));
    if (status === 401) s.status401++;
    if (status === 429) s.status429++;
    if (malformed) s.malformed++;
  }

  /** A Web API request carrying a token (valid or not): the per-token window and early retries. */
  tokenSeen(token: string, now: number): void {
    bump(this.s.byToken, token);
    this.perSecond.record(token, now);
    if (now < (this.waitUntil.get(token) ?? 0)) this.s.retriesBeforeRetryAfter++;
  }

  /** A request attributed to an employee (token or Basic credentials accepted). */
  employeeSeen(employeeId: number, now: number): void {
    bump(this.s.byEmployee, String(employeeId));
    this.perMinute.record(ACCOUNT_ID, now);
    this.perMinuteEmployee.record(String(employeeId), now);
  }

  tokenIssued(token: string, employeeId: number): void {
    this.s.tokenEmployee[token] = employeeId;
  }

  limited(token: string, retryAfterSec: number, now: number): void {
    this.waitUntil.set(token, now + retryAfterSec * 1000);
  }

  snapshot(): LivetexStats {
    const s = JSON.parse(JSON.stringify(this.s)) as LivetexStats;
    s.maxPerSecondByToken = { ...this.perSecond.max };
    s.maxPerMinuteByAccount = { ...this.perMinute.max };
    s.maxPerMinuteByEmployee = { ...this.perMinuteEmployee.max };
    s.maxPerSecond = Math.max(0, ...Object.values(s.maxPerSecondByToken));
    s.maxPerMinute = Math.max(0, ...Object.values(s.maxPerMinuteByAccount));
    return s;
  }

  reset(): void {
    const issued = this.s.tokenEmployee;
    this.s = empty();
    this.s.tokenEmployee = issued;
    this.perSecond = new WindowMax(1000);
    this.perMinute = new WindowMax(60_000);
    this.perMinuteEmployee = new WindowMax(60_000);
    this.waitUntil.clear();
  }
}
