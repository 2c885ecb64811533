/**
 * The content script the manifest puts on every AlfaCRM page. On most of them it only has to
 * decide that there is nothing to do, so it is kept to a few kB: no Preact, parsers, i18n or
 * zod. The full part (crm-ui.js, entrypoints/crm-ui/) comes into this same isolated world only
 * when needed: on a leads or clients page, or when a background sync asks this tab to read the
 * archive board (the background picks any tab of the account, e.g. one on the dashboard).
 * The loader asks the background for it, which checks the page and injects the file.
 */
import { branchFromUrl, pageKind } from '@/utils/alfacrm/page-kind';
import { crmUiPart, type CrmUiPart } from '@/utils/crm-ui-part';
import { CrmError, fromErrorInfo, toErrorInfo } from '@/utils/errors';
import { CRM_MATCHES } from '@/utils/hosts';
import { onMessage, sendMessage } from '@/utils/messaging';

let loading: Promise<CrmUiPart> | null = null;

async function injectUiPart(): Promise<CrmUiPart> {
  const res = await sendMessage('loadCrmUi');
  if (!res?.ok) throw res ? fromErrorInfo(res.error) : new CrmError('incomplete-read', 'the extension did not answer');
  const part = crmUiPart();
  if (!part) throw new CrmError('incomplete-read', 'the CRM UI part did not start');
  return part;
}

/** The full part, asked for once per page; a failed attempt is retried at the next need. */
function loadUiPart(): Promise<CrmUiPart> {
  if (!loading) {
    const attempt = injectUiPart();
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}

export default defineContentScript({
  matches: CRM_MATCHES,
  main(ctx) {
    // Readable only from this isolated world (tests reach it through CDP); the page cannot.
    (globalThis as { __crmArchiveExport?: () => string }).__crmArchiveExport = () => crmUiPart()?.state() ?? 'idle';

    // The UI part follows the page's navigation itself once it runs; until then, this does.
    const loadIfWanted = (url: string) => {
      if (pageKind(url) !== 'other') loadUiPart().catch(() => undefined);
    };
    loadIfWanted(location.href);
    // The event's URL, not location.href: with the Navigation API the event comes before the
    // URL changes.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => loadIfWanted(e.newUrl.href));

    // Background syncs read the archive through this tab's session: listen before announcing it.
    onMessage('uiRefresh', async ({ data }) => {
      try {
        return (await loadUiPart()).readForSync(data);
      } catch (e) {
        // Said to the run, which pauses with this reason, rather than waiting for a tab forever.
        void sendMessage('uiFailed', { jobKey: data.jobKey, runId: data.runId, origin: location.origin, error: toErrorInfo(e) }).catch(() => undefined);
        return 'failed';
      }
    });
    const branch = branchFromUrl(location.href);
    if (branch != null) void sendMessage('crmTabReady', { origin: location.origin, branch }).catch(() => undefined);
  },
});
