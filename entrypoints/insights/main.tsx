/**
 * insights.html. The page takes its data, settings and export through injected functions;
 * everything marked STUB below stands in for the store until the lead wires it
 * (load → the store's records of the branch, settings → @wxt-dev/storage, exportSlice → the CSV export).
 */
import { render } from 'preact';
import { InsightsPage } from '@/components/insights/InsightsPage';
import type { ExportSlice, InsightsLoader } from '@/components/insights/ports';
import { t, uiLang } from '@/utils/i18n';
import { makeDemoData } from '@/utils/insights/demo-data';
import type { InsightSettings, InsightSettingsPort } from '@/utils/insights/settings';
import '@/components/insights/insights.css';

// STUB: demo data, 5,000 synthetic records per branch. Replace with the adapter from the store.
const stubLoad: InsightsLoader = async (_account, branch) => makeDemoData(5000, branch);

// STUB: settings kept in memory for this tab. Replace with @wxt-dev/storage (per account).
const memory = new Map<string, InsightSettings>();
const stubSettings: InsightSettingsPort = {
  get: async (account) => memory.get(account),
  set: async (account, settings) => void memory.set(account, settings),
};

// STUB: downloads the ids only. Replace with the export of these records as the CSV.
const stubExport: ExportSlice = (ids) => {
  const url = URL.createObjectURL(new Blob([`id\r\n${ids.join('\r\n')}\r\n`], { type: 'text/csv' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'insights-slice.csv' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

const params = new URLSearchParams(location.search);
document.title = t('insights.pageTitle');
document.documentElement.lang = uiLang();
render(
  <InsightsPage
    account={params.get('account') ?? 'demo'}
    branch={Number(params.get('branch') ?? 1)}
    branches={[
      { id: 1, name: 'Головна філія (демо)' },
      { id: 3, name: 'Філія «Лівий берег» (демо)' },
    ]}
    lang={uiLang()}
    load={stubLoad}
    settings={stubSettings}
    exportSlice={stubExport}
  />,
  document.getElementById('app')!,
);
