/**
 * The one pass over the filtered records: every count the page shows is accumulated here into
 * dense typed arrays (slot × column), so building the tables never scans the records again.
 */
import { filterMask } from './filter';
import type { PreparedView } from './prepare-view';
import { CATEGORIES, STAGES, type PeriodFilter } from './types';

const C = CATEGORIES.length;
const S = STAGES.length;

export interface Tally {
  view: PreparedView;
  filter: PeriodFilter;
  mask: Uint8Array;
  records: number;
  archivedLeads: number;
  reasonCount: Int32Array;
  /** Per group: leads (all records), in work, clients; [g * C + category] archived leads. */
  groupLeads: Int32Array;
  groupInWork: Int32Array;
  groupClients: Int32Array;
  groupArchived: Int32Array;
  /** [g * S + rank]: records of the group that reached at least that stage. */
  groupReached: Int32Array;
  reasonByGroup: Int32Array;
  reasonByManager: Int32Array;
  /** First month of the cohort arrays (months since 1970); arrays are empty when no dates. */
  monthStart: number;
  /** [m * 4 + k], k: 0 created, 1 archived (leads), 2 archived target, 3 archived non-target. */
  createdMonths: Int32Array;
  /** [m * (C + 2) + k], k: categories, then C = from the change log, C + 1 = from the first sync. */
  archivedMonths: Int32Array;
  /** Days creation → archive (change-log dates only) per reason slot and per group. */
  lossDaysByReason: number[][];
  lossDaysByGroup: number[][];
  /** Archived leads with no change-log date (first-sync date, or none). */
  lossUndated: number;
  /** [(rank + 1) * C + category]; rank -1 = unknown stage. */
  lossStage: Int32Array;
}

function monthRange(view: PreparedView, mask: Uint8Array): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  const { createdMonth, archivedMonth } = view.prep;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const c = createdMonth[i],
      a = archivedMonth[i];
    if (c < lo) lo = c;
    if (c > hi) hi = c;
    if (a < lo) lo = a;
    if (a > hi) hi = a;
  }
  return lo <= hi ? [lo, hi] : [0, -1];
}

export function tally(view: PreparedView, filter: PeriodFilter): Tally {
  const { prep } = view;
  const records = prep.data.records;
  const mask = filterMask(prep, filter);
  const R = prep.reasons.length,
    G = view.groups.length,
    M = prep.managers.length;
  const [monthStart, monthEnd] = monthRange(view, mask);
  const months = monthEnd - monthStart + 1;
  const t: Tally = {
    view,
    filter,
    mask,
    records: 0,
    archivedLeads: 0,
    monthStart,
    lossUndated: 0,
    reasonCount: new Int32Array(R),
    groupLeads: new Int32Array(G),
    groupInWork: new Int32Array(G),
    groupClients: new Int32Array(G),
    groupArchived: new Int32Array(G * C),
    groupReached: new Int32Array(G * S),
    reasonByGroup: new Int32Array(R * G),
    reasonByManager: new Int32Array(R * M),
    createdMonths: new Int32Array(months * 4),
    archivedMonths: new Int32Array(months * (C + 2)),
    lossDaysByReason: Array.from({ length: R }, () => []),
    lossDaysByGroup: Array.from({ length: G }, () => []),
    lossStage: new Int32Array((S + 1) * C),
  };
  const { reasonSlot, managerSlot, createdDay, createdMonth, archivedDay, archivedMonth } = prep;
  const { groupSlot, reached, reasonCategory, lossStage } = view;
  for (let i = 0; i < prep.n; i++) {
    if (!mask[i]) continue;
    t.records++;
    const g = groupSlot[i];
    t.groupLeads[g]++;
    for (let s = reached[i]; s >= 0; s--) t.groupReached[g * S + s]++;
    const cm = createdMonth[i] - monthStart;
    if (cm >= 0) t.createdMonths[cm * 4]++;
    const rec = records[i];
    if (rec.kind === 'client') {
      t.groupClients[g]++;
      continue;
    }
    if (!rec.archived) {
      t.groupInWork[g]++;
      continue;
    }
    const r = reasonSlot[i];
    const c = reasonCategory[r];
    t.archivedLeads++;
    t.reasonCount[r]++;
    t.groupArchived[g * C + c]++;
    t.reasonByGroup[r * G + g]++;
    t.reasonByManager[r * M + managerSlot[i]]++;
    t.lossStage[(lossStage[i] + 1) * C + c]++;
    if (cm >= 0) {
      t.createdMonths[cm * 4 + 1]++;
      if (c < 2) t.createdMonths[cm * 4 + 2 + c]++;
    }
    const am = archivedMonth[i] - monthStart;
    if (am >= 0) {
      t.archivedMonths[am * (C + 2) + c]++;
      t.archivedMonths[am * (C + 2) + (rec.archivedAtFrom === 'log' ? C : C + 1)]++;
    }
    const days = archivedDay[i] - createdDay[i];
    if (rec.archivedAtFrom === 'log' && days >= 0) {
      t.lossDaysByReason[r].push(days);
      t.lossDaysByGroup[g].push(days);
    } else t.lossUndated++;
  }
  return t;
}
