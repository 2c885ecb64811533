/** Breakdowns: reasons by campaign or by manager, and archived leads by month. */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { InsightsResult } from '@/utils/insights/compute';
import type { SliceSpec } from '@/utils/insights/slices';
import { groupName, managerName } from './labels';
import { MatrixTable } from './MatrixTable';
import { MonthsTables } from './MonthsTables';

export function BreakdownsSection({ result, onDrill }: { result: InsightsResult; onDrill: (spec: SliceSpec, title: string) => void }) {
  const [by, setBy] = useState<'group' | 'manager'>('group');
  const [shareOf, setShareOf] = useState<'row' | 'col'>('row');
  return (
    <section id="breakdowns">
      <h2>{t('insights.breakdowns')}</h2>
      <div class="controls">
        <label>
          {t('insights.reasonsBy')}{' '}
          <select value={by} onChange={(e) => setBy(e.currentTarget.value as 'group' | 'manager')}>
            <option value="group">{t('insights.byCampaign')}</option>
            <option value="manager">{t('insights.byManager')}</option>
          </select>
        </label>
        <label>
          {t('insights.shareOf')}{' '}
          <select value={shareOf} onChange={(e) => setShareOf(e.currentTarget.value as 'row' | 'col')}>
            <option value="row">{t('insights.ofRow')}</option>
            <option value="col">{t('insights.ofColumn')}</option>
          </select>
        </label>
      </div>
      <MatrixTable
        matrix={by === 'group' ? result.bySource : result.byManager}
        by={by}
        shareOf={shareOf}
        onDrill={onDrill}
        colName={(l) => (by === 'group' ? groupName(l) : managerName(l))}
      />
      <MonthsTables result={result} onDrill={onDrill} />
    </section>
  );
}
