/**
 * Data quality: archived leads without a reason, leads held by reasons switched off in the CRM,
 * archive counts where the CRM's board and the API disagree, and phones shared by records.
 */
import { phoneLabel } from './phones';
import type { ReasonRow } from './reasons';
import type { Tally } from './tally';

export interface CountDisagreement {
  reasonId: number;
  name: string;
  ui: number;
  api: number;
}
export interface DuplicatePhone {
  phone: string;
  members: number[];
}

export interface Quality {
  noReason: number;
  disabledReasons: ReasonRow[];
  /** null when the CRM board's counts are not known. */
  disagreements: CountDisagreement[] | null;
  /** Phone groups with two or more records in the filter (record indices). */
  duplicates: DuplicatePhone[];
  duplicateRecords: number;
}

export function quality(t: Tally, reasons: ReasonRow[]): Quality {
  const { prep } = t.view;
  const ui = prep.data.uiCounts?.byReason;
  let disagreements: CountDisagreement[] | null = null;
  if (ui) {
    // The board's counts cover the whole archive: compare with the API counts before the filter.
    const names = new Map(prep.reasons.map((r) => [r.id ?? 0, r.name]));
    const ids = new Set([...Object.keys(ui).map(Number), ...prep.archivedByReasonId.keys()]);
    disagreements = [...ids]
      .map((id) => ({ reasonId: id, name: names.get(id) ?? '', ui: ui[id] ?? 0, api: prep.archivedByReasonId.get(id) ?? 0 }))
      .filter((d) => d.ui !== d.api)
      .sort((a, b) => Math.abs(b.ui - b.api) - Math.abs(a.ui - a.api) || a.reasonId - b.reasonId);
  }
  const duplicates: DuplicatePhone[] = [];
  const involved = new Set<number>();
  const { keys, start, members: all } = prep.duplicates;
  for (let g = 0; g < keys.length; g++) {
    let kept = 0;
    for (let k = start[g]; k < start[g + 1]; k++) kept += t.mask[all[k]];
    if (kept < 2) continue;
    const members: number[] = [];
    for (let k = start[g]; k < start[g + 1]; k++) if (t.mask[all[k]]) members.push(all[k]);
    duplicates.push({ phone: phoneLabel(keys[g]), members });
    for (const i of members) involved.add(i);
  }
  // Groups come in phone order; a stable sort keeps it among groups of one size.
  duplicates.sort((a, b) => b.members.length - a.members.length);
  return {
    noReason: t.reasonCount[0],
    disabledReasons: reasons.filter((r) => r.disabledWithLeads),
    disagreements,
    duplicates,
    duplicateRecords: involved.size,
  };
}
