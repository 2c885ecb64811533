/**
 * The few numbers the CRM tab shows beside its button and on the archive columns: archived leads,
 * the share lost as not target, the top reason, and each reason's share and category. Pure.
 */
import { prepareData } from './prepare-data';
import { prepareView } from './prepare-view';
import { reasonRows } from './reasons';
import type { InsightSettings } from './settings';
import { tally } from './tally';
import type { Category, InsightData } from './types';

export interface TabInsights {
  archivedLeads: number;
  /** Archived leads lost as not target ÷ archived leads; null when there are none. */
  nonTargetShare: number | null;
  topReason: { id: number; name: string; count: number } | null;
  /** By reason id ('0': no reason): archived leads, their share and the reason's category. */
  reasons: Record<string, { count: number; share: number; category: Category }>;
}

export function tabSummary(data: InsightData, settings: InsightSettings): TabInsights {
  const t = tally(prepareView(prepareData(data), settings), {});
  const rows = reasonRows(t);
  const total = t.archivedLeads;
  const share = (n: number) => (total ? n / total : 0);
  const reasons: TabInsights['reasons'] = { '0': { count: t.reasonCount[0], share: share(t.reasonCount[0]), category: 'unclassified' } };
  for (const r of rows) reasons[String(r.id)] = { count: r.count, share: r.share, category: r.category };
  const nonTarget = rows.filter((r) => r.category === 'non-target').reduce((n, r) => n + r.count, 0);
  const top = rows.find((r) => r.count > 0);
  return {
    archivedLeads: total,
    nonTargetShare: total ? nonTarget / total : null,
    topReason: top ? { id: top.id, name: top.name, count: top.count } : null,
    reasons,
  };
}
