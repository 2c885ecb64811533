/**
 * Unit tests read the texts as the browser would: fakeBrowser's `i18n.getMessage` answers from
 * locales/{lang}.yml, built as for _locales/, with Chrome's $1… substitution.
 */
import path from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOCALES_DIR, type LocaleLang } from '@/scripts/locale-check';

/** The messages of a locale as its _locales/{lang}/messages.json holds them. */
export async function chromeMessages(lang: LocaleLang): Promise<Record<string, { message: string }>> {
  return generateChromeMessages(await parseMessagesFile(path.join(LOCALES_DIR, `${lang}.yml`)));
}

/** Chrome's getMessage: names case-blind, `$1`…`$9` the substitutions, `$$` a dollar; '' for an unknown name. */
export function getMessageOf(messages: Record<string, { message: string }>) {
  const byName = new Map(Object.entries(messages).map(([name, m]) => [name.toLowerCase(), m.message]));
  return (name: string, subs?: string | (string | number)[]): string => {
    const values = (typeof subs === 'string' ? [subs] : (subs ?? [])).map(String);
    return (byName.get(name.toLowerCase()) ?? '').replace(/\$(\$|\d)/g, (_, c: string) => (c === '$' ? '$' : (values[Number(c) - 1] ?? '')));
  };
}

/** From now on (in this test file), the browser's language is `lang`; setup-locale.ts starts each file in English. */
export async function useLocale(lang: LocaleLang): Promise<void> {
  // Set, not spied on: a test's vi.restoreAllMocks() must not take the texts away.
  fakeBrowser.i18n.getMessage = getMessageOf(await chromeMessages(lang));
}
