/** Data quality: what to fix in the CRM before trusting the numbers above. */
import type { InsightsResult } from '@/utils/insights/compute';
import type { CountDisagreement } from '@/utils/insights/quality';
import { reasonSlice, type SliceSpec } from '@/utils/insights/slices';
import { fmtInt } from './format';
import { useLang, useT } from './i18n';
import { reasonName } from './labels';
import { SortableTable, type Column } from './SortableTable';

type Drill = (spec: SliceSpec, title: string) => void;
const SHOWN_DUPLICATES = 50;

export function QualitySection({ result, onDrill }: { result: InsightsResult; onDrill: Drill }) {
  const t = useT();
  const lang = useLang();
  const q = result.quality;
  const { prep } = result.tally.view;
  const slotOf = (id: number) => (id === 0 ? 0 : prep.reasons.findIndex((r) => r.id === id));
  const dName = (d: CountDisagreement) => reasonName(t, d.reasonId === 0 ? null : d.reasonId, d.name);
  const disagreementColumns: Column<CountDisagreement>[] = [
    { key: 'reason', label: t('Reason'), value: dName },
    { key: 'ui', label: t('CRM board'), numeric: true, value: (d) => d.ui, render: (d) => fmtInt(lang, d.ui) },
    {
      key: 'api',
      label: t('API'),
      numeric: true,
      value: (d) => d.api,
      render: (d) => fmtInt(lang, d.api),
      drill: (d) => ({ ...reasonSlice(slotOf(d.reasonId)), unfiltered: true }),
      drillTitle: dName,
    },
    { key: 'diff', label: t('Difference'), numeric: true, value: (d) => d.ui - d.api },
  ];
  const allDuplicates = [...new Set(q.duplicates.flatMap((d) => d.members))];
  return (
    <section id="quality">
      <h2>{t('Data quality')}</h2>
      <ul class="quality">
        <li>
          {t('Archived leads without a reason')}:{' '}
          <button type="button" class="num" onClick={() => onDrill(reasonSlice(0), t('Archived leads without a reason'))}>
            {fmtInt(lang, q.noReason)}
          </button>
        </li>
        <li>
          {t('Leads in reasons switched off in the CRM')}:{' '}
          {q.disabledReasons.length === 0
            ? '0'
            : q.disabledReasons.map((r) => (
                <button key={r.id} type="button" class="num" onClick={() => onDrill(reasonSlice(r.slot), reasonName(t, r.id, r.name))}>
                  {reasonName(t, r.id, r.name)}: {fmtInt(lang, r.count)}
                </button>
              ))}
        </li>
        <li>
          {t('Records sharing a phone')}:{' '}
          <button type="button" class="num" onClick={() => onDrill({ indices: allDuplicates }, t('Records sharing a phone'))}>
            {fmtInt(lang, q.duplicateRecords)}
          </button>{' '}
          {t('($1 phones)', fmtInt(lang, q.duplicates.length))}
        </li>
      </ul>
      {q.duplicates.length > 0 && (
        <p class="phones">
          {q.duplicates.slice(0, SHOWN_DUPLICATES).map((d) => (
            <button key={d.phone} type="button" class="num" onClick={() => onDrill({ indices: d.members }, d.phone)}>
              {d.phone} ×{d.members.length}
            </button>
          ))}
        </p>
      )}
      <h3>{t('CRM board vs API, per reason')}</h3>
      {q.disagreements === null ? (
        <p class="hint">{t('The CRM board was not read: nothing to compare.')}</p>
      ) : q.disagreements.length === 0 ? (
        <p class="hint">{t('The CRM board and the API agree for every reason.')}</p>
      ) : (
        <SortableTable columns={disagreementColumns} rows={q.disagreements} rowKey={(d) => String(d.reasonId)} onDrill={onDrill} />
      )}
      {!prep.data.hasApi && <p class="hint">{t('No API data: the records come from the CRM pages only.')}</p>}
    </section>
  );
}
