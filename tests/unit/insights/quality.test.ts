import { describe, expect, it } from 'vitest';
import { fixture } from './fixture';
import { run } from './helpers';

describe('data quality', () => {
  it('finds archived leads without a reason and leads in disabled reasons', () => {
    const { quality, ids } = run();
    expect(quality.noReason).toBe(1);
    expect(quality.disabledReasons.map((r) => [r.id, r.count])).toEqual([[3, 1]]);
    expect(ids({ kind: 'lead', archived: true, reason: 0 })).toEqual([6]);
    expect(ids({ disabledReason: true })).toEqual([5]);
  });

  it('compares the board counts with the API per reason over the whole archive', () => {
    const { quality } = run({ createdFrom: '2025-03-01' });
    expect(quality.disagreements).toEqual([{ reasonId: 2, name: 'Спам ( Не ЦА )', ui: 3, api: 2 }]);
  });

  it('has no comparison without board counts', () => {
    expect(run({}, {}, { ...fixture(), uiCounts: null }).quality.disagreements).toBeNull();
  });

  it('finds duplicates by phone within the filter, whatever the spelling', () => {
    const { quality, tally } = run();
    const ids = (m: number[]) => m.map((i) => tally.view.prep.data.records[i].id);
    expect(quality.duplicates.map((d) => [d.phone, ids(d.members)])).toEqual([
      ['0671111111', [1, 3]],
      ['9161234567', [8, 10]],
    ]);
    expect(quality.duplicateRecords).toBe(4);
    expect(run({ createdTo: '2025-01-31' }).quality.duplicates).toHaveLength(1);
  });
});
