/**
 * Settings and secrets, in extension storage only. Secrets (API keys, passwords) are a separate
 * item that only the background and the options page import: content scripts never read them
 * (and in Chrome cannot: storage is closed to them).
 */
import { storage } from '@wxt-dev/storage';
import { settingsV2 } from './migrations';
import { DEFAULT_SETTINGS, type Settings, type SettingsV1 } from './schema';

/** Account id → its secret (AlfaCRM's API key). */
export const secretsItem = storage.defineItem<Record<string, string>>('local:secrets', { fallback: {} });

/** Account id → API token: session storage, gone with the browser, never on disk. */
export const tokensItem = storage.defineItem<Record<string, string>>('session:tokens', { fallback: {} });

/** Version 1 kept the key on its own. */
const legacyKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: async (old: SettingsV1 | Settings) => {
      const { settings, secrets } = settingsV2(old, await legacyKeyItem.getValue());
      if (Object.keys(secrets).length) await secretsItem.setValue({ ...(await secretsItem.getValue()), ...secrets });
      await legacyKeyItem.removeValue();
      return settings;
    },
  },
});

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export { originOf } from './migrations';
export type { Settings } from './schema';
