/** Settings migrations, pure: each takes the old value (and old secrets) and gives the new. */
import { DEFAULT_SETTINGS, DRAFT_SECRET, type Settings, type SettingsV1 } from './schema';

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * v1 → v2: the single account becomes the first of the list, its key a secret of that account.
 * Without an address there is no account (a key is never used without one): the e-mail and key
 * stay as a draft the options form shows.
 */
export function settingsV2(old: SettingsV1 | Settings, apiKey: string): { settings: Settings; secrets: Record<string, string> } {
  // A value already in the v2 shape whose version mark was not written (a write by a context that
  // started before the first save) is left as it is: migrating it again would drop its accounts.
  if (Array.isArray((old as Settings).accounts)) return { settings: { ...DEFAULT_SETTINGS, ...(old as Settings) }, secrets: {} };
  old = old as SettingsV1;
  const origin = old.crmUrl ? originOf(old.crmUrl) : null;
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    ...(old.delimiter ? { delimiter: old.delimiter } : {}),
    ...(old.headerLanguage ? { headerLanguage: old.headerLanguage } : {}),
    ...(old.escapeFormulae !== undefined ? { escapeFormulae: old.escapeFormulae } : {}),
    ...(old.syncPeriodMin ? { syncPeriodMin: old.syncPeriodMin } : {}),
  };
  const secrets: Record<string, string> = {};
  if (origin) {
    settings.accounts = [{ id: 'a1', source: 'alfacrm', origin, login: old.apiEmail ?? '' }];
    if (apiKey) secrets.a1 = apiKey;
  } else if (old.apiEmail || apiKey) {
    settings.draftLogin = old.apiEmail ?? '';
    if (apiKey) secrets[DRAFT_SECRET] = apiKey;
  }
  return { settings, secrets };
}
