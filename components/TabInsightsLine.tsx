/**
 * Beside the export button on a CRM archive page: archived leads, the share lost as not target,
 * the top reason, and «Insights» opening the page for this tab's account and branch. The numbers
 * come from the store through the background (no CRM request); the page may read them, they are
 * its own account's.
 */
import { t, uiLang } from '@/utils/i18n';
import type { TabInsights } from '@/utils/insights/tab-summary';
import { call } from '@/utils/messages/send';
import { fmtInt, fmtPct } from './insights/format';

export function TabInsightsLine({ summary }: { summary: TabInsights }) {
  const lang = uiLang();
  const top = summary.topReason;
  return (
    <div
      class="cae-insights"
      data-testid="tab-insights"
      data-archived={summary.archivedLeads}
      data-non-target={summary.nonTargetShare ?? ''}
      data-top-reason={top?.id ?? ''}
    >
      <span>{t('crmTab.archivedLeads', [fmtInt(lang, summary.archivedLeads)])}</span>
      {summary.nonTargetShare !== null && <span> · {t('crmTab.nonTarget', [fmtPct(lang, summary.nonTargetShare)])}</span>}
      {top && <span> · {t('crmTab.topReason', [top.name || `#${top.id}`, fmtInt(lang, top.count)])}</span>}
      <button data-testid="tab-open-insights" class="cae-link" onClick={(e) => e.isTrusted && void call('openInsights').catch(() => undefined)}>
        {t('popup.openInsights')}
      </button>
    </div>
  );
}
