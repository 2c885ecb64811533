/** Time to loss (median days from creation to archive) and the stage leads were lost at. */
import { t } from '@/utils/i18n';
import type { InsightsResult } from '@/utils/insights/compute';
import { lossStageSlice, lossTimeSlice, type SliceSpec } from '@/utils/insights/slices';
import type { LossStageRow, LossTimeRow } from '@/utils/insights/time-to-loss';
import { CATEGORIES } from '@/utils/insights/types';
import { fmtDays, fmtInt } from './format';
import { useLang } from './lang';
import { CATEGORY_LABEL, groupName, reasonName, STAGE_LABEL } from './labels';
import { SortableTable, type Column } from './SortableTable';

type Drill = (spec: SliceSpec, title: string) => void;

export function TimeToLossSection({ result, onDrill }: { result: InsightsResult; onDrill: Drill }) {
  const lang = useLang();
  const reasons = result.tally.view.prep.reasons;
  const timeColumns = (by: 'reason' | 'group', name: (r: LossTimeRow) => string): Column<LossTimeRow>[] => {
    const days = (key: 'median' | 'p25' | 'p75', label: string): Column<LossTimeRow> => ({
      key,
      label,
      numeric: true,
      title: t('insights.daysHint'),
      value: (r) => r[key],
      render: (r) => fmtDays(lang, r[key]),
      drill: (r) => lossTimeSlice(by, r.slot),
      drillTitle: (r) => `${name(r)} — ${label}`,
    });
    return [
      { key: 'name', label: by === 'reason' ? t('insights.reason') : t('insights.campaign'), value: name },
      {
        key: 'n',
        label: t('insights.leads'),
        numeric: true,
        value: (r) => r.n,
        render: (r) => fmtInt(lang, r.n),
        drill: (r) => lossTimeSlice(by, r.slot),
        drillTitle: name,
      },
      days('median', t('insights.medianDays')),
      days('p25', t('insights.p25Days')),
      days('p75', t('insights.p75Days')),
    ];
  };
  const stageName = (r: LossStageRow) => t(STAGE_LABEL[r.stage]);
  const stageColumns: Column<LossStageRow>[] = [
    { key: 'stage', label: t('insights.stageAtLoss'), value: (r) => (r.stage === 'unknown' ? 99 : result.lossStages.indexOf(r)), render: stageName },
    {
      key: 'total',
      label: t('insights.archivedLeads'),
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
      <h2>{t('insights.timeToLoss')}</h2>
      <p class="hint">{t('insights.undatedHint', [fmtInt(lang, result.tally.lossUndated)])}</p>
      <div class="two">
        <div class="scroll">
          <SortableTable
            columns={timeColumns('reason', (r) => reasonName(reasons[r.slot].id, r.label))}
            rows={result.lossByReason}
            rowKey={(r) => String(r.slot)}
            onDrill={onDrill}
          />
        </div>
        <div class="scroll">
          <SortableTable columns={timeColumns('group', (r) => groupName(r.label))} rows={result.lossByGroup} rowKey={(r) => String(r.slot)} onDrill={onDrill} />
        </div>
      </div>
      <h3>{t('insights.stageAtLoss')}</h3>
      <p class="hint">{t('insights.stageAtLossHint')}</p>
      <SortableTable columns={stageColumns} rows={result.lossStages} rowKey={(r) => r.stage} onDrill={onDrill} />
    </section>
  );
}
