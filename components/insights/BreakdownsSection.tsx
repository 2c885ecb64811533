/** Breakdowns: reasons by campaign or by manager, and archived leads by month. */
import { useState } from 'preact/hooks';
import type { InsightsResult } from '@/utils/insights/compute';
import type { SliceSpec } from '@/utils/insights/slices';
import { useT } from './i18n';
import { groupName, managerName } from './labels';
import { MatrixTable } from './MatrixTable';
import { MonthsTables } from './MonthsTables';

export function BreakdownsSection({ result, onDrill }: { result: InsightsResult; onDrill: (spec: SliceSpec, title: string) => void }) {
  const t = useT();
  const [by, setBy] = useState<'group' | 'manager'>('group');
  const [shareOf, setShareOf] = useState<'row' | 'col'>('row');
  return (
    <section id="breakdowns">
      <h2>{t('Breakdowns')}</h2>
      <div class="controls">
        <label>
          {t('Reasons by')}{' '}
          <select value={by} onChange={(e) => setBy(e.currentTarget.value as 'group' | 'manager')}>
            <option value="group">{t('campaign')}</option>
            <option value="manager">{t('manager')}</option>
          </select>
        </label>
        <label>
          {t('Share of')}{' '}
          <select value={shareOf} onChange={(e) => setShareOf(e.currentTarget.value as 'row' | 'col')}>
            <option value="row">{t('the reason (row)')}</option>
            <option value="col">{t('the column')}</option>
          </select>
        </label>
      </div>
      <MatrixTable
        matrix={by === 'group' ? result.bySource : result.byManager}
        by={by}
        shareOf={shareOf}
        onDrill={onDrill}
        colName={(l) => (by === 'group' ? groupName(t, l) : managerName(t, l))}
      />
      <MonthsTables result={result} onDrill={onDrill} />
    </section>
  );
}
