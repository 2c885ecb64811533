/**
 * insights.html: the Insights page over the store. The ports are wired here: the loader reads the
 * extension's IndexedDB through the source's adapter, settings live in extension storage per
 * account, a slice is exported by the background as «Export all leads» is. Opened with
 * `?account=&branch=`, else on the account and branch used last. A source without reject reasons
 * gets its custom fields' fill rates instead.
 */
import { render } from 'preact';
import { FieldFillPage } from '@/components/insights/FieldFillPage';
import { InsightsPage } from '@/components/insights/InsightsPage';
import { db } from '@/utils/engine/store';
import { t, uiLang } from '@/utils/i18n';
import { rememberUse, storedSettings, usedLastItem } from '@/utils/insights-store/items';
import { insightAccounts, loadFieldFill, loadInsights } from '@/utils/insights-store/load';
import { call } from '@/utils/messages/send';
import '@/components/insights/insights.css';

const root = document.getElementById('app')!;

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const [accounts, last] = await Promise.all([insightAccounts(db), usedLastItem.getValue()]);
  const wanted = params.get('account') ?? last?.account;
  const chosen = accounts.find((a) => a.account === wanted) ?? accounts[0];
  if (!chosen) {
    render(
      <p data-testid="insights-status" data-ready="0" class="insights hint">
        {t('insights.nothingStored')}
      </p>,
      root,
    );
    return;
  }
  const asked = params.get('branch') ?? (last?.account === chosen.account ? last.partition : null);
  let partition = asked !== null && chosen.partitions.includes(asked) ? asked : chosen.partitions[0];
  if (chosen.kind === 'field-fill') {
    // No reject reasons to tell: its custom fields' fill rates, of the one partition asked for.
    const load = () => loadFieldFill(db, chosen.source, chosen.account, partition);
    render(<FieldFillPage account={chosen.account} lang={uiLang()} load={load} />, root);
    return;
  }
  const onBranchChange = (branch: number) => {
    partition = String(branch);
    const query = new URLSearchParams({ account: chosen.account, branch: partition });
    history.replaceState(null, '', `?${query}`);
    void rememberUse(chosen.account, partition);
  };
  render(
    <InsightsPage
      account={chosen.account}
      branch={Number(partition)}
      branches={chosen.partitions.map((p) => ({ id: Number(p), name: t('insights.branchNumber', [p]) }))}
      lang={uiLang()}
      load={(account, branch) => loadInsights(db, chosen.source, account, String(branch))}
      settings={storedSettings}
      exportSlice={(ids) => call('exportSlice', { account: chosen.account, partition, ids })}
      onBranchChange={onBranchChange}
    />,
    root,
  );
}

document.title = t('insights.pageTitle');
document.documentElement.lang = uiLang();
void start();
