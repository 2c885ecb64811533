/**
 * What the Insights page keeps in extension storage: the user's choices per account (a versioned
 * item, read leniently by utils/insights/settings.ts) and the account and branch used last.
 * Extension pages and the background only: content scripts have no storage access.
 */
import { storage } from '@wxt-dev/storage';
import type { InsightSettings, InsightSettingsPort } from '../insights/settings';

/** Store account → its Insights settings (categories, stages, grouping, spend). */
export const insightSettingsItem = storage.defineItem<Record<string, unknown>>('local:insightSettings', { fallback: {}, version: 1 });

export interface UsedLast {
  account: string;
  partition: string;
}

/** The account and branch of the last export, sync or choice on the page: Insights opens on them. */
export const usedLastItem = storage.defineItem<UsedLast | null>('local:insightsUsedLast', { fallback: null, version: 1 });

export function rememberUse(account: string, partition: string): Promise<void> {
  return usedLastItem.setValue({ account, partition });
}

/** The settings port of the page, on extension storage. */
export const storedSettings: InsightSettingsPort = {
  get: async (account) => (await insightSettingsItem.getValue())[account],
  set: async (account, settings: InsightSettings) => {
    const all = await insightSettingsItem.getValue();
    await insightSettingsItem.setValue({ ...all, [account]: settings });
  },
};
