/** Campaigns (lead sources or a chosen field): volume, quality of the audience, funnel, cost. */
import { t, type PlainKey } from '@/utils/i18n';
import type { CampaignRow } from '@/utils/insights/campaigns';
import type { InsightsResult } from '@/utils/insights/compute';
import type { PreparedView } from '@/utils/insights/prepare-view';
import { BY_SOURCE, byField } from '@/utils/insights/settings';
import { campaignSlice, type CampaignMetric, type SliceSpec } from '@/utils/insights/slices';
import type { Stage } from '@/utils/insights/types';
import { campaignColumns } from './campaign-columns';
import { StackedBars } from './charts/StackedBars';
import { useLang } from './lang';
import { groupName } from './labels';
import { SortableTable } from './SortableTable';
import { StageMapEditor } from './StageMapEditor';

interface Props {
  result: InsightsResult;
  view: PreparedView;
  periodLabel: string;
  onDrill: (spec: SliceSpec, title: string) => void;
  onGrouping: (grouping: string) => void;
  onSpend: (groupKey: string, value: number | null) => void;
  onStage: (statusId: number, stage: Stage) => void;
}

const SEGMENTS: [CampaignMetric & keyof CampaignRow, string, PlainKey][] = [
  ['clients', 'seg-clients', 'insights.clients'],
  ['inWork', 'seg-work', 'insights.inWorkColumn'],
  ['archivedTarget', 'cat-target', 'insights.lostTarget'],
  ['archivedUnclassified', 'cat-unclassified', 'insights.lostUnclassified'],
  ['archivedNonTarget', 'cat-non-target', 'insights.notTarget'],
];

export function CampaignsSection({ result, view, periodLabel, onDrill, onGrouping, onSpend, onStage }: Props) {
  const lang = useLang();
  const bySource = view.settings.grouping === BY_SOURCE;
  const columns = campaignColumns(lang, (row, v) => onSpend(row.key, v));
  const stacks = result.campaigns.rows
    .filter((r) => r.leads > 0)
    .slice(0, 20)
    .map((r) => ({
      key: r.key,
      label: groupName(r.label),
      segments: SEGMENTS.map(([k, cls, label]) => ({
        key: k,
        cls,
        title: t(label),
        value: r[k] as number,
        onClick: () => onDrill(campaignSlice(r.slot, k), `${groupName(r.label)} — ${t(label)}`),
      })),
    }));
  return (
    <section id="campaigns">
      <h2>{t('insights.campaigns')}</h2>
      <div class="controls">
        <label>
          {t('insights.groupBy')}{' '}
          <select data-testid="campaign-grouping" value={view.settings.grouping} onChange={(e) => onGrouping(e.currentTarget.value)}>
            <option value={BY_SOURCE}>{t('insights.byLeadSource')}</option>
            {view.prep.fieldNames.map((f) => (
              <option key={f} value={byField(f)}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <span class="hint">{t('insights.spendPeriod', [periodLabel])}</span>
      </div>
      <p class="hint">{t('insights.campaignsHint')}</p>
      <div class="scroll">
        <SortableTable
          columns={columns}
          rows={result.campaigns.rows}
          footer={result.campaigns.total}
          rowKey={(r) => r.key}
          onDrill={onDrill}
          rowAttrs={(r) => ({
            'data-testid': 'campaign-row',
            'data-source-id': bySource && r.sourceId !== null ? String(r.sourceId) : '',
            'data-group': r.key,
            'data-leads': String(r.leads),
            'data-archived-target': String(r.archivedTarget),
            'data-archived-non-target': String(r.archivedNonTarget),
            'data-clients': String(r.clients),
          })}
        />
      </div>
      {stacks.length > 0 && (
        <StackedBars stacks={stacks} title={t('insights.campaigns')} legend={SEGMENTS.map(([, cls, label]) => ({ cls, label: t(label) }))} />
      )}
      <StageMapEditor view={view} onStage={onStage} />
    </section>
  );
}
