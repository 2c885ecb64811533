/** Every number the maths returns names exactly as many records as it says, on synthetic data. */
import { describe, expect, it } from 'vitest';
import { FUNNEL } from '@/utils/insights/campaigns';
import { makeDemoData } from '@/utils/insights/demo-data';
import { byField } from '@/utils/insights/settings';
import {
  archivedMonthSlice,
  campaignSlice,
  createdMonthSlice,
  lossStageSlice,
  lossTimeSlice,
  matrixSlice,
  reasonSlice,
  sliceIndices,
  type SliceSpec,
} from '@/utils/insights/slices';
import { CATEGORIES, type PeriodFilter } from '@/utils/insights/types';
import { run } from './helpers';

const DATA = makeDemoData(3000, 11);
const CASES: [string, PeriodFilter, string][] = [
  ['all', {}, 'source'],
  ['created in spring', { createdFrom: '2025-03-01', createdTo: '2025-05-31' }, 'source'],
  ['archived in a month', { archivedFrom: '2025-04-01', archivedTo: '2025-04-30' }, byField('custom_ads_comp')],
];

describe.each(CASES)('slices match the numbers (%s)', (_, filter, grouping) => {
  const r = run(filter, { grouping, categories: { 5: 'non-target' } }, DATA);
  const count = (spec: SliceSpec) => sliceIndices(r.tally, spec).length;

  it('reasons', () => {
    for (const row of r.reasons) expect(count(reasonSlice(row.slot))).toBe(row.count);
    expect(count({ kind: 'lead', archived: true, reason: 0 })).toBe(r.quality.noReason);
    expect(r.reasons.some((x) => x.count > 0)).toBe(true);
  });

  it('campaigns, totals included', () => {
    const metrics = ['leads', 'inWork', 'archivedTarget', 'archivedNonTarget', 'archivedUnclassified', 'clients', 'targetLeads'] as const;
    for (const row of [...r.campaigns.rows, r.campaigns.total]) {
      const g = row.slot < 0 ? undefined : row.slot;
      for (const m of metrics) expect(count(campaignSlice(g, m)), `${row.key} ${m}`).toBe(row[m]);
      for (const st of FUNNEL) expect(count(campaignSlice(g, st))).toBe(row.reached[st]);
    }
  });

  it('breakdowns', () => {
    for (const [m, by] of [
      [r.bySource, 'group'],
      [r.byManager, 'manager'],
    ] as const) {
      m.rows.forEach((row, i) => {
        expect(count(matrixSlice(row.slot, by, undefined))).toBe(row.total);
        m.cols.forEach((col, j) => expect(count(matrixSlice(row.slot, by, col.slot))).toBe(m.counts[i][j]));
      });
    }
  });

  it('months', () => {
    for (const row of r.createdMonths)
      for (const k of ['created', 'archived', 'archivedTarget', 'archivedNonTarget'] as const) expect(count(createdMonthSlice(row.month, k))).toBe(row[k]);
    for (const row of r.archivedMonths) {
      expect(count(archivedMonthSlice(row.month, 'archived'))).toBe(row.archived);
      expect(count(archivedMonthSlice(row.month, 'fromLog'))).toBe(row.fromLog);
      expect(count(archivedMonthSlice(row.month, 'notFromLog'))).toBe(row.notFromLog);
      expect(count(archivedMonthSlice(row.month, 'non-target'))).toBe(row.nonTarget);
    }
  });

  it('time to loss and stage at loss', () => {
    for (const row of r.lossByReason) expect(count(lossTimeSlice('reason', row.slot))).toBe(row.n);
    for (const row of r.lossByGroup) expect(count(lossTimeSlice('group', row.slot))).toBe(row.n);
    for (const row of r.lossStages) {
      expect(count(lossStageSlice(row.stage))).toBe(row.total);
      for (const c of CATEGORIES) expect(count(lossStageSlice(row.stage, c))).toBe(row.byCategory[c]);
    }
  });

  it('duplicates and disabled reasons', () => {
    for (const d of r.quality.duplicates) expect(count({ indices: d.members })).toBe(d.members.length);
    const disabled = r.quality.disabledReasons.reduce((s, x) => s + x.count, 0);
    expect(count({ disabledReason: true })).toBe(disabled);
  });
});
