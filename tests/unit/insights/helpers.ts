import { computeInsights, prepareData, prepareView } from '@/utils/insights/compute';
import { defaultSettings, type InsightSettings } from '@/utils/insights/settings';
import { sliceIds, type SliceSpec } from '@/utils/insights/slices';
import type { InsightData, PeriodFilter } from '@/utils/insights/types';
import { fixture } from './fixture';

export function run(filter: PeriodFilter = {}, settings: Partial<InsightSettings> = {}, data: InsightData = fixture()) {
  const view = prepareView(prepareData(data), { ...defaultSettings(), ...settings });
  const result = computeInsights(view, filter, 1);
  const ids = (spec: SliceSpec) => sliceIds(result.tally, spec).sort((a, b) => a - b);
  return { ...result, ids };
}
