/** Reject reasons: archived leads per reason, its share, and the category the user gives it. */
import { t } from '@/utils/i18n';
import type { InsightsResult } from '@/utils/insights/compute';
import type { ReasonRow } from '@/utils/insights/reasons';
import { reasonSlice, type SliceSpec } from '@/utils/insights/slices';
import { CATEGORIES, type Category } from '@/utils/insights/types';
import { BarChart } from './charts/BarChart';
import { fmtInt, fmtPct } from './format';
import { useLang } from './lang';
import { CATEGORY_LABEL, categoryClass, reasonName } from './labels';
import { SortableTable, type Column } from './SortableTable';

interface Props {
  result: InsightsResult;
  onDrill: (spec: SliceSpec, title: string) => void;
  onCategory: (reasonId: number, category: Category) => void;
}

export function ReasonsSection({ result, onDrill, onCategory }: Props) {
  const lang = useLang();
  const name = (r: ReasonRow) => reasonName(r.id, r.name);
  const columns: Column<ReasonRow>[] = [
    {
      key: 'name',
      label: t('insights.reason'),
      value: name,
      render: (r) => (
        <>
          {name(r)}
          {!r.enabled && <span class={`badge ${r.disabledWithLeads ? 'warn' : ''}`}>{t('insights.disabled')}</span>}
          {!r.inDictionary && <span class="badge warn">{t('insights.notInDictionary')}</span>}
        </>
      ),
    },
    {
      key: 'count',
      label: t('insights.archivedLeads'),
      numeric: true,
      value: (r) => r.count,
      render: (r) => fmtInt(lang, r.count),
      drill: (r) => reasonSlice(r.slot),
      drillTitle: name,
    },
    {
      key: 'share',
      label: t('insights.share'),
      numeric: true,
      value: (r) => r.share,
      render: (r) => fmtPct(lang, r.share),
      drill: (r) => reasonSlice(r.slot),
      drillTitle: name,
    },
    {
      key: 'category',
      label: t('insights.category'),
      value: (r) => CATEGORIES.indexOf(r.category),
      render: (r) => (
        <select data-testid="reason-category" value={r.category} onChange={(e) => onCategory(r.id, e.currentTarget.value as Category)}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(CATEGORY_LABEL[c])}
              {c === r.seed ? ' *' : ''}
            </option>
          ))}
        </select>
      ),
    },
  ];
  const bars = result.reasons
    .filter((r) => r.count > 0)
    .map((r) => ({
      key: String(r.id),
      label: name(r),
      value: r.count,
      cls: categoryClass(r.category),
      onClick: () => onDrill(reasonSlice(r.slot), name(r)),
    }));
  return (
    <section id="reasons">
      <h2>{t('insights.rejectReasons')}</h2>
      <p class="hint">{t('insights.reasonsHint')}</p>
      <SortableTable
        columns={columns}
        rows={result.reasons}
        rowKey={(r) => String(r.id)}
        onDrill={onDrill}
        rowAttrs={(r) => ({ 'data-testid': 'reason-row', 'data-reason-id': String(r.id), 'data-count': String(r.count), 'data-category': r.category })}
      />
      {bars.length > 0 && <BarChart bars={bars} title={t('insights.rejectReasons')} />}
    </section>
  );
}
