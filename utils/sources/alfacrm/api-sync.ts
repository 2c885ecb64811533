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

/** A dictionary entry as stored; `enabled` only when the API said (`is_enabled`). */
export interface DictEntry {
  id: number;
  name: string;
  enabled?: boolean;
}

/** Every page of one dictionary; disabled entries (`is_enabled: 0`) are kept on purpose, and marked. */
export async function fetchDictionary(client: AlfaApiClient, branch: number, name: DictName): Promise<DictEntry[]> {
  const path = `/v2api/${branch}/${DICT_ROUTES[name]}/index`;
  const byId = new Map<number, DictEntry>();
  for (let page = 0; page < 100; page++) {
    const res = await client.post(path, { page }, dictPage);
    for (const item of res.items) {
      const flag = item.is_enabled;
      byId.set(item.id, flag === undefined || flag === null ? { id: item.id, name: item.name } : { id: item.id, name: item.name, enabled: Number(flag) !== 0 });
    }
    if (res.items.length === 0 || byId.size >= res.total) break;
  }
  return [...byId.values()];
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
