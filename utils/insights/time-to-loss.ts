/**
 * How long leads lived before they were lost: median days from creation to archiving, per reason
 * and per campaign, from change-log dates only (a first-sync date says when the extension saw
 * the lead archived, not when it happened). And the stage leads were lost at.
 */
import type { Tally } from './tally';
import { CATEGORIES, STAGES, type Category, type Stage } from './types';

export interface LossTimeRow {
  slot: number;
  label: string | null;
  n: number;
  median: number;
  p25: number;
  p75: number;
}

/** Quantile of sorted values by linear interpolation (q in 0..1). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function rows(days: number[][], label: (slot: number) => string | null): LossTimeRow[] {
  const out: LossTimeRow[] = [];
  days.forEach((list, slot) => {
    if (!list.length) return;
    const sorted = Float64Array.from(list).sort();
    out.push({ slot, label: label(slot), n: sorted.length, median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75) });
  });
  return out.sort((a, b) => b.n - a.n || a.slot - b.slot);
}

export const lossTimeByReason = (t: Tally): LossTimeRow[] => rows(t.lossDaysByReason, (s) => t.view.prep.reasons[s].name || null);
export const lossTimeByGroup = (t: Tally): LossTimeRow[] => rows(t.lossDaysByGroup, (s) => t.view.groups[s].label);

export interface LossStageRow {
  stage: Stage | 'unknown';
  total: number;
  byCategory: Record<Category, number>;
}

/** Archived leads by the stage they were lost at, in funnel order, «unknown» last. */
export function lossStages(t: Tally): LossStageRow[] {
  const C = CATEGORIES.length;
  const row = (stage: Stage | 'unknown', k: number): LossStageRow => {
    const byCategory = Object.fromEntries(CATEGORIES.map((c, ci) => [c, t.lossStage[k * C + ci]])) as Record<Category, number>;
    return { stage, total: CATEGORIES.reduce((s, c) => s + byCategory[c], 0), byCategory };
  };
  return [...STAGES.map((s, rank) => row(s, rank + 1)), row('unknown', 0)];
}
