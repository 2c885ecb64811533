/**
 * AlfaCRM's dictionaries (reject reasons, statuses, sources) read whole, and the page size of
 * API v2. Records are paged by the engine's one pager (utils/engine/api-task.ts).
 */
import type { Dictionaries } from './types';
import type { AlfaApiClient } from './api-client';
import { dictPage } from './api-schemas';

export const API_PAGE_SIZE = 50;

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
