/**
 * All of the page's tables from three steps, each redone only when its input changes:
 * prepareData (new data) → prepareView (settings) → computeInsights (filter).
 */
import { archivedMonths, createdMonths, reasonByManager, reasonBySource, type ArchivedMonthRow, type CreatedMonthRow, type Matrix } from './breakdowns';
import { campaignRows, type CampaignRow } from './campaigns';
import type { PreparedView } from './prepare-view';
import { quality, type Quality } from './quality';
import { reasonRows, type ReasonRow } from './reasons';
import { spendByGroup } from './spend';
import { tally, type Tally } from './tally';
import { lossStages, lossTimeByGroup, lossTimeByReason, type LossStageRow, type LossTimeRow } from './time-to-loss';
import type { PeriodFilter } from './types';

export interface InsightsResult {
  tally: Tally;
  reasons: ReasonRow[];
  campaigns: { rows: CampaignRow[]; total: CampaignRow };
  bySource: Matrix;
  byManager: Matrix;
  createdMonths: CreatedMonthRow[];
  archivedMonths: ArchivedMonthRow[];
  lossByReason: LossTimeRow[];
  lossByGroup: LossTimeRow[];
  lossStages: LossStageRow[];
  quality: Quality;
}

export function computeInsights(view: PreparedView, filter: PeriodFilter, branch: number): InsightsResult {
  const t = tally(view, filter);
  const reasons = reasonRows(t);
  const spend = spendByGroup(view.settings.spend, branch, view.settings.grouping, filter);
  return {
    tally: t,
    reasons,
    campaigns: campaignRows(t, spend),
    bySource: reasonBySource(t),
    byManager: reasonByManager(t),
    createdMonths: createdMonths(t),
    archivedMonths: archivedMonths(t),
    lossByReason: lossTimeByReason(t),
    lossByGroup: lossTimeByGroup(t),
    lossStages: lossStages(t),
    quality: quality(t, reasons),
  };
}

export { prepareData } from './prepare-data';
export { prepareView } from './prepare-view';
