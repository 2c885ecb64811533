/** Archived leads by month created (cohorts, with a line chart) and by month archived. */
import type { ArchivedMonthRow, CreatedMonthRow } from '@/utils/insights/breakdowns';
import type { InsightsResult } from '@/utils/insights/compute';
import { archivedMonthSlice, createdMonthSlice, type ArchivedMonthMetric, type CreatedMonthMetric, type SliceSpec } from '@/utils/insights/slices';
import { LineChart } from './charts/LineChart';
import { fmtInt } from './format';
import { useLang, useT } from './i18n';
import { SortableTable, type Column } from './SortableTable';

type Drill = (spec: SliceSpec, title: string) => void;

export function MonthsTables({ result, onDrill }: { result: InsightsResult; onDrill: Drill }) {
  const t = useT();
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
    ['created', 'line-created', t('Created')],
    ['archived', 'line-archived', t('Archived')],
    ['archivedTarget', 'line-target', t('Lost target')],
    ['archivedNonTarget', 'line-non-target', t('Not target')],
  ];
  return (
    <>
      <h3>{t('By month created (cohorts)')}</h3>
      {rows.length > 1 && (
        <LineChart
          title={t('By month created (cohorts)')}
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
        columns={[{ key: 'month', label: t('Month'), value: (r) => r.label }, ...series.map(([k, , name]) => created(k, name))]}
      />
      <h3>{t('By month archived')}</h3>
      <p class="hint">
        {t('Archive dates come from the change log, or else from the first sync that saw the lead archived (then the loss happened earlier).')}
      </p>
      <SortableTable
        rows={result.archivedMonths}
        rowKey={(r) => r.label}
        onDrill={onDrill}
        columns={[
          { key: 'month', label: t('Month'), value: (r) => r.label },
          archived('archived', 'archived', t('Archived')),
          archived('target', 'target', t('Lost target')),
          archived('non-target', 'nonTarget', t('Not target')),
          archived('unclassified', 'unclassified', t('Lost, unclassified')),
          archived('fromLog', 'fromLog', t('Date from the change log')),
          archived('notFromLog', 'notFromLog', t('Date from the first sync')),
        ]}
      />
    </>
  );
}
