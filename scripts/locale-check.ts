/**
 * Whether the locales agree, for the build (wxt.config.ts fails on a problem) and the unit tests:
 * uk.yml and ru.yml have every key of en.yml and no other, none empty, each with the same $1,
 * $2… as in English. The types cover en.yml itself: the code can use no key it lacks.
 */
import path from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

export const LOCALES_DIR = path.resolve(import.meta.dirname, '../locales');
export const LANGS = ['en', 'uk', 'ru'] as const;
export type LocaleLang = (typeof LANGS)[number];

/** A locale's messages by key ('popup.syncNow'), without the browser's own `@@…` ones. */
export async function readLocale(lang: LocaleLang, dir = LOCALES_DIR): Promise<Map<string, string>> {
  const parsed = await parseMessagesFile(path.join(dir, `${lang}.yml`));
  const out = new Map<string, string>();
  for (const m of parsed) {
    const key = m.key.join('.');
    if (!key.startsWith('@@')) out.set(key, m.type === 'plural' ? Object.values(m.plurals).join(' | ') : m.message);
  }
  return out;
}

/** The $1, $2… a message takes, in order, for comparing languages. */
export const placeholders = (message: string): string[] => [...message.matchAll(/\$\d/g)].map((m) => m[0]).sort();

export async function localeProblems(dir = LOCALES_DIR): Promise<string[]> {
  const [en, ...others] = await Promise.all(LANGS.map((lang) => readLocale(lang, dir)));
  const problems: string[] = [];
  // Chrome reads message names case-blind, the dots made underscores: such keys would collide.
  const seen = new Map<string, string>();
  for (const key of en.keys()) {
    const name = key.replaceAll('.', '_').toLowerCase();
    if (seen.has(name)) problems.push(`en: ${key} and ${seen.get(name)} are one message name for the browser`);
    seen.set(name, key);
  }
  LANGS.forEach((lang, i) => {
    const messages = i === 0 ? en : others[i - 1];
    if (messages.get('lang') !== lang) problems.push(`${lang}: \`lang\` should be ${lang}`);
    for (const [key, text] of en) {
      const own = messages.get(key);
      if (own === undefined) problems.push(`${lang}: ${key} is missing`);
      else if (!own.trim()) problems.push(`${lang}: ${key} is empty`);
      else if (placeholders(own).join() !== placeholders(text).join())
        problems.push(`${lang}: ${key} has ${placeholders(own).join() || 'no values'}, English ${placeholders(text).join() || 'none'}`);
    }
    for (const key of messages.keys()) if (!en.has(key)) problems.push(`${lang}: ${key} is not in en.yml`);
  });
  return problems;
}
