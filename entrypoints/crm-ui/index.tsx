/**
 * The full part of the CRM tab (Preact, the sources' readers, i18n, the export runner), built as
 * the unlisted script crm-ui.js. It is not in the manifest: the background injects it into the
 * loader's isolated world when the loader asks (entrypoints/crm-loader.content.ts), i.e. on a
 * page with an export button, or when a run wants this tab to read. Here it mounts the page's
 * export button and keeps it there through the page's own navigation and redraws.
 */
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ExportPanel } from '@/components/ExportPanel';
import { tabReadRequest } from '@/utils/messages/protocol';
import { downloadJson } from '@/utils/download-json';
import { pageHere } from '@/utils/sources/pages';
import { tabPartOf } from '@/utils/sources/tab';
import { runExport } from '@/utils/tab/export-click';
import { startRead } from '@/utils/tab/read';
import { crmUiPart, publishCrmUiPart } from '@/utils/tab/ui-part';
// Inlined into the shadow root: no web-accessible CSS file, so it works on any origin the user adds.
import css from './style.css?inline';

/**
 * Puts the button after its anchor as soon as the page has drawn it, and back whenever the page
 * redraws that part away (single-page apps replace their header): the same shadow host moves, so
 * an export under way keeps its progress line. Returns the function that stops following.
 */
function keepPlaced(ui: ShadowRootContentScriptUi<void>, anchor: () => Element | null): () => void {
  let mounted = false;
  const place = () => {
    if (ui.shadowHost.isConnected) return;
    const at = anchor();
    if (!at) return;
    if (mounted) at.after(ui.shadowHost);
    else {
      ui.mount();
      mounted = true;
    }
  };
  const observer = new MutationObserver(place);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  place();
  return () => observer.disconnect();
}

export default defineUnlistedScript(() => {
  // A second injection into the same document (a page load racing a request) must not start a
  // second button; a second ContentScriptContext of this name would also stop the first one.
  if (crmUiPart()) return;
  const ctx = new ContentScriptContext('crm-ui');
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let unfollow: () => void = () => undefined;
  ctx.onInvalidated(() => unfollow());

  const sync = async (url: string) => {
    const page = pageHere(url);
    const part = page?.scope ? tabPartOf(page.source) : undefined;
    if (part && !ui) {
      ui = await createShadowRootUi(ctx, {
        name: 'crm-archive-export',
        css,
        position: 'inline',
        anchor: () => part.button.anchor(document),
        append: 'after',
        onMount: (container) => {
          render(
            <ExportPanel
              testId={part.button.testId}
              label={part.button.label}
              run={(onState) => runExport(onState)}
              diagnostics={(shape) => downloadJson(shape, part.diagnosticsFile)}
            />,
            container,
          );
        },
        onRemove: (container) => container && render(null, container),
      });
      unfollow = keepPlaced(ui, () => part.button.anchor(document));
    } else if (!part && ui) {
      unfollow();
      ui.remove();
      ui = null;
    }
  };

  // Published before anything is awaited: the background's executeScript has returned, and the
  // loader looks for it, as soon as this function returns.
  publishCrmUiPart({
    state: () => (ui ? 'mounted' : 'idle'),
    read: (req) => {
      const parsed = tabReadRequest.safeParse(req);
      return parsed.success ? startRead(parsed.data) : 'failed';
    },
  });
  // The event's URL, not location.href: with the Navigation API the event comes before the URL changes.
  ctx.addEventListener(window, 'wxt:locationchange', (e) => void sync(e.newUrl.href));
  void sync(location.href);
});
