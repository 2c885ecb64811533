/** The branch picker and the period filter (created between, archived between). */
import type { PeriodFilter, NamedId } from '@/utils/insights/types';
import { useT } from './i18n';

interface Props {
  branches: NamedId[];
  branch: number;
  onBranch: (branch: number) => void;
  filter: PeriodFilter;
  onFilter: (filter: PeriodFilter) => void;
}

export function PeriodBar({ branches, branch, onBranch, filter, onFilter }: Props) {
  const t = useT();
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
        {t('Branch')}{' '}
        <select data-testid="insights-branch" value={String(branch)} onChange={(e) => onBranch(Number(e.currentTarget.value))}>
          {branches.map((b) => (
            <option key={b.id} value={String(b.id)}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <span>
        {t('Created')} {date('createdFrom')} — {date('createdTo')}
      </span>
      <span title={t('Only archived leads lost in this period are counted')}>
        {t('Archived')} {date('archivedFrom')} — {date('archivedTo')}
      </span>
      <button type="button" onClick={() => onFilter({})}>
        {t('All time')}
      </button>
    </div>
  );
}
