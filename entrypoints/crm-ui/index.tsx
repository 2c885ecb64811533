/**
 * The full part of the CRM tab (Preact, the sources' readers, i18n, the export runner), built as
 * the unlisted script crm-ui.js. It is not in the manifest: the background injects it into the
 * loader's isolated world when the loader asks (entrypoints/crm-loader.content.ts), i.e. on a
 * page with an export button, or when a run wants this tab to read. Here it mounts the page's
 * export button (on the archive by reason also the Insights line and column badges) and keeps
 * them there through the page's own navigation.
 */
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CrmTabPanel } from '@/components/CrmTabPanel';
import type { SourceTab } from '@/utils/engine/source';
import { uiLang } from '@/utils/i18n';
import type { TabInsights } from '@/utils/insights/tab-summary';
import { tabReadRequest } from '@/utils/messages/protocol';
import { downloadJson } from '@/utils/download-json';
import { pageHere } from '@/utils/sources/pages';
import { tabPartOf } from '@/utils/sources/tab';
import { runExport } from '@/utils/tab/export-click';
import { keepMounted } from '@/utils/tab/keep-mounted';
import { showColumnBadges } from '@/utils/tab/column-badges';
import { startRead } from '@/utils/tab/read';
import { crmUiPart, publishCrmUiPart } from '@/utils/tab/ui-part';
// Inlined into the shadow root: no web-accessible CSS file, so it works on any origin the user adds.
import css from './style.css?inline';

export default defineUnlistedScript(() => {
  // A second injection into the same document (a page load racing a request) must not start a
  // second button; a second ContentScriptContext of this name would also stop the first one.
  if (crmUiPart()) return;
  const ctx = new ContentScriptContext('crm-ui');
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let stopKeeping: (() => void) | null = null;

  let container: HTMLElement | null = null;
  let stopBadges: (() => void) | null = null;

  /** The panel for the page at `url`: the button, and on the archive by reason the Insights line and column badges. */
  const paint = (part: SourceTab, url: string) => {
    if (!container) return;
    const archive = part.archiveView?.is(url) ?? false;
    const onSummary = (summary: TabInsights | null) => {
      stopBadges?.();
      stopBadges =
        summary && archive && part.archiveView ? showColumnBadges(document, () => part.archiveView!.columnHeaders(document), summary, uiLang()) : null;
    };
    render(
      <CrmTabPanel
        button={{
          testId: part.button.testId,
          label: part.button.label,
          run: (onState) => runExport(onState),
          diagnostics: (shape) => downloadJson(shape, part.diagnosticsFile),
        }}
        archive={archive}
        onSummary={onSummary}
      />,
      container,
    );
  };

  const update = async (url: string) => {
    const page = pageHere(url);
    const part = page?.scope ? tabPartOf(page.source) : undefined;
    if (part && !ui) {
      ui = await createShadowRootUi(ctx, {
        name: 'crm-archive-export',
        css,
        position: 'inline',
        anchor: () => part.button.anchor(document),
        append: 'after',
        onMount: (root) => {
          container = root;
          paint(part, url);
        },
        onRemove: (root) => {
          stopBadges?.();
          stopBadges = container = null;
          if (root) render(null, root);
        },
      });
      // Mounted once the anchor is there, and put back whenever the app's redraw takes it away.
      stopKeeping = keepMounted(ui, () => part.button.anchor(document));
    } else if (part && ui) {
      paint(part, url);
    } else if (!part && ui) {
      stopKeeping?.();
      ui.remove();
      ui = null;
    }
  };
  // One update at a time: an app that changes route twice quickly must not get two buttons.
  let updating = Promise.resolve();
  const sync = (url: string) => (updating = updating.then(() => update(url)));
  ctx.onInvalidated(() => stopKeeping?.());

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
