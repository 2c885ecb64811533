/** The campaigns table's columns: counts, shares, funnel stages, spend and costs. */
import { t, type Lang } from '@/utils/i18n';
import { FUNNEL, type CampaignRow } from '@/utils/insights/campaigns';
import { campaignSlice, type CampaignMetric } from '@/utils/insights/slices';
import type { Column } from './SortableTable';
import { fmtInt, fmtMoney, fmtPct } from './format';
import { groupName, STAGE_LABEL } from './labels';

const slot = (r: CampaignRow) => (r.slot < 0 ? undefined : r.slot);

export function campaignColumns(lang: Lang, onSpend: (row: CampaignRow, value: number | null) => void): Column<CampaignRow>[] {
  const name = (r: CampaignRow) => (r.slot < 0 ? t('insights.total') : groupName(r.label));
  const count = (key: CampaignMetric & keyof CampaignRow, label: string, title?: string): Column<CampaignRow> => ({
    key,
    label,
    title,
    numeric: true,
    value: (r) => r[key] as number,
    render: (r) => fmtInt(lang, r[key] as number),
    drill: (r) => campaignSlice(slot(r), key),
    drillTitle: (r) => `${name(r)} — ${label}`,
  });
  const ratio = (key: 'pctTarget' | 'pctArchived' | 'conversion', label: string, of: CampaignMetric, title: string): Column<CampaignRow> => ({
    key,
    label,
    title,
    numeric: true,
    value: (r) => r[key],
    render: (r) => fmtPct(lang, r[key]),
    drill: (r) => campaignSlice(slot(r), of),
    drillTitle: (r) => `${name(r)} — ${label}`,
  });
  const cost = (key: 'costPerLead' | 'costPerTargetLead', label: string, of: CampaignMetric): Column<CampaignRow> => ({
    key,
    label,
    numeric: true,
    value: (r) => r[key],
    render: (r) => fmtMoney(lang, r[key]),
    drill: (r) => campaignSlice(slot(r), of),
    drillTitle: (r) => `${name(r)} — ${label}`,
  });
  return [
    { key: 'name', label: t('insights.campaign'), value: name },
    count('leads', t('insights.leads'), t('insights.leadsHint')),
    count('inWork', t('insights.inWorkColumn')),
    count('archivedTarget', t('insights.lostTarget')),
    count('archivedNonTarget', t('insights.notTarget')),
    count('archivedUnclassified', t('insights.lostUnclassified')),
    count('clients', t('insights.clients')),
    count('targetLeads', t('insights.targetLeads'), t('insights.targetLeadsHint')),
    ratio('pctTarget', t('insights.pctTarget'), 'targetLeads', t('insights.pctTargetHint')),
    ratio('pctArchived', t('insights.pctArchived'), 'archived', t('insights.pctArchivedHint')),
    ratio('conversion', t('insights.conversion'), 'clients', t('insights.conversionHint')),
    ...FUNNEL.map((st): Column<CampaignRow> => ({
      key: st,
      label: t(STAGE_LABEL[st]),
      title: t('insights.stageHint'),
      numeric: true,
      value: (r) => r.reached[st],
      render: (r) => fmtInt(lang, r.reached[st]),
      drill: (r) => campaignSlice(slot(r), st),
      drillTitle: (r) => `${name(r)} — ${t(STAGE_LABEL[st])}`,
    })),
    {
      key: 'spend',
      label: t('insights.spend'),
      numeric: true,
      value: (r) => r.spend,
      render: (r) =>
        r.slot < 0 ? (
          fmtMoney(lang, r.spend)
        ) : (
          <input
            type="number"
            min="0"
            step="any"
            class="spend"
            data-testid="campaign-spend"
            value={r.spend ?? ''}
            aria-label={`${t('insights.spend')}: ${name(r)}`}
            onChange={(e) => {
              const v = e.currentTarget.value.trim();
              onSpend(r, v === '' || !(Number(v) >= 0) ? null : Number(v));
            }}
          />
        ),
    },
    cost('costPerLead', t('insights.costPerLead'), 'leads'),
    cost('costPerTargetLead', t('insights.costPerTargetLead'), 'targetLeads'),
  ];
}
