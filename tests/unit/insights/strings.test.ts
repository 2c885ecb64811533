/** Every text the Insights page shows exists in Ukrainian and Russian (English is the key). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '@/components/insights/i18n';
import { CATEGORY_LABEL, STAGE_LABEL } from '@/components/insights/labels';
import { pickLang, STRINGS } from '@/components/insights/strings';

const DIR = path.resolve(import.meta.dirname, '../../../components/insights');

function usedKeys(): Set<string> {
  const keys = new Set<string>([...Object.values(CATEGORY_LABEL), ...Object.values(STAGE_LABEL)]);
  for (const name of readdirSync(DIR, { recursive: true }) as string[]) {
    if (!/\.tsx?$/.test(name) || name === 'strings.ts') continue;
    const text = readFileSync(path.join(DIR, name), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) keys.add(m[1]);
    // Labels kept in tables and translated later: ['key', 'css-class', 'Label'] and ['id', 'Label'].
    for (const m of text.matchAll(/\['[\w-]+', '[\w-]+', '([^']+)'\]/g)) keys.add(m[1]);
    for (const m of text.matchAll(/\['[\w-]+', '([A-Z][^']+)'\]/g)) keys.add(m[1]);
  }
  return keys;
}

describe('Insights strings', () => {
  const keys = usedKeys();

  it('finds the texts the page shows', () => {
    expect(keys.size).toBeGreaterThan(80);
    expect(keys).toContain('Export this slice');
    expect(keys).toContain('Lost, unclassified');
    expect(keys).toContain('Data quality');
  });

  it.each(['uk', 'ru'] as const)('has every text in %s, and nothing else', (lang) => {
    const table = STRINGS[lang];
    expect([...keys].filter((k) => !(k in table))).toEqual([]);
    expect(Object.keys(table).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('fills in values and picks the language', () => {
    expect(translate('uk', '$1 records', 12)).toBe('Записів: 12');
    expect(translate('en', '$1 records, $2 archived leads', 3, 1)).toBe('3 records, 1 archived leads');
    expect([pickLang('uk-UA'), pickLang('ru'), pickLang('de-DE')]).toEqual(['uk', 'ru', 'en']);
  });
});
