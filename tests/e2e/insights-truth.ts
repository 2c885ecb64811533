/**
 * What the Insights page must show, computed from the simulator's ground truth alone: the
 * categories from the reason names as the issue states them («( В )» target; «( Не ЦА )»,
 * «не ЦА», «Не цільовий» not target), counts straight from the records.
 */
import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/server';

export type Category = 'target' | 'non-target' | 'unclassified';

export function categoryOfName(name: string): Category {
  if (/не\s*ц[аa](?![\p{L}])|не\s*цільов/iu.test(name)) return 'non-target';
  if (/\(\s*в\s*\)/iu.test(name)) return 'target';
  return 'unclassified';
}

export interface ReasonTruth {
  count: number;
  category: Category;
}
export interface CampaignTruth {
  leads: number;
  archivedTarget: number;
  archivedNonTarget: number;
  clients: number;
}

/** Per reason id (every reason of the dictionary) and per lead source ('' = none), for branch `branch`. */
export function insightsTruth(sim: Simulator, branch: number, overrides: Record<number, Category> = {}) {
  const archived = new Set(sim.truth.archivedLeadIds(branch));
  const mine = sim.truth.records().filter((r) => r.branch_ids.includes(branch));
  const reasons = new Map<number, ReasonTruth>();
  for (const r of sim.truth.leadRejectReasons()) reasons.set(r.id, { count: 0, category: overrides[r.id] ?? categoryOfName(r.name) });
  const campaigns = new Map<string, CampaignTruth>();
  const leadsOf = new Map<number, number[]>();
  for (const r of mine) {
    const key = r.lead_source_id === null ? '' : String(r.lead_source_id);
    const c = campaigns.get(key) ?? { leads: 0, archivedTarget: 0, archivedNonTarget: 0, clients: 0 };
    campaigns.set(key, c);
    c.leads++;
    if (r.is_study === 1) c.clients++;
    if (!archived.has(r.id) || r.lead_reject_id === null) continue;
    const reason = reasons.get(r.lead_reject_id)!;
    reason.count++;
    leadsOf.set(r.lead_reject_id, [...(leadsOf.get(r.lead_reject_id) ?? []), r.id]);
    if (reason.category === 'target') c.archivedTarget++;
    if (reason.category === 'non-target') c.archivedNonTarget++;
  }
  return { reasons, campaigns, leadsOf, archivedLeads: archived.size };
}

/** The page's reason rows and campaign rows, as their data attributes say. */
export async function readInsightsPage(page: Page) {
  await page.locator('[data-testid="insights-status"][data-ready="1"]').waitFor({ timeout: 60_000 });
  const reasons = await page.locator('[data-testid="reason-row"]').evaluateAll((rows) =>
    rows.map((r) => ({
      id: Number(r.getAttribute('data-reason-id')),
      count: Number(r.getAttribute('data-count')),
      category: r.getAttribute('data-category'),
    })),
  );
  const campaigns = await page.locator('[data-testid="campaign-row"]').evaluateAll((rows) =>
    rows.map((r) => ({
      key: r.getAttribute('data-source-id') ?? '',
      leads: Number(r.getAttribute('data-leads')),
      archivedTarget: Number(r.getAttribute('data-archived-target')),
      archivedNonTarget: Number(r.getAttribute('data-archived-non-target')),
      clients: Number(r.getAttribute('data-clients')),
    })),
  );
  return {
    reasons: new Map(reasons.map((r) => [r.id, { count: r.count, category: r.category as Category }])),
    campaigns: new Map(campaigns.map(({ key, ...c }) => [key, c])),
  };
}
