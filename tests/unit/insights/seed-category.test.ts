import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seedCategory } from '@/utils/insights/seed-category';
import type { Category } from '@/utils/insights/types';

const CSV = 'tests/fixtures/alfacrm-real/lead-reject-index-items.csv';

// Read by hand from the real dictionary: «( В )» → target, «( Не ЦА )» in any spelling → non-target,
// «Не цільовий (…)» ("not target") → non-target, everything else unclassified.
const T: Category = 'target';
const N: Category = 'non-target';
const U: Category = 'unclassified';
const EXPECTED: Record<number, Category> = {
  1: N,
  2: U,
  3: U,
  4: U,
  5: U,
  6: T,
  7: U,
  8: N,
  9: N,
  10: N,
  11: U,
  12: T,
  13: U,
  14: T,
  15: T,
  16: U,
  17: U,
  18: U,
  19: U,
  20: N,
  21: N,
  22: T,
  23: T,
  24: T,
  25: T,
  26: T,
  27: N,
  28: N,
  29: T,
  30: T,
  31: T,
  32: T,
  33: T,
  34: U,
  35: N,
  36: N,
  37: U,
  38: N,
  39: T,
  40: U,
  41: T,
  42: T,
  43: T,
  44: N,
};

describe('seedCategory', () => {
  const rows = Papa.parse<{ id: string; name: string }>(readFileSync(CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;

  it('classifies every real reason name as read by hand', () => {
    expect(rows).toHaveLength(44);
    const got = Object.fromEntries(rows.map((r) => [Number(r.id), seedCategory(r.name)]));
    expect(got).toEqual(EXPECTED);
  });

  it.each([
    ['Дорого (В)', T],
    ['Дорого ( В )', T],
    ['Дорого (   в)', T],
    ['Дорого ( B )', T],
    ['Спам (Не ЦА)', N],
    ['Спам ( не ЦА)', N],
    ['Спам (НЕЦА)', N],
    ['не ЦА: спам', N],
    ['Спам — не ца', N],
    ['Спам (не  ЦA)', N],
    ['Не целевой', N],
    ['Not target (spam)', N],
    ['Дорого', U],
    ['Вже знайшли репетитора', U],
    ['Не цікаво', U],
    ['Внецаркий', U],
    ['', U],
  ])('%s → %s', (name, category) => {
    expect(seedCategory(name)).toBe(category);
  });
});
