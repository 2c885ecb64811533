/**
 * User settings, in extension storage only. The API key is a separate item that only the
 * background and the options page import: the content script never reads it.
 */
import { storage } from '@wxt-dev/storage';

export interface Settings {
  /** CRM address, e.g. `https://demo.s20.online` ('' = the tab's own origin). */
  crmUrl: string;
  apiEmail: string;
  delimiter: 'auto' | ';' | ',';
  headerLanguage: 'keys' | 'uk' | 'ru';
  /** Prefix formula-like cells with `'` (off only for files meant for scripts). */
  escapeFormulae: boolean;
  syncPeriodMin: number;
}

export const DEFAULT_SETTINGS: Settings = {
  crmUrl: '',
  apiEmail: '',
  delimiter: 'auto',
  headerLanguage: 'keys',
  escapeFormulae: true,
  syncPeriodMin: 30,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
});

export const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

/** The API token lives in session storage: gone with the browser, never on disk. */
export const apiTokenItem = storage.defineItem<{ origin: string; token: string } | null>(
  'session:apiToken',
  { fallback: null },
);

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
