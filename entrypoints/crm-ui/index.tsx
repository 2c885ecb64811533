/**
 * The full part of the CRM tab (Preact, page parsers, i18n, the export runner), built as the
 * unlisted script crm-ui.js. It is not in the manifest: the background injects it into the
 * loader's isolated world when the loader asks (entrypoints/crm-loader.content.ts), i.e. on a
 * leads or clients page, or when a background sync wants this tab to read the archive board.
 * Here it mounts «Export archive» on the leads and clients pages and keeps it there through the
 * page's own navigation; elsewhere it does nothing until asked to read for a sync.
 */
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ExportPanel } from '@/components/ExportPanel';
import { pageKind } from '@/utils/alfacrm/page-kind';
import { crmUiPart, publishCrmUiPart } from '@/utils/crm-ui-part';
import { downloadJson } from '@/utils/download-json';
import { runExport } from '@/utils/run-export';
import { startSyncRead } from '@/utils/ui-refresh';
// Inlined into the shadow root: no web-accessible CSS file, so it works on any origin the user adds.
import css from './style.css?inline';

export default defineUnlistedScript(() => {
  // A second injection into the same document (a page load racing a request) must not start a
  // second button; a second ContentScriptContext of this name would also stop the first one.
  if (crmUiPart()) return;
  const ctx = new ContentScriptContext('crm-ui');
  let ui: ShadowRootContentScriptUi<void> | null = null;

  const sync = async (url: string) => {
    const wanted = pageKind(url) !== 'other';
    if (wanted && !ui) {
      ui = await createShadowRootUi(ctx, {
        name: 'crm-archive-export',
        css,
        position: 'inline',
        anchor: () => document.querySelector('ul.nav-tabs') ?? document.body.firstElementChild,
        append: 'after',
        onMount: (container) => {
          render(
            <ExportPanel
              run={(onState) => runExport(location.href, onState)}
              diagnostics={(shape) => downloadJson(shape, 'alfacrm-diagnostics.json')}
            />,
            container,
          );
        },
        onRemove: (container) => container && render(null, container),
      });
      ui.mount();
    } else if (!wanted && ui) {
      ui.remove();
      ui = null;
    }
  };

  // Published before anything is awaited: the background's executeScript has returned, and the
  // loader looks for it, as soon as this function returns.
  publishCrmUiPart({ state: () => (ui ? 'mounted' : 'idle'), readForSync: startSyncRead });
  // The event's URL, not location.href: with the Navigation API the event comes before the URL
  // changes.
  ctx.addEventListener(window, 'wxt:locationchange', (e) => void sync(e.newUrl.href));
  void sync(location.href);
});
