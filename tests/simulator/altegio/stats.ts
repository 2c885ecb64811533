/** Request counters, and the busiest 1 s and 60 s windows (control endpoints are never counted). */
import type { AltegioStats } from './types';

const empty = (): AltegioStats => ({
  total: 0,
  byKind: {},
  byOrigin: { web: 0, api: 0 },
  byOriginKind: {},
  byStatus: {},
  status429: 0,
  status401: 0,
  malformed: 0,
  maxIn1s: 0,
  maxIn60s: 0,
  retriesBeforeRetryAfter: 0,
});

const bump = (m: Record<string, number>, k: string) => {
  m[k] = (m[k] ?? 0) + 1;
};

export class Stats {
  private s = empty();
  /** Arrival times of rate-limited requests in the last 60 s. */
  private arrivals: number[] = [];

  /** A rate-limited request arrived (answered or refused). */
  arrival(early: boolean, now = Date.now()): void {
    const a = this.arrivals;
    a.push(now);
    let drop = 0;
    while (a[drop] <= now - 60_000) drop++;
    if (drop) this.arrivals = a.slice(drop);
    let second = 0;
    for (let i = this.arrivals.length - 1; i >= 0 && this.arrivals[i] > now - 1000; i--) second++;
    this.s.maxIn1s = Math.max(this.s.maxIn1s, second);
    this.s.maxIn60s = Math.max(this.s.maxIn60s, this.arrivals.length);
    if (early) this.s.retriesBeforeRetryAfter++;
  }

  record(origin: 'web' | 'api', kind: string, status: number, malformed: boolean): void {
    const s = this.s;
    s.total++;
    bump(s.byKind, kind);
    s.byOrigin[origin]++;
    bump(s.byOriginKind, `${origin}:${kind}`);
    bump(s.byStatus, String(status));
    if (status === 429) s.status429++;
    if (status === 401) s.status401++;
    if (malformed) s.malformed++;
  }

  snapshot(): AltegioStats {
    return JSON.parse(JSON.stringify(this.s)) as AltegioStats;
  }

  reset(): void {
    this.s = empty();
    this.arrivals = [];
  }
}
