import { describe, expect, it } from 'vitest';
import { BY_SOURCE, byField, defaultSettings, groupingField, parseSettings } from '@/utils/insights/settings';
import { periodKey, spendByGroup, spendKey } from '@/utils/insights/spend';

describe('parseSettings', () => {
  it('reads stored settings and falls back per part on bad values', () => {
    const s = parseSettings({ categories: { 6: 'target', 7: 'bogus' }, stages: { 3: 'trial-held' }, grouping: byField('custom_ads_comp'), spend: 'x' });
    expect(s).toEqual({ categories: {}, stages: { 3: 'trial-held' }, grouping: 'field:custom_ads_comp', spend: {} });
    expect(parseSettings(undefined)).toEqual(defaultSettings());
    expect(parseSettings({ spend: { a: 5, b: -1 } }).spend).toEqual({});
  });

  it('names the grouping', () => {
    expect([groupingField(BY_SOURCE), groupingField(byField('utm'))]).toEqual([null, 'utm']);
  });
});

describe('spendByGroup', () => {
  const spend = {
    [spendKey(1, BY_SOURCE, '2025-01-01..2025-03-31', '1')]: 900,
    [spendKey(1, BY_SOURCE, '2025-01', '1')]: 100,
    [spendKey(1, BY_SOURCE, '2025-02', '1')]: 200,
    [spendKey(1, BY_SOURCE, '2025-02', '2')]: 50,
    [spendKey(1, BY_SOURCE, '2025-04', '2')]: 70,
    [spendKey(3, BY_SOURCE, '2025-02', '2')]: 1,
    [spendKey(1, byField('utm'), '2025-02', '2')]: 1,
  };

  it('uses the exact period first, else sums the months inside it', () => {
    const q1 = spendByGroup(spend, 1, BY_SOURCE, { createdFrom: '2025-01-01', createdTo: '2025-03-31' });
    expect([...q1].sort()).toEqual([
      ['1', 900],
      ['2', 50],
    ]);
    const all = spendByGroup(spend, 1, BY_SOURCE, {});
    expect([...all].sort()).toEqual([
      ['1', 300],
      ['2', 120],
    ]);
  });

  it('keys periods by the created range', () => {
    expect(periodKey({ createdFrom: '2025-01-01', archivedTo: '2025-02-01' })).toBe('2025-01-01..');
  });
});
