/** Archived leads by month created (cohorts, with a line chart) and by month archived. */
import { t } from '@/utils/i18n';
import type { ArchivedMonthRow, CreatedMonthRow } from '@/utils/insights/breakdowns';
import type { InsightsResult } from '@/utils/insights/compute';
import { archivedMonthSlice, createdMonthSlice, type ArchivedMonthMetric, type CreatedMonthMetric, type SliceSpec } from '@/utils/insights/slices';
import { LineChart } from './charts/LineChart';
import { fmtInt } from './format';
import { useLang } from './lang';
import { SortableTable, type Column } from './SortableTable';

type Drill = (spec: SliceSpec, title: string) => void;

export function MonthsTables({ result, onDrill }: { result: InsightsResult; onDrill: Drill }) {
  const lang = useLang();
  const created = (key: CreatedMonthMetric, label: string): Column<CreatedMonthRow> => ({
    key,
    label,
    numeric: true,
    value: (r) => r[key],
    render: (r) => fmtInt(lang, r[key]),
    drill: (r) => createdMonthSlice(r.month, key),
    drillTitle: (r) => `${r.label} — ${label}`,
  });
  const archived = (key: ArchivedMonthMetric, field: keyof ArchivedMonthRow, label: string): Column<ArchivedMonthRow> => ({
    key,
    label,
    numeric: true,
    value: (r) => r[field] as number,
    render: (r) => fmtInt(lang, r[field] as number),
    drill: (r) => archivedMonthSlice(r.month, key),
    drillTitle: (r) => `${r.label} — ${label}`,
  });
  const rows = result.createdMonths;
  const series: [CreatedMonthMetric, string, string][] = [
    ['created', 'line-created', t('insights.created')],
    ['archived', 'line-archived', t('insights.archived')],
    ['archivedTarget', 'line-target', t('insights.lostTarget')],
    ['archivedNonTarget', 'line-non-target', t('insights.notTarget')],
  ];
  return (
    <>
      <h3>{t('insights.byMonthCreated')}</h3>
      {rows.length > 1 && (
        <LineChart
          title={t('insights.byMonthCreated')}
          labels={rows.map((r) => r.label)}
          series={series.map(([key, cls, name]) => ({
            key,
            cls,
            name,
            values: rows.map((r) => r[key]),
            onPoint: (i) => onDrill(createdMonthSlice(rows[i].month, key), `${rows[i].label} — ${name}`),
          }))}
        />
      )}
      <SortableTable
        rows={rows}
        rowKey={(r) => r.label}
        onDrill={onDrill}
        columns={[{ key: 'month', label: t('insights.month'), value: (r) => r.label }, ...series.map(([k, , name]) => created(k, name))]}
      />
      <h3>{t('insights.byMonthArchived')}</h3>
      <p class="hint">{t('insights.archiveDatesHint')}</p>
      <SortableTable
        rows={result.archivedMonths}
        rowKey={(r) => r.label}
        onDrill={onDrill}
        columns={[
          { key: 'month', label: t('insights.month'), value: (r) => r.label },
          archived('archived', 'archived', t('insights.archived')),
          archived('target', 'target', t('insights.lostTarget')),
          archived('non-target', 'nonTarget', t('insights.notTarget')),
          archived('unclassified', 'unclassified', t('insights.lostUnclassified')),
          archived('fromLog', 'fromLog', t('insights.dateFromLog')),
          archived('notFromLog', 'notFromLog', t('insights.dateFromSync')),
        ]}
      />
    </>
  );
}
