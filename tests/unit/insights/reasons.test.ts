import { describe, expect, it } from 'vitest';
import { reasonSlice } from '@/utils/insights/slices';
import { run } from './helpers';

describe('reasonRows', () => {
  it('lists every reason with its archived leads, share and category, most leads first', () => {
    const { reasons } = run();
    // 7 archived leads: reason 1 → #2, #11; reason 2 → #3, #7; reason 3 → #5; unknown 99 → #9; none → #6.
    expect(reasons.map((r) => [r.id, r.count, r.category])).toEqual([
      [1, 2, 'target'],
      [2, 2, 'non-target'],
      [99, 1, 'unclassified'],
      [3, 1, 'unclassified'],
      [4, 0, 'target'],
    ]);
    expect(reasons[0].share).toBeCloseTo(2 / 7);
  });

  it('marks disabled reasons that hold leads, and reasons missing from the dictionary', () => {
    const { reasons } = run();
    const by = new Map(reasons.map((r) => [r.id, r]));
    expect(by.get(3)!.disabledWithLeads).toBe(true);
    expect(by.get(4)!.disabledWithLeads).toBe(false);
    expect(by.get(99)).toMatchObject({ inDictionary: false, name: '' });
  });

  it('takes the user override before the seed from the name', () => {
    const { reasons } = run({}, { categories: { 1: 'non-target', 3: 'target' } });
    const by = new Map(reasons.map((r) => [r.id, r]));
    expect([by.get(1)!.category, by.get(1)!.seed, by.get(3)!.category]).toEqual(['non-target', 'target', 'target']);
  });

  it('names the records behind each count', () => {
    const { reasons, ids } = run();
    expect(ids(reasonSlice(reasons[0].slot))).toEqual([2, 11]);
    expect(ids(reasonSlice(reasons[2].slot))).toEqual([9]);
  });
});
