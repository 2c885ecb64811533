/** While a sync runs: its phase and a bar of done / total (indeterminate when the total is not known yet). */
import type { JobStatus } from '@/utils/engine/status-types';
import { t } from '@/utils/i18n';

export function SyncProgress({ job }: { job: JobStatus }) {
  const total = job.total ?? 0;
  const done = Math.min(job.done ?? 0, total);
  return (
    <div data-testid="sync-progress" class="progress" data-phase={job.phase ?? ''} data-done={done} data-total={total}>
      <span>
        {job.waitingForTab ? t('popup.waitsForTab') : job.phase ? t(job.phase) : t('state.syncing')}
        {total > 0 ? ` ${done} / ${total}` : ''}
      </span>
      {total > 0 ? <progress max={total} value={done} /> : <progress />}
    </div>
  );
}
