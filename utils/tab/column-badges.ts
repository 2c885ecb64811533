/**
 * Insights on the CRM's own archive columns: under each reason column's header, a small badge with
 * that reason's share of the archived leads and its category. The page fills and refills its
 * columns as they load, so a badge is put back wherever a header lacks one (checked once per
 * frame while the page changes). Styled through the CSSOM: it works under the page's CSP.
 */
import { t } from '../i18n';
import type { TabInsights } from '../insights/tab-summary';
import type { Category } from '../insights/types';

const LABEL = { target: 'insights.categoryTarget', 'non-target': 'insights.categoryNonTarget', unclassified: 'insights.categoryUnclassified' } as const;
const COLOUR: Record<Category, string> = { target: '#1c84c6', 'non-target': '#c62828', unclassified: '#777' };
const ATTR = 'data-cae-badge';

type Headers = () => { key: string; header: Element }[];

function badge(doc: Document, key: string, r: TabInsights['reasons'][string], lang: string): HTMLElement {
  const el = doc.createElement('div');
  el.setAttribute(ATTR, key);
  el.setAttribute('data-testid', 'column-badge');
  el.setAttribute('data-reason-id', key);
  el.setAttribute('data-share', String(r.share));
  el.setAttribute('data-category', r.category);
  const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(r.share);
  el.textContent = `${pct} · ${t(LABEL[r.category])}`;
  Object.assign(el.style, { font: '11px/1.3 system-ui, sans-serif', color: COLOUR[r.category], padding: '1px 4px', margin: '2px 0' });
  return el;
}

/** Shows the badges until the returned function is called. */
export function showColumnBadges(doc: Document, headers: Headers, summary: TabInsights, lang: string): () => void {
  let queued = false;
  const paint = () => {
    queued = false;
    for (const { key, header } of headers()) {
      const r = summary.reasons[key];
      const next = header.nextElementSibling;
      if (!r || next?.getAttribute(ATTR) === key) continue;
      if (next?.hasAttribute(ATTR)) next.remove();
      header.insertAdjacentElement('afterend', badge(doc, key, r, lang));
    }
  };
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(paint);
  });
  paint();
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    doc.querySelectorAll(`[${ATTR}]`).forEach((el) => el.remove());
  };
}
