/**
 * The background's part of Insights: a slice exported as a file, the CRM tab's few numbers from
 * the store, and the page opened for a CRM tab's own account and branch.
 */
import { engineOf } from '../sources';
import { CrmError } from '../errors';
import { clientFor } from '../engine/accounts';
import { downloadFile } from '../engine/download';
import type { ExportResult } from '../engine/run';
import { db } from '../engine/store';
import { rememberUse } from '../insights-store/items';
import type { Handlers } from '../messages/router';
import { tabSummaryFor } from './tab-summary-cache';

/** The Insights page for an account and partition. */
export function insightsUrl(account: string, partition: string): string {
  return browser.runtime.getURL(`/insights.html?${new URLSearchParams({ account, branch: partition })}`);
}

export const insightsHandlers: Handlers = {
  exportSlice: async (d): Promise<ExportResult> => {
    const job = (await db.jobs.toArray()).find((j) => j.account === d.account && j.partition === d.partition && engineOf(j.source).insights);
    if (!job) throw new CrmError('api-not-configured', 'nothing stored for this account and branch');
    await rememberUse(job.account, job.partition);
    const file = await downloadFile({ source: job.source, account: job.account, partition: job.partition, scope: 'all', ids: d.ids });
    const hasApi = (await clientFor(job.source, job.account)) !== null;
    return { ...file, source: hasApi ? 'api+ui' : 'ui' };
  },
  insightsSummary: async (_, { tab }) => {
    // The account and branch are the sender's page's, as the browser reports its URL.
    const { page } = tab!;
    if (!engineOf(page.source).insights || !page.scope) return null;
    return tabSummaryFor(page);
  },
  openInsights: async (_, { tab }) => {
    const { page } = tab!;
    await rememberUse(page.account, page.partition);
    await browser.tabs.create({ url: insightsUrl(page.account, page.partition) });
    return null;
  },
};
