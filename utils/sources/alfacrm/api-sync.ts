/**
 * Reading whole collections from API v2: 0-based pages of 50 until the ids collected reach
 * `total` or a page comes back empty, de-duplicating the rows that consecutive pages repeat.
 */
import { CrmError } from '../../errors';
import type { ApiRecord, Dictionaries } from './types';
import type { AlfaApiClient } from './api-client';
import { customerPage, dictPage } from './api-schemas';

export const API_PAGE_SIZE = 50;

export interface CustomerFilter {
  removed?: 0 | 1 | 2;
  is_study?: 0 | 1 | 2;
  branch_ids?: number[];
  updated_at_from?: string;
  [key: string]: unknown;
}

export interface PageReport {
  items: ApiRecord[];
  /** Ids collected so far (unique). */
  done: number;
  total: number;
}

/**
 * Fetches every page of `customer/index` for `branch`. The first page tells the total; the
 * pages that total implies go out together (the client's queue paces them); the few extra pages
 * that repeated rows push past the end are fetched one by one after that.
 */
export async function fetchAllCustomers(
  client: AlfaApiClient,
  branch: number,
  filter: CustomerFilter,
  onPage: (report: PageReport) => Promise<void> | void,
): Promise<{ ids: Set<number>; total: number }> {
  const path = `/v2api/${branch}/customer/index`;
  const body = (page: number) => ({ ...filter, branch_ids: [branch], page });
  const seen = new Set<number>();
  let total = 0;

  const take = async (items: ApiRecord[]) => {
    const fresh = items.filter((r) => !seen.has(r.id));
    for (const r of fresh) seen.add(r.id);
    await onPage({ items: fresh, done: seen.size, total });
    return fresh.length;
  };

  const first = await client.post(path, body(0), customerPage);
  total = first.total;
  await take(first.items as ApiRecord[]);
  const planned = Math.ceil(total / API_PAGE_SIZE);
  await Promise.all(
    Array.from({ length: Math.max(planned - 1, 0) }, (_, i) => client.post(path, body(i + 1), customerPage).then((p) => take(p.items as ApiRecord[]))),
  );

  // Rows repeated across pages shift the tail past `planned`; a hard cap stops a pager that
  // never ends.
  const cap = planned * 2 + 5;
  for (let page = Math.max(planned, 1); seen.size < total; page++) {
    if (page > cap) throw new CrmError('pager-never-ends', `${path}: ${page} pages, ${seen.size} of ${total}`);
    const next = await client.post(path, body(page), customerPage);
    if (next.items.length === 0) break;
    if ((await take(next.items as ApiRecord[])) === 0) {
      throw new CrmError('incomplete-read', `${path}: page ${page} repeats earlier rows; ${seen.size} of ${total}`);
    }
  }
  if (seen.size < total) {
    throw new CrmError('incomplete-read', `API: expected ${total}, got ${seen.size}`);
  }
  return { ids: seen, total };
}

const DICT_ROUTES = {
  leadReject: 'lead-reject',
  customerReject: 'customer-reject',
  leadStatus: 'lead-status',
  leadSource: 'lead-source',
} as const;

export type DictName = keyof typeof DICT_ROUTES;

/** Every page of one dictionary; disabled entries (`is_enabled: 0`) are kept on purpose. */
export async function fetchDictionary(client: AlfaApiClient, branch: number, name: DictName): Promise<{ id: number; name: string }[]> {
  const path = `/v2api/${branch}/${DICT_ROUTES[name]}/index`;
  const byId = new Map<number, string>();
  for (let page = 0; page < 100; page++) {
    const res = await client.post(path, { page }, dictPage);
    for (const item of res.items) byId.set(item.id, item.name);
    if (res.items.length === 0 || byId.size >= res.total) break;
  }
  return [...byId].map(([id, n]) => ({ id, name: n }));
}

export function toDictionaries(lists: Partial<Record<DictName, { id: number; name: string }[]>>): Dictionaries {
  const map = (l?: { id: number; name: string }[]) => Object.fromEntries((l ?? []).map((i) => [i.id, i.name]));
  return {
    leadReject: map(lists.leadReject),
    customerReject: map(lists.customerReject),
    leadStatus: map(lists.leadStatus),
    leadSource: map(lists.leadSource),
  };
}

export const DICT_NAMES = Object.keys(DICT_ROUTES) as DictName[];
