/** Every string the user sees exists in Ukrainian, Russian and English (the key itself). */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, CrmError } from '@/utils/errors';
import { errorText, pickLocale, TRANSLATIONS, tr } from '@/utils/i18n';
import { SOURCE_PAGES } from '@/utils/sources/pages';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** English keys the code passes to tr('…') as literals, plus the phases and error names it shows. */
function visibleStrings(): Set<string> {
  const out = new Set<string>();
  for (const file of ['components', 'entrypoints', 'utils'].flatMap((d) => sources(path.join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\btr\(\s*'((?:[^'\\]|\\.)*)'/g)) out.add(m[1].replace(/\\'/g, "'"));
    // Visible phases are phrases; one-word phases (dicts, api, ui, done) are the job's internals.
    for (const m of text.matchAll(/\bphase: '([^']+ [^']+)'/g)) out.add(m[1]);
    for (const m of text.matchAll(/^\s+[\w-]+: '(API [^']+)',$/gm)) out.add(m[1]);
    // Button and count labels a source names.
    for (const m of text.matchAll(/\blabel: '([^']+)'/g)) out.add(m[1]);
    // Phase names a source keys by its task names.
    for (const m of text.matchAll(/^\s+\[[\w.]+\]: '([^']+)',$/gm)) out.add(m[1]);
  }
  for (const code of ERROR_CODES) if (code !== 'unknown') out.add(new CrmError(code).message);
  for (const s of SOURCE_PAGES) out.add(new CrmError('session-expired', undefined, undefined, s.name).message);
  return out;
}

describe('localisation', () => {
  const strings = visibleStrings();

  it('finds the strings the code shows', () => {
    expect(strings.size).toBeGreaterThan(50);
    expect(strings).toContain('Export archive');
    expect(strings).toContain('session expired: log in to AlfaCRM again');
    expect(strings).toContain('reading the archive');
  });

  it.each(['uk', 'ru'] as const)('has every visible string in %s, none left empty or untranslated', (locale) => {
    const table = TRANSLATIONS[locale];
    const missing = [...strings].filter((s) => !(s in table));
    expect(missing).toEqual([]);
    const empty = Object.entries(table).filter(([, v]) => !v.trim());
    expect(empty).toEqual([]);
    const untranslated = Object.entries(table).filter(([k, v]) => k === v && /[a-z]{3}/.test(k) && k !== 'API');
    expect(untranslated).toEqual([]);
  });

  it('keeps the same $n placeholders in every translation', () => {
    for (const table of Object.values(TRANSLATIONS)) {
      for (const [en, text] of Object.entries(table)) {
        expect([...text.matchAll(/\$\d/g)].map((m) => m[0]).sort(), en).toEqual([...en.matchAll(/\$\d/g)].map((m) => m[0]).sort());
      }
    }
  });

  it('picks the language from the browser, Ukrainian for uk', () => {
    expect(pickLocale('uk-UA')).toBe('uk');
    expect(pickLocale('ru')).toBe('ru');
    expect(pickLocale('en-US')).toBe('en');
    expect(tr('Export archive', [], 'uk')).toBe('Експорт архіву');
    expect(tr('Export archive', [], 'ru-RU')).toBe('Экспорт архива');
    expect(tr('Export archive', [], 'de')).toBe('Export archive');
    expect(tr('Saved $1: $2 rows', ['a.csv', 7], 'uk')).toBe('Збережено a.csv: рядків 7');
  });

  it('translates the named part of an error and keeps its detail', () => {
    expect(errorText('incomplete read (expected 10, got 9)', 'uk')).toBe('прочитано не все (expected 10, got 9)');
    expect(errorText('API key rejected', 'ru')).toBe('API-ключ отклонён');
    expect(errorText('API key rejected', 'en')).toBe('API key rejected');
  });
});
