/**
 * The texts: every key of en.yml in Ukrainian and Russian with the same values, the English ones
 * tests and the interface rely on, errors said by code with their detail kept, and the types.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { CrmError, ERROR_CODES, fromErrorInfo, toErrorInfo } from '@/utils/errors';
import { errorText, say, t, uiLang } from '@/utils/i18n';
import { sessionExpired } from '@/utils/sources/alfacrm/errors';
import { LOCALES_DIR, localeProblems } from '@/scripts/locale-check';
import { chromeMessages, useLocale } from './use-locale';

describe('the locales', () => {
  it('have every key of en.yml in uk and ru, none empty, with the same $1, $2…', async () => {
    expect(await localeProblems()).toEqual([]);
  });

  it('are checked: a missing key, an empty text, other values and an extra key are named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cae-locales-'));
    cpSync(LOCALES_DIR, dir, { recursive: true });
    const edit = (lang: string, from: string, to: string) => {
      const file = path.join(dir, `${lang}.yml`);
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
    };
    edit('uk', '  syncNow: Синхронізувати\n', '');
    edit('uk', 'exportLeads: Експорт лідів', "exportLeads: ''\n  exportEverything: Експорт усього");
    edit('ru', "saved: 'Сохранено $1: строк $2'", "saved: 'Сохранено $1'");
    expect(await localeProblems(dir)).toEqual([
      'uk: button.exportLeads is empty',
      'uk: popup.syncNow is missing',
      'uk: button.exportEverything is not in en.yml',
      'ru: export.saved has $1, English $1,$2',
    ]);
  });

  it('name and describe the extension within the stores’ limits', async () => {
    for (const lang of ['en', 'uk', 'ru'] as const) {
      const m = await chromeMessages(lang);
      expect(m.app_name.message.length).toBeLessThanOrEqual(50);
      expect(m.app_description.message.length).toBeLessThanOrEqual(132);
    }
    expect((await chromeMessages('en')).app_name.message).toBe('CRM Archive Export');
  });
});

describe('t and say', () => {
  it('say the button in the browser’s language, English by default', async () => {
    await useLocale('en');
    expect([t('button.exportArchive'), uiLang()]).toEqual(['Export archive', 'en']);
    await useLocale('uk');
    expect([t('button.exportArchive'), uiLang()]).toEqual(['Експорт архіву', 'uk']);
    await useLocale('ru');
    expect([t('button.exportArchive'), uiLang()]).toEqual(['Экспорт архива', 'ru']);
  });

  it('fill in values, also of a phrase that came as data', async () => {
    await useLocale('en');
    expect(say(['options.connected', 3])).toBe('connected (3 branches)');
    expect(t('export.saved', ['a.csv', 7])).toBe('Saved a.csv: 7 rows');
    await useLocale('uk');
    expect(t('export.saved', ['a.csv', 7])).toBe('Збережено a.csv: рядків 7');
    expect(t('insights.records', [12])).toBe('Записів: 12');
  });

  it('take only keys of en.yml, with as many values as the message has', () => {
    expectTypeOf(t).toBeCallableWith('popup.syncNow');
    expectTypeOf(t).toBeCallableWith('export.saved', ['a.csv', 7]);
    const neverCalled = () => [
      // @ts-expect-error: no such key in en.yml
      t('popup.noSuchText'),
      // @ts-expect-error: the message takes two values
      t('export.saved', ['a.csv']),
      // @ts-expect-error: a phrase's values follow its key
      say(['options.connected']),
    ];
    expect(neverCalled).toBeTypeOf('function');
  });
});

describe('errorText', () => {
  it('says the sentence of the code and keeps the detail as it is', async () => {
    const incomplete = toErrorInfo(new CrmError('incomplete-read', 'expected 10, got 9'));
    await useLocale('uk');
    expect(errorText(incomplete)).toBe('прочитано не все (expected 10, got 9)');
    await useLocale('ru');
    expect(errorText(toErrorInfo(new CrmError('api-key-rejected')))).toBe('API-ключ отклонён');
    await useLocale('en');
    expect(errorText(incomplete)).toBe('incomplete read (expected 10, got 9)');
    expect(errorText(toErrorInfo(new CrmError('api-key-rejected')))).toBe('API key rejected');
  });

  it('names the CRM where the source knows it, across a message boundary too', async () => {
    const crossed = toErrorInfo(fromErrorInfo(JSON.parse(JSON.stringify(toErrorInfo(sessionExpired())))));
    await useLocale('en');
    expect(errorText(crossed)).toBe('session expired: log in to AlfaCRM again');
    expect(errorText(toErrorInfo(new CrmError('session-expired')))).toBe('session expired: log in to the CRM again');
    await useLocale('uk');
    expect(errorText(crossed)).toBe('сесія завершилась: увійдіть в AlfaCRM знову');
  });

  it('has a sentence for every code, and shows an error without one as it is', async () => {
    await useLocale('ru');
    for (const code of ERROR_CODES) if (code !== 'unknown') expect(errorText({ code, message: '' }), code).not.toBe('');
    expect(errorText(toErrorInfo(new TypeError('Failed to fetch')))).toBe('Failed to fetch');
  });
});
