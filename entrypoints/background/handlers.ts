/** Message handlers of the background: validate, call the job, answer with an Outcome. */
import type { Runtime } from 'webextension-polyfill';
import { CrmError, fromErrorInfo, toErrorInfo } from '@/utils/errors';
import { exportTargetSchema, uiBatchSchema, uiColumnSchema, uiDoneSchema, uiFailedSchema, uiReadSummarySchema } from '@/utils/message-schemas';
import { onMessage, type Outcome } from '@/utils/messaging';
import { originOf } from '@/utils/settings';
import { checkConnection } from './api-part';
import { abortExport, beginExport, finishExport, storeUiBatch } from './export-job';
import { currentStatus } from './status';
import { downloadCsv } from './download';
import { injectCrmUi } from './crm-ui-injection';
import { account, tabReady, uiFailed } from './sync/events';
import { boardDone, syncNow } from './sync/runner';
import { finishUi, storeUiColumn } from './sync/ui-steps';

async function outcome<T>(work: () => Promise<T> | T): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}

/** The tab a content-script message came from, checked against the origin it claims. */
function senderTab(sender: chrome.runtime.MessageSender | Runtime.MessageSender, origin?: string): number {
  const tabId = sender.tab?.id;
  const tabOrigin = originOf(sender.tab?.url ?? sender.url ?? '');
  if (tabId == null || !tabOrigin) throw new CrmError('malformed-response', 'message not from a tab');
  if (origin && origin !== tabOrigin) throw new CrmError('malformed-response', 'message for another origin');
  return tabId;
}

function fromExtensionPage(sender: chrome.runtime.MessageSender): boolean {
  return (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, data: unknown): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new CrmError('malformed-response', 'invalid message');
  return r.data;
}

export function registerHandlers(): void {
  onMessage('exportBegin', ({ data, sender }) =>
    outcome(() => {
      const target = parse(exportTargetSchema, data);
      return { jobId: beginExport(target, senderTab(sender, target.origin)) };
    }),
  );
  onMessage('exportUiBatch', ({ data, sender }) =>
    outcome(async () => {
      const batch = parse(uiBatchSchema, data);
      return { stored: await storeUiBatch(batch, senderTab(sender, batch.origin)) };
    }),
  );
  onMessage('exportFinish', ({ data, sender }) =>
    outcome(() => finishExport(parse(uiReadSummarySchema, data), senderTab(sender))),
  );
  onMessage('exportAbort', ({ data, sender }) => {
    abortExport(String(data?.jobId ?? ''), senderTab(sender));
  });
  onMessage('checkConnection', ({ sender }) =>
    outcome(() => {
      if (!fromExtensionPage(sender)) throw new CrmError('malformed-response', 'only the options page may ask');
      return checkConnection();
    }),
  );
  onMessage('getStatus', () => currentStatus());

  onMessage('loadCrmUi', ({ sender }) =>
    outcome(async () => {
      await injectCrmUi(sender);
      return null;
    }),
  );
  onMessage('crmTabReady', ({ data, sender }) => {
    const origin = String(data?.origin ?? '');
    const branch = Number(data?.branch);
    senderTab(sender, origin);
    if (Number.isInteger(branch) && branch > 0) void tabReady(origin, branch);
  });
  onMessage('uiColumn', ({ data, sender }) =>
    outcome(async () => {
      const report = parse(uiColumnSchema, data);
      senderTab(sender, report.origin);
      return { stored: await storeUiColumn(report) };
    }),
  );
  onMessage('uiDone', ({ data, sender }) =>
    outcome(async () => {
      const done = parse(uiDoneSchema, data);
      senderTab(sender, done.origin);
      await finishUi(done.jobKey, done.runId, done.origin, done.expected, done.counts);
      await boardDone(done.jobKey, done.runId);
      return null;
    }),
  );
  onMessage('uiFailed', ({ data, sender }) => {
    const failed = parse(uiFailedSchema, data);
    senderTab(sender, failed.origin);
    void uiFailed(failed.jobKey, failed.runId, fromErrorInfo(failed.error));
  });
  onMessage('syncNow', ({ sender }) =>
    outcome(async () => {
      if (!fromExtensionPage(sender)) throw new CrmError('malformed-response', 'only the popup may ask');
      const { origin, branch } = await account();
      void syncNow(origin, branch);
      return null;
    }),
  );
  onMessage('exportAll', ({ sender }) =>
    outcome(async () => {
      if (!fromExtensionPage(sender)) throw new CrmError('malformed-response', 'only the popup may ask');
      const { origin, branch } = await account();
      const file = await downloadCsv({ origin, branch, scope: 'all' });
      return { ...file, source: 'api+ui' as const };
    }),
  );
}
