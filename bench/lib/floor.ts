/**
 * The floor of a first full sync: the least time the configured limits allow, for the work the
 * product's sync must do, computed from the simulator's ground truth (not measured).
 *
 * - API: every rate-limited request it needs (the four dictionaries, then `customer/index`
 *   removed=0 and removed=2, 50 a page; consecutive pages repeat ~1.7 % of rows, so a little
 *   more than total/50 pages are needed to see every id; then the change log, 50 entries a page,
 *   read once in full by a first sync) ÷ the rate limit. The token login is
 *   not rate limited and happened when the options were saved.
 * - UI: the archive tab page, then for each board column its first load and one request per
 *   further page of `uiPageSize` cards (`crm-scroll-pager`), each waiting `latencyMs`; a column's
 *   requests follow one another, and the archive reader works on 3 columns at a time
 *   (utils/sources/alfacrm/archive-reader.ts): latency × (1 + max(longest column, ⌈all column
 *   requests ÷ 3⌉)). Server time is taken as zero.
 * - Parallel floor = max(API, UI): what the limits allow with both parts at once, as the
 *   product's full sync runs them (entrypoints/background/sync/runner.ts).
 *   Serial floor = API + UI: the least a one-request-at-a-time script (the peer) can take.
 */
import type { Knobs } from '../../tests/simulator/server';
import type { Truth } from './remote-sim';
import { LEAD_SOURCES, LEAD_STATUSES } from '../../tests/simulator/dictionaries';
import { LEAD_REJECT_REASONS } from '../../tests/simulator/reasons';

export const API_PAGE_SIZE = 50;
export const UI_CONCURRENCY = 3;

/** Pages of `customer/index` needed to see all `total` rows when pages overlap by `overlap`. */
export function customerPagesNeeded(total: number, overlap: number, size = API_PAGE_SIZE): number {
  if (total <= 0) return 1;
  for (let pages = 1; ; pages++) {
    const k = pages - 1;
    const start = k * size - Math.floor(k * size * overlap);
    if (start + size >= total) return pages;
  }
}

export interface Floor {
  latencyMs: number;
  rate: number;
  api: { dictionaryPages: number; activePages: number; archivedPages: number; logPages: number; requests: number; ms: number };
  ui: { columns: number; pagers: number; requests: number; longestColumn: number; ms: number; concurrency: number };
  parallelMs: number;
  serialMs: number;
}

export function fullSyncFloor(t: Truth, knobs: Knobs, branch: number, latencyMs: number, rate: number): Floor {
  const { duplicateRate, uiPageSize } = knobs;
  const dictSizes = [t.leadRejectReasons().length, t.customerRejectReasons().length, LEAD_STATUSES.length, LEAD_SOURCES.length];
  const dictionaryPages = dictSizes.reduce((n, size) => n + Math.max(1, Math.ceil(size / API_PAGE_SIZE)), 0);
  const active = t.activeIds(branch).length;
  const archived = t.archivedLeadIds(branch).length + t.archivedCustomerIds(branch).length;
  const activePages = customerPagesNeeded(active, duplicateRate);
  const archivedPages = customerPagesNeeded(archived, duplicateRate);
  const logPages = Math.max(1, Math.ceil(t.changeLogSize(branch) / API_PAGE_SIZE));
  const apiRequests = dictionaryPages + activePages + archivedPages + logPages;

  // Archive board columns: column 0 (no reason), every enabled reason, and disabled ones holding leads.
  const perColumn = new Map<number, number>();
  const archivedLeads = new Set(t.archivedLeadIds(branch));
  for (const r of t.records()) {
    if (!archivedLeads.has(r.id)) continue;
    const col = r.lead_reject_id ?? 0;
    perColumn.set(col, (perColumn.get(col) ?? 0) + 1);
  }
  const columnIds = new Set<number>([0, ...LEAD_REJECT_REASONS.filter((x) => x.is_enabled || perColumn.has(x.id)).map((x) => x.id)]);
  const chains = [...columnIds].map((id) => 1 + Math.max(0, Math.ceil((perColumn.get(id) ?? 0) / uiPageSize) - 1));
  const columnRequests = chains.reduce((a, b) => a + b, 0);
  const longest = Math.max(...chains);
  const uiMs = latencyMs * (1 + Math.max(longest, Math.ceil(columnRequests / UI_CONCURRENCY)));
  const apiMs = rate > 0 ? (apiRequests / rate) * 1000 : 0;
  return {
    latencyMs,
    rate,
    api: { dictionaryPages, activePages, archivedPages, logPages, requests: apiRequests, ms: apiMs },
    ui: {
      columns: chains.length,
      pagers: columnRequests - chains.length,
      requests: 1 + columnRequests,
      longestColumn: longest,
      ms: uiMs,
      concurrency: UI_CONCURRENCY,
    },
    parallelMs: Math.max(apiMs, uiMs),
    serialMs: apiMs + uiMs,
  };
}
