/**
 * The Insights page's data, read straight from the store (an extension page opens the
 * extension's IndexedDB): which accounts and branches have records, and a branch's records
 * through its source's adapter.
 */
import { engineOf } from '../sources';
import type { SourceId } from '../engine/source';
import type { ExportDb } from '../engine/store';
import type { InsightData } from '../insights/types';

export interface InsightAccount {
  source: SourceId;
  account: string;
  /** Partitions (branches) with a job, in numeric order. */
  partitions: string[];
}

/** Every account whose source can tell Insights, from the jobs (each partition has one). */
export async function insightAccounts(db: ExportDb): Promise<InsightAccount[]> {
  const byAccount = new Map<string, InsightAccount>();
  for (const job of await db.jobs.toArray()) {
    if (!engineOf(job.source).insights) continue;
    const key = `${job.source}|${job.account}`;
    const entry = byAccount.get(key) ?? { source: job.source, account: job.account, partitions: [] };
    entry.partitions.push(job.partition);
    byAccount.set(key, entry);
  }
  const accounts = [...byAccount.values()];
  for (const a of accounts) a.partitions.sort((x, y) => Number(x) - Number(y) || x.localeCompare(y));
  return accounts;
}

export function loadInsights(db: ExportDb, source: SourceId, account: string, partition: string): Promise<InsightData> {
  const insights = engineOf(source).insights;
  if (!insights) return Promise.reject(new Error(`${source}: no insights`));
  return insights(db, account, partition);
}
