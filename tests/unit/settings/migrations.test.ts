/** Settings v1 (one AlfaCRM account, its address optional) → v2 (a list of accounts, secrets apart). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsV2 } from '@/utils/settings/migrations';
import { DEFAULT_SETTINGS, DRAFT_SECRET } from '@/utils/settings/schema';

describe('settingsV2 (pure)', () => {
  it('makes the one account of v1 the first of the list, its key that account’s secret', () => {
    const { settings, secrets } = settingsV2(
      {
        crmUrl: 'https://demo.s20.online/company/1',
        apiEmail: 'api@school.ua',
        delimiter: ';',
        headerLanguage: 'uk',
        escapeFormulae: false,
        syncPeriodMin: 60,
      },
      'k'.repeat(32),
    );
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      accounts: [{ id: 'a1', source: 'alfacrm', origin: 'https://demo.s20.online', login: 'api@school.ua' }],
      delimiter: ';',
      headerLanguage: 'uk',
      escapeFormulae: false,
      syncPeriodMin: 60,
    });
    expect(secrets).toEqual({ a1: 'k'.repeat(32) });
  });

  it('keeps a key saved without an address as a draft only: no account, nothing to send it to', () => {
    const { settings, secrets } = settingsV2({ crmUrl: '', apiEmail: 'api@school.ua' }, 'k'.repeat(32));
    expect(settings.accounts).toEqual([]);
    expect(settings.draftLogin).toBe('api@school.ua');
    expect(secrets).toEqual({ [DRAFT_SECRET]: 'k'.repeat(32) });
  });

  it('gives the defaults for empty v1 settings', () => {
    expect(settingsV2({}, '')).toEqual({ settings: DEFAULT_SETTINGS, secrets: {} });
  });

  it('leaves a value already in the v2 shape as it is', () => {
    const v2 = { ...DEFAULT_SETTINGS, accounts: [{ id: 'x', source: 'alfacrm' as const, origin: 'https://a.s20.online', login: 'l' }] };
    expect(settingsV2(v2, 'stale')).toEqual({ settings: v2, secrets: {} });
  });
});

describe('the settings item migrates what v1 stored', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  it('moves the key into the secrets and drops the old key item', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        crmUrl: 'https://demo.s20.online',
        apiEmail: 'api@school.ua',
        delimiter: 'auto',
        headerLanguage: 'keys',
        escapeFormulae: true,
        syncPeriodMin: 30,
      },
      apiKey: 'k'.repeat(32),
    });
    const { loadSettings, secretsItem } = await import('@/utils/settings/items');
    const settings = await loadSettings();
    expect(settings.accounts).toEqual([{ id: 'a1', source: 'alfacrm', origin: 'https://demo.s20.online', login: 'api@school.ua' }]);
    expect(await secretsItem.getValue()).toEqual({ a1: 'k'.repeat(32) });
    expect(await fakeBrowser.storage.local.get('apiKey')).toEqual({});
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
  });
});
