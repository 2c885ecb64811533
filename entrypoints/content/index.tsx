/**
 * Content script on AlfaCRM pages: mounts «Export archive» on the leads and clients pages and
 * keeps it there through the page's own navigation. Elsewhere it does nothing.
 */
import { render } from 'preact';
import { ExportPanel } from '@/components/ExportPanel';
import { branchFromUrl, pageKind } from '@/utils/alfacrm/page-kind';
import { listenForSyncRequests } from '@/utils/ui-refresh';
import { CRM_MATCHES } from '@/utils/hosts';
import { runExport } from '@/utils/run-export';
import { downloadJson } from '@/utils/download-json';
// Inlined into the shadow root: no web-accessible CSS file, so it works on any origin the user adds.
import css from './style.css?inline';

export default defineContentScript({
  matches: CRM_MATCHES,
  cssInjectionMode: 'manual',
  async main(ctx) {
    let ui: Awaited<ReturnType<typeof createShadowRootUi>> | null = null;

    const sync = async () => {
      const wanted = pageKind(location.href) !== 'other';
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

    await sync();
    // Background syncs read the archive through this tab's session.
    listenForSyncRequests(branchFromUrl(location.href));
    // Readable only from this isolated world (tests reach it through CDP); the page cannot.
    (globalThis as { __crmArchiveExport?: () => string }).__crmArchiveExport = () => (ui ? 'mounted' : 'idle');
    ctx.addEventListener(window, 'wxt:locationchange', () => void sync());
  },
});
