/**
 * The campaigns table: one row per lead source (or per value of the chosen field).
 *
 * Definitions (also shown on the page):
 * - leads: every record of the group (leads and clients, active and archived);
 * - target leads: leads minus those archived with a non-target reason (archived leads whose
 *   reason is unclassified still count as target until the user classifies the reason);
 * - % target = target leads ÷ leads; % archived = archived leads ÷ leads;
 * - conversion = clients ÷ target leads (clients are target leads that paid);
 * - stage counts: records that reached at least that stage (clients reached them all);
 * - cost per lead = spend ÷ leads; cost per target lead = spend ÷ target leads.
 */
import type { CampaignGroup } from './prepare-view';
import type { Tally } from './tally';
import { CATEGORIES, STAGES, type Stage } from './types';

export type FunnelStage = Exclude<Stage, 'none'>;
export const FUNNEL: readonly FunnelStage[] = ['contact', 'trial-booked', 'trial-held', 'awaiting-payment'];

export interface CampaignRow extends CampaignGroup {
  /** Group slot; -1 for the totals row. */
  slot: number;
  leads: number;
  inWork: number;
  archivedTarget: number;
  archivedNonTarget: number;
  archivedUnclassified: number;
  clients: number;
  targetLeads: number;
  pctTarget: number | null;
  pctArchived: number | null;
  conversion: number | null;
  reached: Record<FunnelStage, number>;
  spend: number | null;
  costPerLead: number | null;
  costPerTargetLead: number | null;
}

const C = CATEGORIES.length;
const S = STAGES.length;
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

function row(
  base: CampaignGroup,
  slot: number,
  counts: Omit<CampaignRow, keyof CampaignGroup | 'slot' | 'targetLeads' | 'pctTarget' | 'pctArchived' | 'conversion' | 'costPerLead' | 'costPerTargetLead'>,
): CampaignRow {
  const archived = counts.archivedTarget + counts.archivedNonTarget + counts.archivedUnclassified;
  const targetLeads = counts.leads - counts.archivedNonTarget;
  return {
    ...base,
    slot,
    ...counts,
    targetLeads,
    pctTarget: ratio(targetLeads, counts.leads),
    pctArchived: ratio(archived, counts.leads),
    conversion: ratio(counts.clients, targetLeads),
    costPerLead: counts.spend === null ? null : ratio(counts.spend, counts.leads),
    costPerTargetLead: counts.spend === null ? null : ratio(counts.spend, targetLeads),
  };
}

/** Rows for groups with records in the filter or spend entered, most leads first; plus totals. */
export function campaignRows(t: Tally, spend: Map<string, number>): { rows: CampaignRow[]; total: CampaignRow } {
  const rows: CampaignRow[] = [];
  const sum = { leads: 0, inWork: 0, archivedTarget: 0, archivedNonTarget: 0, archivedUnclassified: 0, clients: 0, spend: null as number | null };
  const reachedSum = new Array<number>(S).fill(0);
  t.view.groups.forEach((group, g) => {
    const amount = spend.get(group.key) ?? null;
    if (!t.groupLeads[g] && amount === null) return;
    const reached = Object.fromEntries(FUNNEL.map((st) => [st, t.groupReached[g * S + STAGES.indexOf(st)]])) as Record<FunnelStage, number>;
    const counts = {
      leads: t.groupLeads[g],
      inWork: t.groupInWork[g],
      clients: t.groupClients[g],
      archivedTarget: t.groupArchived[g * C],
      archivedNonTarget: t.groupArchived[g * C + 1],
      archivedUnclassified: t.groupArchived[g * C + 2],
      reached,
      spend: amount,
    };
    rows.push(row(group, g, counts));
    for (const k of ['leads', 'inWork', 'archivedTarget', 'archivedNonTarget', 'archivedUnclassified', 'clients'] as const) sum[k] += counts[k];
    if (amount !== null) sum.spend = (sum.spend ?? 0) + amount;
    FUNNEL.forEach((st, k) => (reachedSum[k] += reached[st]));
  });
  rows.sort((a, b) => b.leads - a.leads || (a.label ?? '').localeCompare(b.label ?? ''));
  const reached = Object.fromEntries(FUNNEL.map((st, k) => [st, reachedSum[k]])) as Record<FunnelStage, number>;
  const total = row({ key: '*', label: null, sourceId: null }, -1, { ...sum, reached });
  return { rows, total };
}
