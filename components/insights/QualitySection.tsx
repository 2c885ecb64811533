/** Data quality: what to fix in the CRM before trusting the numbers above. */
import { t } from '@/utils/i18n';
import type { InsightsResult } from '@/utils/insights/compute';
import type { CountDisagreement } from '@/utils/insights/quality';
import { reasonSlice, type SliceSpec } from '@/utils/insights/slices';
import { fmtInt } from './format';
import { useLang } from './lang';
import { reasonName } from './labels';
import { SortableTable, type Column } from './SortableTable';

type Drill = (spec: SliceSpec, title: string) => void;
const SHOWN_DUPLICATES = 50;

export function QualitySection({ result, onDrill }: { result: InsightsResult; onDrill: Drill }) {
  const lang = useLang();
  const q = result.quality;
  const { prep } = result.tally.view;
  const slotOf = (id: number) => (id === 0 ? 0 : prep.reasons.findIndex((r) => r.id === id));
  const dName = (d: CountDisagreement) => reasonName(d.reasonId === 0 ? null : d.reasonId, d.name);
  const disagreementColumns: Column<CountDisagreement>[] = [
    { key: 'reason', label: t('insights.reason'), value: dName },
    { key: 'ui', label: t('insights.crmBoard'), numeric: true, value: (d) => d.ui, render: (d) => fmtInt(lang, d.ui) },
    {
      key: 'api',
      label: t('insights.api'),
      numeric: true,
      value: (d) => d.api,
      render: (d) => fmtInt(lang, d.api),
      drill: (d) => ({ ...reasonSlice(slotOf(d.reasonId)), unfiltered: true }),
      drillTitle: dName,
    },
    { key: 'diff', label: t('insights.difference'), numeric: true, value: (d) => d.ui - d.api },
  ];
  const allDuplicates = [...new Set(q.duplicates.flatMap((d) => d.members))];
  return (
    <section id="quality">
      <h2>{t('insights.dataQuality')}</h2>
      <ul class="quality">
        <li>
          {t('insights.withoutReason')}:{' '}
          <button type="button" class="num" onClick={() => onDrill(reasonSlice(0), t('insights.withoutReason'))}>
            {fmtInt(lang, q.noReason)}
          </button>
        </li>
        <li>
          {t('insights.inDisabledReasons')}:{' '}
          {q.disabledReasons.length === 0
            ? '0'
            : q.disabledReasons.map((r) => (
                <button key={r.id} type="button" class="num" onClick={() => onDrill(reasonSlice(r.slot), reasonName(r.id, r.name))}>
                  {reasonName(r.id, r.name)}: {fmtInt(lang, r.count)}
                </button>
              ))}
        </li>
        <li>
          {t('insights.sharedPhones')}:{' '}
          <button type="button" class="num" onClick={() => onDrill({ indices: allDuplicates }, t('insights.sharedPhones'))}>
            {fmtInt(lang, q.duplicateRecords)}
          </button>{' '}
          {t('insights.phones', [fmtInt(lang, q.duplicates.length)])}
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
      <h3>{t('insights.boardVsApi')}</h3>
      {q.disagreements === null ? (
        <p class="hint">{t('insights.boardNotRead')}</p>
      ) : q.disagreements.length === 0 ? (
        <p class="hint">{t('insights.boardAgrees')}</p>
      ) : (
        <SortableTable columns={disagreementColumns} rows={q.disagreements} rowKey={(d) => String(d.reasonId)} onDrill={onDrill} />
      )}
      {!prep.data.hasApi && <p class="hint">{t('insights.noApiData')}</p>}
    </section>
  );
}
