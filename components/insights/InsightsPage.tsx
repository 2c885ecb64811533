/**
 * The Insights page: reasons, campaigns, breakdowns, time to loss and data quality of one
 * branch, over data and settings that come through injected ports (see ports.ts).
 */
import { useMemo, useState } from 'preact/hooks';
import { t, type PlainKey } from '@/utils/i18n';
import { computeInsights } from '@/utils/insights/compute';
import type { SliceSpec } from '@/utils/insights/slices';
import { periodKey, spendKey } from '@/utils/insights/spend';
import type { Category, PeriodFilter, Stage } from '@/utils/insights/types';
import { BreakdownsSection } from './BreakdownsSection';
import { CampaignsSection } from './CampaignsSection';
import { DrillDown } from './DrillDown';
import { fmtInt } from './format';
import { LangContext } from './lang';
import { PeriodBar } from './PeriodBar';
import type { InsightsPageProps } from './ports';
import { QualitySection } from './QualitySection';
import { ReasonsSection } from './ReasonsSection';
import { TimeToLossSection } from './TimeToLossSection';
import { useInsightsModel } from './useInsightsModel';

export function InsightsPage(p: InsightsPageProps) {
  const [branch, setBranch] = useState(p.branch);
  const [filter, setFilter] = useState<PeriodFilter>({});
  const [drill, setDrill] = useState<{ spec: SliceSpec; title: string } | null>(null);
  const model = useInsightsModel(p.account, branch, p.load, p.settings);
  const { view, settings, update } = model;
  const result = useMemo(() => (view ? computeInsights(view, filter, branch) : null), [view, filter, branch]);
  const onDrill = (spec: SliceSpec, title: string) => setDrill({ spec, title });

  const period = periodKey(filter);
  const setCategory = (id: number, c: Category) => update({ categories: { ...settings.categories, [id]: c } });
  const setStage = (id: number, s: Stage) => update({ stages: { ...settings.stages, [id]: s } });
  const setSpend = (group: string, value: number | null) => {
    const spend = { ...settings.spend };
    const key = spendKey(branch, settings.grouping, period, group);
    if (value === null) delete spend[key];
    else spend[key] = value;
    update({ spend });
  };
  const pickBranch = (b: number) => {
    setBranch(b);
    setDrill(null);
    p.onBranchChange?.(b);
  };
  const periodLabel = period === '..' ? t('insights.allTime') : period.replace('..', ' — ');

  return (
    <LangContext.Provider value={p.lang}>
      <main class="insights">
        <header>
          <h1>
            {t('insights.title')} <small>{p.account}</small>
          </h1>
          <PeriodBar branches={p.branches} branch={branch} onBranch={pickBranch} filter={filter} onFilter={(f) => (setFilter(f), setDrill(null))} />
          <nav>
            {(
              [
                ['reasons', 'insights.rejectReasons'],
                ['campaigns', 'insights.campaigns'],
                ['breakdowns', 'insights.breakdowns'],
                ['time-to-loss', 'insights.timeToLoss'],
                ['quality', 'insights.dataQuality'],
              ] as [string, PlainKey][]
            ).map(([id, label]) => (
              <a key={id} href={`#${id}`}>
                {t(label)}
              </a>
            ))}
          </nav>
          <p data-testid="insights-status" data-ready={result && !model.error ? '1' : '0'} class={model.error ? 'error' : 'hint'}>
            {model.error
              ? t('insights.loadFailed', [model.error])
              : !result
                ? t('insights.computing')
                : t('insights.tally', [fmtInt(p.lang, result.tally.records), fmtInt(p.lang, result.tally.archivedLeads)])}
          </p>
          {model.data && !model.data.hasApi && (
            <p data-testid="insights-no-api" class="hint">
              {t('insights.withoutApi')}
            </p>
          )}
        </header>
        {result && view && (
          <>
            <ReasonsSection result={result} onDrill={onDrill} onCategory={setCategory} />
            <CampaignsSection
              result={result}
              view={view}
              periodLabel={periodLabel}
              onDrill={onDrill}
              onGrouping={(grouping) => update({ grouping })}
              onSpend={setSpend}
              onStage={setStage}
            />
            <BreakdownsSection result={result} onDrill={onDrill} />
            <TimeToLossSection result={result} onDrill={onDrill} />
            <QualitySection result={result} onDrill={onDrill} />
          </>
        )}
        {result && drill && <DrillDown tally={result.tally} spec={drill.spec} title={drill.title} exportSlice={p.exportSlice} onClose={() => setDrill(null)} />}
      </main>
    </LangContext.Provider>
  );
}
