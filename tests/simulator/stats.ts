/** Request counters (control endpoints are never counted). */
import type { SimStats } from './types';

const empty = (): SimStats => ({ total: 0, byKind: {}, byEntity: {}, byStatus: {}, status429: 0, status401: 0, malformed: 0, retriesBeforeRetryAfter: 0 });

export class Stats {
  private s = empty();

  record(kind: string, status: number, entity: string | null, malformed: boolean): void {
    const s = this.s;
    s.total++;
    s.byKind[kind] = (s.byKind[kind] ?? 0) + 1;
    if (entity) s.byEntity[entity] = (s.byEntity[entity] ?? 0) + 1;
    s.byStatus[String(status)] = (s.byStatus[String(status)] ?? 0) + 1;
    if (status === 429) s.status429++;
    if (status === 401) s.status401++;
    if (malformed) s.malformed++;
  }

  /** An API request that arrived before the last 429's Retry-After had passed. */
  earlyRetry(): void {
    this.s.retriesBeforeRetryAfter++;
  }

  snapshot(): SimStats {
    return JSON.parse(JSON.stringify(this.s)) as SimStats;
  }

  reset(): void {
    this.s = empty();
  }
}
