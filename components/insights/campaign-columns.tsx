/** The campaigns table's columns: counts, shares, funnel stages, spend and costs. */
import { FUNNEL, type CampaignRow } from '@/utils/insights/campaigns';
import { campaignSlice, type CampaignMetric } from '@/utils/insights/slices';
import type { Column } from './SortableTable';
import { fmtInt, fmtMoney, fmtPct } from './format';
import type { T } from './i18n';
import { groupName, STAGE_LABEL } from './labels';
import type { Lang } from './strings';

const slot = (r: CampaignRow) => (r.slot < 0 ? undefined : r.slot);

export function campaignColumns(t: T, lang: Lang, onSpend: (row: CampaignRow, value: number | null) => void): Column<CampaignRow>[] {
  const name = (r: CampaignRow) => (r.slot < 0 ? t('Total') : groupName(t, r.label));
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
    { key: 'name', label: t('Campaign'), value: name },
    count('leads', t('Leads'), t('Every record: leads and clients, active and archived')),
    count('inWork', t('In work')),
    count('archivedTarget', t('Lost target')),
    count('archivedNonTarget', t('Not target')),
    count('archivedUnclassified', t('Lost, unclassified')),
    count('clients', t('Clients')),
    count('targetLeads', t('Target leads'), t('Leads minus those archived as not target')),
    ratio('pctTarget', t('% target'), 'targetLeads', t('Target leads ÷ leads')),
    ratio('pctArchived', t('% archived'), 'archived', t('Archived leads ÷ leads')),
    ratio('conversion', t('Conversion'), 'clients', t('Clients ÷ target leads')),
    ...FUNNEL.map((st): Column<CampaignRow> => ({
      key: st,
      label: t(STAGE_LABEL[st]),
      title: t('Reached at least this stage (clients reached them all)'),
      numeric: true,
      value: (r) => r.reached[st],
      render: (r) => fmtInt(lang, r.reached[st]),
      drill: (r) => campaignSlice(slot(r), st),
      drillTitle: (r) => `${name(r)} — ${t(STAGE_LABEL[st])}`,
    })),
    {
      key: 'spend',
      label: t('Spend'),
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
            aria-label={`${t('Spend')}: ${name(r)}`}
            onChange={(e) => {
              const v = e.currentTarget.value.trim();
              onSpend(r, v === '' || !(Number(v) >= 0) ? null : Number(v));
            }}
          />
        ),
    },
    cost('costPerLead', t('Cost per lead'), 'leads'),
    cost('costPerTargetLead', t('Cost per target lead'), 'targetLeads'),
  ];
}
