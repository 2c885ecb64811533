/** Popup: where the store stands — state, counts, reconciliation — and the two actions. */
import { useEffect, useState } from 'preact/hooks';
import { errorText, tr } from '@/utils/i18n';
import { sendMessage, type SyncStatus } from '@/utils/messaging';

function stateLine(s: SyncStatus): string {
  const when = s.lastSuccessAt ? tr('last sync $1', [new Date(s.lastSuccessAt).toLocaleString()]) : tr('never synced');
  if (s.state === 'syncing') {
    if (s.waitingForTab) return `${tr('syncing')}: ${tr('the archive part waits for an open AlfaCRM tab')} — ${when}`;
    const progress = s.total ? `${s.done ?? 0} / ${s.total}` : '…';
    return `${tr('syncing')}: ${tr(s.phase ?? '')} ${progress} — ${when}`;
  }
  if (s.state === 'paused') return `${tr('paused')}: ${errorText(s.pausedReason?.message ?? tr('waiting'))} — ${when}`;
  return `${tr(s.state)} — ${when}`;
}

export function Popup() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    // Ask again a second after each answer, never while one is pending.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = async () => {
      await sendMessage('getStatus').then(setStatus).catch(() => undefined);
      if (live) timer = setTimeout(load, 1000);
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const syncNow = async () => {
    const res = await sendMessage('syncNow');
    setNote(res.ok ? '' : errorText(res.error.message));
  };
  const exportAll = async () => {
    setNote(tr('writing the file'));
    const res = await sendMessage('exportAll');
    setNote(res.ok ? tr('Saved $1: $2 rows', [res.value.fileName, res.value.rows]) : errorText(res.error.message));
  };

  return (
    <div class="page popup">
      <h1>{tr('CRM Archive Export')}</h1>
      {status?.account && <p class="muted">{new URL(status.account.origin).host}</p>}
      <p data-testid="sync-status" data-last-success={status?.lastSuccessAt ?? ''} class={`state ${status?.state ?? ''}`}>{status ? stateLine(status) : tr('loading…')}</p>
      <dl class="counts">
        <dt>{tr('Active')}</dt>
        <dd data-testid="count-active">{status?.counts.active ?? 0}</dd>
        <dt>{tr('Archived')}</dt>
        <dd data-testid="count-archived">{status?.counts.archived ?? 0}</dd>
        <dt>{tr('Archived with reason')}</dt>
        <dd data-testid="count-with-reason">{status?.counts.withReason ?? 0}</dd>
      </dl>
      {!!status?.reconciliation.length && (
        <table data-testid="reconciliation" class="recon">
          <thead>
            <tr><th>{tr('Branch')}</th><th>{tr('UI leads')}</th><th>{tr('API')}</th><th>{tr('Stored')}</th></tr>
          </thead>
          <tbody>
            {status.reconciliation.map((r) => (
              <tr key={r.branch}>
                <td>{r.branch}</td>
                <td>{r.ui ?? '—'}</td>
                <td>{r.api ?? '—'}</td>
                <td>{r.stored ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status?.reconciliation.flatMap((r) => r.differences.map((d) => <p class="muted" key={d}>{tr('branch $1: $2', [r.branch, d])}</p>))}
      <div class="actions">
        <button data-testid="sync-now" onClick={syncNow} disabled={status?.state === 'syncing'}>{tr('Sync now')}</button>
        <button data-testid="export-csv" onClick={exportAll}>{tr('Export all leads')}</button>
      </div>
      {note && <p data-testid="popup-note" class="muted">{note}</p>}
      <p data-testid="last-error" class="status error">{errorText(status?.lastError?.message ?? '')}</p>
    </div>
  );
}
