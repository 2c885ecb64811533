/**
 * Drill-down: every number on the page comes with a SliceSpec naming the records behind it.
 * Specs are plain data (cheap to attach to every cell); sliceIndices runs one scan when the user
 * opens a number, so the tally never has to keep id lists.
 */
import { FUNNEL, type FunnelStage } from './campaigns';
import { stageRank } from './stages';
import type { Tally } from './tally';
import { CATEGORIES, type Category, type Stage } from './types';

export interface SliceSpec {
  /** Ignore the period filter (counts that compare with the whole archive). */
  unfiltered?: true;
  kind?: 'lead' | 'client';
  archived?: boolean;
  group?: number;
  /** Reason slot (0 = no reason); implies an archived lead. */
  reason?: number;
  category?: Category;
  /** Leave out archived leads whose reason is non-target (the «target leads» of a campaign). */
  notNonTarget?: true;
  manager?: number;
  createdMonth?: number;
  archivedMonth?: number;
  archivedFromLog?: boolean;
  /** Reached at least this stage. */
  reached?: FunnelStage;
  lossStage?: Stage | 'unknown';
  /** Has a change-log time to loss (the records a median is taken over). */
  lossDays?: true;
  disabledReason?: true;
  /** Explicit record indices (e.g. a duplicate-phone group). */
  indices?: number[];
}

export function sliceIndices(t: Tally, spec: SliceSpec): number[] {
  const { prep, groupSlot, reasonCategory, reached, lossStage } = t.view;
  const records = prep.data.records;
  const candidates = spec.indices ?? null;
  const cat = spec.category === undefined ? -1 : CATEGORIES.indexOf(spec.category);
  const minRank = spec.reached === undefined ? -1 : stageRank(spec.reached);
  const loss = spec.lossStage === undefined ? null : spec.lossStage === 'unknown' ? -1 : stageRank(spec.lossStage);
  const out: number[] = [];
  const n = candidates ? candidates.length : prep.n;
  for (let k = 0; k < n; k++) {
    const i = candidates ? candidates[k] : k;
    if (!spec.unfiltered && !t.mask[i]) continue;
    const rec = records[i];
    const r = prep.reasonSlot[i]; // -1 unless an archived lead
    if (spec.kind !== undefined && rec.kind !== spec.kind) continue;
    if (spec.archived !== undefined && rec.archived !== spec.archived) continue;
    if (spec.group !== undefined && groupSlot[i] !== spec.group) continue;
    if (spec.reason !== undefined && r !== spec.reason) continue;
    if (cat >= 0 && (r < 0 || reasonCategory[r] !== cat)) continue;
    if (spec.notNonTarget && r >= 0 && CATEGORIES[reasonCategory[r]] === 'non-target') continue;
    if (spec.manager !== undefined && prep.managerSlot[i] !== spec.manager) continue;
    if (spec.createdMonth !== undefined && prep.createdMonth[i] !== spec.createdMonth) continue;
    if (spec.archivedMonth !== undefined && prep.archivedMonth[i] !== spec.archivedMonth) continue;
    if (spec.archivedFromLog !== undefined && (rec.archivedAtFrom === 'log') !== spec.archivedFromLog) continue;
    if (minRank >= 0 && reached[i] < minRank) continue;
    if (loss !== null && (r < 0 || lossStage[i] !== loss)) continue;
    if (spec.lossDays && !(r >= 0 && rec.archivedAtFrom === 'log' && prep.archivedDay[i] - prep.createdDay[i] >= 0)) continue;
    if (spec.disabledReason && !(r > 0 && !prep.reasons[r].enabled)) continue;
    out.push(i);
  }
  return out;
}

export const sliceIds = (t: Tally, spec: SliceSpec): number[] => sliceIndices(t, spec).map((i) => t.view.prep.data.records[i].id);

// Specs behind the numbers of each table, named by what the number says.
const archivedLead = { kind: 'lead', archived: true } as const;
export const reasonSlice = (slot: number): SliceSpec => ({ ...archivedLead, reason: slot });
export type CampaignMetric =
  'leads' | 'inWork' | 'archivedTarget' | 'archivedNonTarget' | 'archivedUnclassified' | 'clients' | 'targetLeads' | 'archived' | FunnelStage;
export function campaignSlice(group: number | undefined, metric: CampaignMetric): SliceSpec {
  const g = group === undefined ? {} : { group };
  switch (metric) {
    case 'leads':
      return g;
    case 'inWork':
      return { ...g, kind: 'lead', archived: false };
    case 'clients':
      return { ...g, kind: 'client' };
    case 'targetLeads':
      return { ...g, notNonTarget: true };
    case 'archived':
      return { ...g, ...archivedLead };
    case 'archivedTarget':
      return { ...g, ...archivedLead, category: 'target' };
    case 'archivedNonTarget':
      return { ...g, ...archivedLead, category: 'non-target' };
    case 'archivedUnclassified':
      return { ...g, ...archivedLead, category: 'unclassified' };
    default:
      return FUNNEL.includes(metric) ? { ...g, reached: metric } : g;
  }
}
export const matrixSlice = (reason: number, by: 'group' | 'manager', col: number | undefined): SliceSpec => ({
  ...archivedLead,
  reason,
  ...(col === undefined ? {} : by === 'group' ? { group: col } : { manager: col }),
});
export type CreatedMonthMetric = 'created' | 'archived' | 'archivedTarget' | 'archivedNonTarget';
export function createdMonthSlice(month: number, metric: CreatedMonthMetric): SliceSpec {
  const m = { createdMonth: month };
  if (metric === 'created') return m;
  return {
    ...m,
    ...archivedLead,
    ...(metric === 'archivedTarget' ? { category: 'target' } : metric === 'archivedNonTarget' ? { category: 'non-target' } : {}),
  };
}
export type ArchivedMonthMetric = 'archived' | Category | 'fromLog' | 'notFromLog';
export function archivedMonthSlice(month: number, metric: ArchivedMonthMetric): SliceSpec {
  const m = { ...archivedLead, archivedMonth: month };
  if (metric === 'archived') return m;
  if (metric === 'fromLog' || metric === 'notFromLog') return { ...m, archivedFromLog: metric === 'fromLog' };
  return { ...m, category: metric };
}
export const lossTimeSlice = (by: 'reason' | 'group', slot: number): SliceSpec => ({
  ...archivedLead,
  lossDays: true,
  ...(by === 'reason' ? { reason: slot } : { group: slot }),
});
export const lossStageSlice = (stage: Stage | 'unknown', category?: Category): SliceSpec => ({
  ...archivedLead,
  lossStage: stage,
  ...(category ? { category } : {}),
});
