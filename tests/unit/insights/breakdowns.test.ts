import { describe, expect, it } from 'vitest';
import { colShare, rowShare } from '@/utils/insights/breakdowns';
import { matrixSlice } from '@/utils/insights/slices';
import { run } from './helpers';

describe('reason × source', () => {
  it('counts archived leads per reason and source, busiest rows and columns first', () => {
    const m = run().bySource;
    expect(m.rows.map((r) => [r.id, r.total])).toEqual([
      [1, 2],
      [2, 2],
      [null, 1],
      [3, 1],
      [99, 1],
    ]);
    expect(m.cols.map((c) => [c.label, c.total])).toEqual([
      ['Instagram', 4],
      ['Facebook', 2],
      [null, 1],
    ]);
    expect(m.counts).toEqual([
      [2, 0, 0],
      [1, 0, 1],
      [0, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
  });

  it("gives each cell its share of the row's volume (and of the column's)", () => {
    const m = run().bySource;
    expect(rowShare(m, 1, 0)).toBe(0.5);
    expect(colShare(m, 0, 0)).toBe(0.5);
  });

  it('names the records of a cell', () => {
    const { bySource: m, ids } = run();
    expect(ids(matrixSlice(m.rows[1].slot, 'group', m.cols[2].slot))).toEqual([7]);
  });
});

describe('reason × manager', () => {
  it('counts per manager, «no manager» as its own column', () => {
    const m = run().byManager;
    expect(m.cols.map((c) => [c.label, c.total])).toEqual([
      ['Ірина', 3],
      [null, 2],
      ['Олена', 2],
    ]);
    expect(m.rows[0].id).toBe(1);
    expect(m.counts[0]).toEqual([1, 0, 1]);
  });
});

describe('months', () => {
  it('cohorts: records created per month and how many of them were archived', () => {
    const rows = run().createdMonths.map((r) => [r.label, r.created, r.archived, r.archivedTarget, r.archivedNonTarget]);
    expect(rows).toEqual([
      ['2025-01', 4, 3, 2, 1],
      ['2025-02', 3, 2, 0, 0],
      ['2025-03', 4, 2, 0, 1],
    ]);
  });

  it('archived per month, and whether the date came from the change log', () => {
    const rows = run().archivedMonths.map((r) => [r.label, r.archived, r.target, r.nonTarget, r.unclassified, r.fromLog, r.notFromLog]);
    // #9 has no archive date and is in no month.
    expect(rows).toEqual([
      ['2025-01', 2, 1, 1, 0, 2, 0],
      ['2025-02', 2, 1, 0, 1, 2, 0],
      ['2025-03', 2, 0, 1, 1, 1, 1],
    ]);
  });

  it('keeps empty months inside the range', () => {
    const rows = run({ createdTo: '2025-01-31' }).archivedMonths;
    expect(rows.map((r) => [r.label, r.archived])).toEqual([
      ['2025-01', 2],
      ['2025-02', 1],
    ]);
    const data = run({}, {}).createdMonths;
    expect(data).toHaveLength(3);
  });
});
