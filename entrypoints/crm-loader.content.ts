/**
 * The content script the manifest puts on every CRM page. On most of them it only has to
 * decide that there is nothing to do, so it is kept to a few kB: no Preact, parsers, i18n or
 * zod. The full part (crm-ui.js, entrypoints/crm-ui/) comes into this same isolated world only
 * when needed: on a page with an export button, or when a run asks this tab to read. The
 * loader asks the background for it, which checks the page and injects the file.
 */
import { CrmError, toErrorInfo } from '@/utils/errors';
import { call, onMessage } from '@/utils/messages/send';
import { CRM_MATCHES, pageHere } from '@/utils/sources/pages';
import { crmUiPart, type CrmUiPart } from '@/utils/tab/ui-part';

let loading: Promise<CrmUiPart> | null = null;

async function injectUiPart(): Promise<CrmUiPart> {
  await call('loadCrmUi');
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
      if (pageHere(url)?.scope) loadUiPart().catch(() => undefined);
    };
    loadIfWanted(location.href);
    // The event's URL, not location.href: with the Navigation API the event comes before the URL changes.
    ctx.addEventListener(window, 'wxt:locationchange', (e) => loadIfWanted(e.newUrl.href));

    // Runs read through this tab's session: listen before announcing the tab. Only the
    // extension's background may ask (pages cannot message a content script; other extensions can).
    onMessage('tabRead', async ({ data, sender }) => {
      if (sender.id !== browser.runtime.id || sender.tab)
        return { ok: false, error: toErrorInfo(new CrmError('malformed-response', 'not from the background')) };
      try {
        return { ok: true, value: (await loadUiPart()).read(data) };
      } catch (e) {
        // Said to the run, which pauses with this reason, rather than waiting for a tab forever.
        const { detail, message } = toErrorInfo(e);
        return { ok: false, error: toErrorInfo(new CrmError('incomplete-read', detail ?? message)) };
      }
    });
    if (pageHere(location.href)) void call('tabReady').catch(() => undefined);
  },
});
