/** Time to loss (median days from creation to archive) and the stage leads were lost at. */
import type { InsightsResult } from '@/utils/insights/compute';
import { lossStageSlice, lossTimeSlice, type SliceSpec } from '@/utils/insights/slices';
import type { LossStageRow, LossTimeRow } from '@/utils/insights/time-to-loss';
import { CATEGORIES } from '@/utils/insights/types';
import { fmtDays, fmtInt } from './format';
import { useLang, useT } from './i18n';
import { CATEGORY_LABEL, groupName, reasonName, STAGE_LABEL } from './labels';
import { SortableTable, type Column } from './SortableTable';

type Drill = (spec: SliceSpec, title: string) => void;

export function TimeToLossSection({ result, onDrill }: { result: InsightsResult; onDrill: Drill }) {
  const t = useT();
  const lang = useLang();
  const reasons = result.tally.view.prep.reasons;
  const timeColumns = (by: 'reason' | 'group', name: (r: LossTimeRow) => string): Column<LossTimeRow>[] => {
    const days = (key: 'median' | 'p25' | 'p75', label: string): Column<LossTimeRow> => ({
      key,
      label,
      numeric: true,
      title: t('Half (median), a quarter, three quarters of these leads were lost within this many days'),
      value: (r) => r[key],
      render: (r) => fmtDays(lang, r[key]),
      drill: (r) => lossTimeSlice(by, r.slot),
      drillTitle: (r) => `${name(r)} — ${label}`,
    });
    return [
      { key: 'name', label: by === 'reason' ? t('Reason') : t('Campaign'), value: name },
      {
        key: 'n',
        label: t('Leads'),
        numeric: true,
        value: (r) => r.n,
        render: (r) => fmtInt(lang, r.n),
        drill: (r) => lossTimeSlice(by, r.slot),
        drillTitle: name,
      },
      days('median', t('Median, days')),
      days('p25', t('25%, days')),
      days('p75', t('75%, days')),
    ];
  };
  const stageName = (r: LossStageRow) => t(STAGE_LABEL[r.stage]);
  const stageColumns: Column<LossStageRow>[] = [
    { key: 'stage', label: t('Stage at loss'), value: (r) => (r.stage === 'unknown' ? 99 : result.lossStages.indexOf(r)), render: stageName },
    {
      key: 'total',
      label: t('Archived leads'),
      numeric: true,
      value: (r) => r.total,
      render: (r) => fmtInt(lang, r.total),
      drill: (r) => lossStageSlice(r.stage),
      drillTitle: stageName,
    },
    ...CATEGORIES.map((c): Column<LossStageRow> => ({
      key: c,
      label: t(CATEGORY_LABEL[c]),
      numeric: true,
      value: (r) => r.byCategory[c],
      render: (r) => fmtInt(lang, r.byCategory[c]),
      drill: (r) => lossStageSlice(r.stage, c),
      drillTitle: (r) => `${stageName(r)} — ${t(CATEGORY_LABEL[c])}`,
    })),
  ];
  return (
    <section id="time-to-loss">
      <h2>{t('Time to loss')}</h2>
      <p class="hint">{t('From change-log dates only; $1 archived leads have no change-log date and are left out.', fmtInt(lang, result.tally.lossUndated))}</p>
      <div class="two">
        <div class="scroll">
          <SortableTable
            columns={timeColumns('reason', (r) => reasonName(t, reasons[r.slot].id, r.label))}
            rows={result.lossByReason}
            rowKey={(r) => String(r.slot)}
            onDrill={onDrill}
          />
        </div>
        <div class="scroll">
          <SortableTable
            columns={timeColumns('group', (r) => groupName(t, r.label))}
            rows={result.lossByGroup}
            rowKey={(r) => String(r.slot)}
            onDrill={onDrill}
          />
        </div>
      </div>
      <h3>{t('Stage at loss')}</h3>
      <p class="hint">{t('The status the change log says the lead left, else its last status, through the stage map.')}</p>
      <SortableTable columns={stageColumns} rows={result.lossStages} rowKey={(r) => r.stage} onDrill={onDrill} />
    </section>
  );
}
