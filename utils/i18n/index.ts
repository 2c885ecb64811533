/**
 * What the user reads, in the browser's language: the browser picks locales/uk.yml, ru.yml or
 * en.yml (the default) and `browser.i18n.getMessage` reads it, in the pages, the background
 * and the CRM tab's content script alike. Keys are typed (keys.ts).
 */
import { i18n } from '#i18n';
import { errorPhrase, type ErrorInfo } from '../errors';
import type { Lang, Phrase } from './keys';

export type { ButtonKey, CountKey, ErrorKey, Lang, MessageKey, NoteKey, PhaseKey, Phrase, PlainKey, ReconKey } from './keys';

/** A key's message with its values: `t('export.saved', [fileName, rows])`. */
export const t = i18n.t;

/** A phrase that came as data, in the user's language. */
export function say([key, ...values]: Phrase): string {
  // One signature for every key: the Phrase type has already matched the values to the key.
  return (i18n.t as (key: string, values: (string | number)[]) => string)(key, values);
}

/** An error's sentence in the user's language, its detail (counts, names) kept as it is. */
export function errorText(info: ErrorInfo): string {
  const phrase = errorPhrase(info);
  if (!phrase) return info.message;
  return info.detail ? `${say(phrase)} (${info.detail})` : say(phrase);
}

/** The language the browser picked for the texts, to write numbers and dates alike. */
export function uiLang(): Lang {
  const lang = t('lang');
  return lang === 'uk' || lang === 'ru' ? lang : 'en';
}
