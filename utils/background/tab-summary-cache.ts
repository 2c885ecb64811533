/**
 * The CRM tab's Insights line, kept per account and branch. It is built from the whole branch
 * (seconds on a large one), so it is built when a run that wrote rows completes rather than when
 * a tab opens and wants the worker for its export. It stands while no row of the account was
 * written and the account's Insights settings are those it was built from.
 */
import { engineOf } from '../sources';
import { jobKey } from '../engine/run';
import type { PageInfo } from '../engine/source';
import { db, rowsGeneration } from '../engine/store';
import { storedSettings } from '../insights-store/items';
import { parseSettings } from '../insights/settings';
import { tabSummary, type TabInsights } from '../insights/tab-summary';

type Where = Pick<PageInfo, 'source' | 'account' | 'partition'>;

const kept = new Map<string, { stamp: string; summary: Promise<TabInsights | null> }>();

/** What the line was built from: the account's rows as this worker last wrote them, and the settings. */
async function stampOf(w: Where): Promise<string> {
  return JSON.stringify([rowsGeneration(w.source, w.account), (await storedSettings.get(w.account)) ?? null]);
}

async function build(w: Where): Promise<TabInsights | null> {
  const insights = engineOf(w.source).insights;
  if (!insights) return null;
  const data = await insights(db, w.account, w.partition);
  if (!data.records.length) return null;
  return tabSummary(data, parseSettings(await storedSettings.get(w.account)));
}

export async function tabSummaryFor(w: Where): Promise<TabInsights | null> {
  const key = jobKey(w.source, w.account, w.partition);
  const stamp = await stampOf(w);
  const had = kept.get(key);
  if (had?.stamp === stamp) return had.summary;
  const summary = build(w);
  kept.set(key, { stamp, summary });
  // A failed build is not kept: the next tab asks again.
  summary.catch(() => kept.get(key)?.summary === summary && kept.delete(key));
  return summary;
}

/** A run completed: its branch's line is built now, so a tab opened later has it at once. */
export async function warmTabSummary(key: string): Promise<void> {
  const job = await db.jobs.get(key);
  if (!job || !engineOf(job.source).insights) return;
  await tabSummaryFor(job).catch(() => null);
}
