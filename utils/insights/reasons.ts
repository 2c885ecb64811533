/** The reasons table: every reason with its archived leads, share and category. */
import type { Tally } from './tally';
import { CATEGORIES, type Category } from './types';

export interface ReasonRow {
  slot: number;
  id: number;
  /** '' when the id is not in the dictionary. */
  name: string;
  enabled: boolean;
  inDictionary: boolean;
  count: number;
  /** Share of all archived leads in the filter (those without a reason included). */
  share: number;
  category: Category;
  seed: Category;
  /** Disabled in the CRM, yet holding archived leads. */
  disabledWithLeads: boolean;
}

/** Every reason (slot 0, «no reason», is data quality's), most leads first, then by name. */
export function reasonRows(t: Tally): ReasonRow[] {
  const { reasons } = t.view.prep;
  const rows: ReasonRow[] = [];
  for (let slot = 1; slot < reasons.length; slot++) {
    const r = reasons[slot];
    const count = t.reasonCount[slot];
    rows.push({
      slot,
      id: r.id!,
      name: r.name,
      enabled: r.enabled,
      inDictionary: r.inDictionary,
      count,
      share: t.archivedLeads ? count / t.archivedLeads : 0,
      category: CATEGORIES[t.view.reasonCategory[slot]],
      seed: t.view.seeds[slot],
      disabledWithLeads: !r.enabled && count > 0,
    });
  }
  return rows.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.id - b.id);
}
