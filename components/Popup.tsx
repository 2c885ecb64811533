/** Popup: where the store stands (state, counts, last error). */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type SyncStatus } from '@/utils/messaging';

export function Popup() {
  const [status, setStatus] = useState<SyncStatus | null>(null);

  useEffect(() => {
    const load = () => void sendMessage('getStatus').then(setStatus);
    load();
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, []);

  return (
    <div class="page popup">
      <h1>CRM Archive Export</h1>
      <p data-testid="sync-status">
        {status ? status.state : 'loading…'}
        {status?.lastSuccessAt ? ` — last sync ${new Date(status.lastSuccessAt).toLocaleString()}` : ''}
      </p>
      <dl class="counts">
        <dt>Active</dt>
        <dd data-testid="count-active">{status?.counts.active ?? 0}</dd>
        <dt>Archived</dt>
        <dd data-testid="count-archived">{status?.counts.archived ?? 0}</dd>
        <dt>Archived with reason</dt>
        <dd data-testid="count-with-reason">{status?.counts.withReason ?? 0}</dd>
      </dl>
      <p data-testid="last-error" class="status error">{status?.lastError?.message ?? ''}</p>
    </div>
  );
}
