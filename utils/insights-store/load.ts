/**
 * The Insights page's data, read straight from the store (an extension page opens the
 * extension's IndexedDB): which accounts and branches have records, and a branch's records
 * (or its custom fields' fill rates) through its source's adapter.
 */
import { engineOf } from '../sources';
import type { SourceId } from '../engine/source';
import type { ExportDb } from '../engine/store';
import type { FieldFillData } from '../insights/field-fill';
import type { InsightData } from '../insights/types';

export interface InsightAccount {
  source: SourceId;
  account: string;
  /** Partitions (branches) with a job, in numeric order. */
  partitions: string[];
  /** What its source tells: reject reasons and campaigns, or custom fields' fill rates. */
  kind: 'insights' | 'field-fill';
}

/** What the page shows of a source, if anything: reject-reason insights win over fill rates. */
export function insightKind(source: SourceId): InsightAccount['kind'] | null {
  const src = engineOf(source);
  return src.insights ? 'insights' : src.fieldFill ? 'field-fill' : null;
}

/** Every account whose source can tell Insights, from the jobs (each partition has one). */
export async function insightAccounts(db: ExportDb): Promise<InsightAccount[]> {
  const byAccount = new Map<string, InsightAccount>();
  for (const job of await db.jobs.toArray()) {
    const kind = insightKind(job.source);
    if (!kind) continue;
    const key = `${job.source}|${job.account}`;
    const entry = byAccount.get(key) ?? { source: job.source, account: job.account, partitions: [], kind };
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

export function loadFieldFill(db: ExportDb, source: SourceId, account: string, partition: string): Promise<FieldFillData> {
  const fieldFill = engineOf(source).fieldFill;
  if (!fieldFill) return Promise.reject(new Error(`${source}: no field fill`));
  return fieldFill(db, account, partition);
}
