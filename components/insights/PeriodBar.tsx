/** The branch picker and the period filter (created between, archived between). */
import { t } from '@/utils/i18n';
import type { PeriodFilter, NamedId } from '@/utils/insights/types';

interface Props {
  branches: NamedId[];
  branch: number;
  onBranch: (branch: number) => void;
  filter: PeriodFilter;
  onFilter: (filter: PeriodFilter) => void;
}

export function PeriodBar({ branches, branch, onBranch, filter, onFilter }: Props) {
  const date = (key: keyof PeriodFilter) => (
    <input
      type="date"
      data-testid={`filter-${key}`}
      value={filter[key] ?? ''}
      onChange={(e) => onFilter({ ...filter, [key]: e.currentTarget.value || undefined })}
    />
  );
  return (
    <div class="controls period">
      <label>
        {t('insights.branch')}{' '}
        <select data-testid="insights-branch" value={String(branch)} onChange={(e) => onBranch(Number(e.currentTarget.value))}>
          {branches.map((b) => (
            <option key={b.id} value={String(b.id)}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <span>
        {t('insights.created')} {date('createdFrom')} — {date('createdTo')}
      </span>
      <span title={t('insights.periodHint')}>
        {t('insights.archived')} {date('archivedFrom')} — {date('archivedTo')}
      </span>
      <button type="button" onClick={() => onFilter({})}>
        {t('insights.allTimeButton')}
      </button>
    </div>
  );
}
