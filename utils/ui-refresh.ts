/**
 * The content script's part of a background sync: when asked, read the archive board through
 * this tab's session, column by column, and report each column to the background. A column is
 * re-sent if the background was restarting when it first went out.
 */
import { readLeadArchive } from './alfacrm/archive-reader';
import { parseWithDomParser } from './alfacrm/ui-fetch';
import { fromErrorInfo, toErrorInfo } from './errors';
import { sendMessage, type Outcome, type UiRefreshRequest } from './messaging';

let reading: string | null = null;

async function deliver<T>(send: () => Promise<Outcome<T> | undefined>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      const res = await send();
      if (res?.ok) return res.value;
      if (res && !res.ok) throw fromErrorInfo(res.error);
    } catch (e) {
      // The worker may be stopping or starting; the message goes again once it is up.
      if (i >= tries || !/Receiving end|message port closed|message channel closed|Could not establish connection/i.test(String(e))) throw e;
    }
    if (i >= tries) throw new Error('the extension did not answer');
  }
}

async function read(req: UiRefreshRequest): Promise<void> {
  const origin = location.origin;
  try {
    const result = await readLeadArchive({
      pageUrl: `${origin}/company/${req.branch}/lead/index`,
      parse: parseWithDomParser,
      skipColumn: (id, count) => req.skip[String(id)] === count,
      onColumn: (col) =>
        deliver(() =>
          sendMessage('uiColumn', {
            jobKey: req.jobKey, runId: req.runId, origin, branch: req.branch,
            columnId: col.columnId, name: col.columnName, count: col.count, cards: col.cards,
          }),
        ).then(() => undefined),
    });
    const counts = Object.fromEntries(result.columns.map((c) => [String(c.columnId), c.count]));
    const expected = result.columns.reduce((n, c) => n + c.count, 0);
    await deliver(() => sendMessage('uiDone', { jobKey: req.jobKey, runId: req.runId, origin, expected, counts }));
  } catch (e) {
    await sendMessage('uiFailed', { jobKey: req.jobKey, runId: req.runId, origin, error: toErrorInfo(e) }).catch(() => undefined);
  }
}

/**
 * Starts reading the board for a sync run unless this run's read is already under way here.
 * The loader (entrypoints/crm-loader.content.ts) receives `uiRefresh` and calls this.
 */
export function startSyncRead(req: UiRefreshRequest): 'started' | 'busy' {
  if (reading === req.runId) return 'busy';
  reading = req.runId;
  void read(req).finally(() => (reading = null));
  return 'started';
}
