/** Popup: where the store stands — state, counts, reconciliation — and the two actions. */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type SyncStatus } from '@/utils/messaging';

function stateLine(s: SyncStatus): string {
  const when = s.lastSuccessAt ? `last sync ${new Date(s.lastSuccessAt).toLocaleString()}` : 'never synced';
  if (s.state === 'syncing') {
    if (s.waitingForTab) return `syncing: the archive part waits for an open AlfaCRM tab — ${when}`;
    const progress = s.total ? `${s.done ?? 0} / ${s.total}` : '…';
    return `syncing: ${s.phase ?? ''} ${progress} — ${when}`;
  }
  if (s.state === 'paused') return `paused: ${s.pausedReason?.message ?? 'waiting'} — ${when}`;
  if (s.state === 'error') return `error — ${when}`;
  return `idle — ${when}`;
}

export function Popup() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    const load = () => void sendMessage('getStatus').then(setStatus).catch(() => undefined);
    load();
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, []);

  const syncNow = async () => {
    const res = await sendMessage('syncNow');
    setNote(res.ok ? '' : res.error.message);
  };
  const exportAll = async () => {
    setNote('writing the file…');
    const res = await sendMessage('exportAll');
    setNote(res.ok ? `Saved ${res.value.fileName}: ${res.value.rows} rows` : res.error.message);
  };

  return (
    <div class="page popup">
      <h1>CRM Archive Export</h1>
      {status?.account && <p class="muted">{new URL(status.account.origin).host}</p>}
      <p data-testid="sync-status" data-last-success={status?.lastSuccessAt ?? ''} class={`state ${status?.state ?? ''}`}>{status ? stateLine(status) : 'loading…'}</p>
      <dl class="counts">
        <dt>Active</dt>
        <dd data-testid="count-active">{status?.counts.active ?? 0}</dd>
        <dt>Archived</dt>
        <dd data-testid="count-archived">{status?.counts.archived ?? 0}</dd>
        <dt>Archived with reason</dt>
        <dd data-testid="count-with-reason">{status?.counts.withReason ?? 0}</dd>
      </dl>
      {!!status?.reconciliation.length && (
        <table data-testid="reconciliation" class="recon">
          <thead>
            <tr><th>Branch</th><th title="archived leads on the board">UI leads</th><th title="archived leads and clients">API</th><th>Stored</th></tr>
          </thead>
          <tbody>
            {status.reconciliation.map((r) => (
              <tr key={r.branch}>
                <td>{r.branch}</td>
                <td>{r.ui ?? '—'}</td>
                <td>{r.api ?? '—'}</td>
                <td>{r.stored}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status?.reconciliation.flatMap((r) => r.differences.map((d) => <p class="muted" key={d}>branch {r.branch}: {d}</p>))}
      <div class="actions">
        <button data-testid="sync-now" onClick={syncNow} disabled={status?.state === 'syncing'}>Sync now</button>
        <button data-testid="export-csv" onClick={exportAll}>Export all leads</button>
      </div>
      {note && <p data-testid="popup-note" class="muted">{note}</p>}
      <p data-testid="last-error" class="status error">{status?.lastError?.message ?? ''}</p>
    </div>
  );
}
