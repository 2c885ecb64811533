import { describe, expect, it } from 'vitest';
import { quantile } from '@/utils/insights/time-to-loss';
import { run } from './helpers';

describe('time to loss', () => {
  it('takes medians over change-log dates only, per reason and per source', () => {
    const { lossByReason, lossByGroup, tally } = run();
    // Days: #2 10, #3 1, #6 2, #7 4, #11 30; #5 (first-sync date) and #9 (no date) are left out.
    expect(lossByReason.map((r) => [r.label, r.n, r.median])).toEqual([
      ['Дорого ( В )', 2, 20],
      ['Спам ( Не ЦА )', 2, 2.5],
      [null, 1, 2],
    ]);
    expect(lossByGroup.map((r) => [r.label, r.n, r.median, r.p25, r.p75])).toEqual([
      ['Instagram', 3, 10, 5.5, 20],
      ['Facebook', 1, 2, 2, 2],
      [null, 1, 4, 4, 4],
    ]);
    expect(tally.lossUndated).toBe(2);
  });

  it('counts the stage leads were lost at, by category', () => {
    const rows = run().lossStages.map((r) => [r.stage, r.total, r.byCategory.target, r.byCategory['non-target'], r.byCategory.unclassified]);
    expect(rows).toEqual([
      ['none', 1, 0, 1, 0],
      ['contact', 2, 0, 1, 1],
      ['trial-booked', 1, 1, 0, 0],
      ['trial-held', 1, 1, 0, 0],
      ['awaiting-payment', 0, 0, 0, 0],
      ['unknown', 2, 0, 0, 2],
    ]);
  });

  it('names the records behind a median and a stage', () => {
    const { ids } = run();
    expect(ids({ kind: 'lead', archived: true, lossDays: true })).toEqual([2, 3, 6, 7, 11]);
    expect(ids({ lossStage: 'contact' })).toEqual([5, 7]);
    expect(ids({ lossStage: 'unknown' })).toEqual([6, 9]);
  });

  it('quantile interpolates, NaN when empty', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.25)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
