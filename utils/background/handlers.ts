/** The background's answers to every message it serves (checked by the router first). */
import { engineOf, pageOf } from '../sources';
import { CrmError } from '../errors';
import { clientFor, forgetAccount } from '../engine/accounts';
import { downloadFile } from '../engine/download';
import { exportView, startExport } from '../engine/exports';
import type { ExportResult } from '../engine/run';
import { syncNow } from '../engine/runner';
import { currentStatus } from '../engine/status';
import { db } from '../engine/store';
import { commitUnit, finishRead, readFailed, tabHeard, tabReady } from '../engine/tab-reports';
import type { Handlers } from '../messages/router';
import type { Self } from '../messages/policy';
import { loadSettings } from '../settings/items';
import { rememberUse } from '../insights-store/items';
import { ensureAccountJobs } from './account-jobs';
import { hostGranted, injectCrmUi, originPattern } from './crm-ui-injection';
import { storageMarksOf } from './page-marks';
import { insightsHandlers } from './insights-handlers';

/** The job a popup action is for: the one named, else the first the popup shows. */
async function jobFor(jobKey: string | undefined) {
  await ensureAccountJobs();
  const key = jobKey ?? (await currentStatus()).jobs[0]?.key;
  const job = key ? await db.jobs.get(key) : undefined;
  if (!job) throw new CrmError('api-not-configured', 'add your CRM account in the options');
  return job;
}

export const handlers: Handlers = {
  loadCrmUi: async (_, { sender }) => {
    await injectCrmUi(sender);
    return null;
  },
  tabReady: async (_, { tab }) => {
    await tabReady(tab!);
    return null;
  },
  exportStart: async (_, { tab }) => {
    const started = await startExport(tab!);
    await rememberUse(tab!.page.account, tab!.page.partition);
    return started;
  },
  exportStatus: (d, { tab }) => exportView(d.jobKey, d.runId, tab!.tabId),
  addAccount: async (_, { tab }) => {
    // The address comes from the tab the click was in, never from what the page says.
    await browser.tabs.create({ url: browser.runtime.getURL(`/options.html?add=${encodeURIComponent(new URL(tab!.url).origin)}`) });
    return null;
  },
  tabUnit: async (d, { tab }) => {
    await commitUnit(d, tab!);
    return null;
  },
  tabDone: async (d, { tab }) => {
    await finishRead(d, tab!);
    return null;
  },
  tabFailed: async (d, { tab }) => {
    await readFailed(d, tab!);
    return null;
  },
  // The tab's account (from the sender's page, never from the message) names the pace it shares.
  tabPace: async (d, { tab }) => {
    await tabHeard(tab!.tabId);
    return engineOf(tab!.page.source).pace?.(tab!.page.account, `tab:${tab!.tabId}`, d) ?? 0;
  },
  getStatus: () => currentStatus(),
  syncNow: async (d) => {
    const job = await jobFor(d.jobKey);
    await rememberUse(job.account, job.partition);
    void syncNow(job.key);
    return null;
  },
  exportAll: async (d): Promise<ExportResult> => {
    const job = await jobFor(d.jobKey);
    await rememberUse(job.account, job.partition);
    const file = await downloadFile({ source: job.source, account: job.account, partition: job.partition, scope: 'all' });
    const hasApi = (await clientFor(job.source, job.account)) !== null;
    return { ...file, source: hasApi ? 'api+ui' : 'ui' };
  },
  checkConnection: async (d) => {
    const account = (await loadSettings()).accounts.find((a) => a.id === d.accountId);
    if (!account) throw new CrmError('api-not-configured', 'save the account first');
    const src = engineOf(account.source);
    // An origin that does not tell the store account (a location in the path) is checked by its origin.
    const target = src.accountOf(account.origin) ?? account.origin;
    await forgetAccount(account.id); // a check logs in afresh with what was just saved
    const client = src.api ? await clientFor(account.source, target) : null;
    if (!client) throw new CrmError('api-not-configured', 'no API credentials for this account');
    return src.api!.check(client);
  },
  keepSecret: async (d) => {
    const api = engineOf(d.source).api;
    // Only for an address the source has an API origin for: the secret goes nowhere else.
    if (!api?.keep) return d.secret;
    return api.keep({ id: '', source: d.source, origin: d.origin, login: d.login }, d.secret);
  },
  ...insightsHandlers,
};

export function self(): Self {
  return {
    id: browser.runtime.id,
    baseUrl: browser.runtime.getURL('/'),
    pageOf,
    marksOf: storageMarksOf,
    hostGranted: async (url) => {
      const pattern = originPattern(url);
      return pattern !== null && hostGranted([pattern]);
    },
  };
}
