/** Popup: where the store stands — state, counts, reconciliation — and the two actions. */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { JobStatus, Status } from '@/utils/engine/status-types';
import { errorText, tr } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages/send';

function stateLine(s: JobStatus): string {
  const when = s.lastSuccessAt ? tr('last sync $1', [new Date(s.lastSuccessAt).toLocaleString()]) : tr('never synced');
  if (s.state === 'syncing') {
    if (s.waitingForTab) return `${tr('syncing')}: ${tr('the archive part waits for an open CRM tab')} — ${when}`;
    const progress = s.total ? `${s.done ?? 0} / ${s.total}` : '…';
    return `${tr('syncing')}: ${tr(s.phase ?? '')} ${progress} — ${when}`;
  }
  if (s.state === 'paused') return `${tr('paused')}: ${errorText(s.pausedReason?.message ?? tr('waiting'))} — ${when}`;
  return `${tr(s.state)} — ${when}`;
}

export function Popup() {
  const [status, setStatus] = useState<Status | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    // Ask again a second after each answer, never while one is pending.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = async () => {
      const res = await sendMessage('getStatus').catch(() => null);
      if (res?.ok) setStatus(res.value);
      if (live) timer = setTimeout(load, 1000);
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const job = status?.jobs[0];
  const syncNow = async () => {
    const res = await sendMessage('syncNow', { jobKey: job?.key });
    setNote(res.ok ? '' : errorText(res.error.message));
  };
  const exportAll = async () => {
    setNote(tr('writing the file'));
    const res = await sendMessage('exportAll', { jobKey: job?.key });
    setNote(res.ok ? tr('Saved $1: $2 rows', [res.value.fileName, res.value.rows]) : errorText(res.error.message));
  };

  return (
    <div class="page popup">
      <h1>{tr('CRM Archive Export')}</h1>
      {job && <p class="muted">{`${job.sourceName} · ${new URL(job.account).host}${job.partition ? ` · ${tr('branch')} ${job.partition}` : ''}`}</p>}
      {status && status.accounts === 0 && <p class="muted">{tr('Add your CRM account in the options to sync in the background.')}</p>}
      <p data-testid="sync-status" data-state={job?.state ?? 'idle'} data-last-sync={job?.lastSuccessAt ?? ''} class={`state ${job?.state ?? ''}`}>
        {status ? (job ? stateLine(job) : tr('idle')) : tr('loading…')}
      </p>
      <dl class="counts">
        {(job?.counts ?? []).map((c) => (
          <Fragment key={c.label}>
            <dt>{tr(c.label)}</dt>
            <dd data-testid={c.testId}>{c.value}</dd>
          </Fragment>
        ))}
      </dl>
      {job?.reconciled && (
        <table data-testid="reconciliation" class="recon">
          <thead>
            <tr>
              <th>{tr('Branch')}</th>
              <th>{tr('UI leads')}</th>
              <th>{tr('API')}</th>
              <th>{tr('Stored')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{job.partition}</td>
              <td>{job.reconciled.ui ?? '—'}</td>
              <td>{job.reconciled.api ?? '—'}</td>
              <td>{job.reconciled.stored ?? '—'}</td>
            </tr>
          </tbody>
        </table>
      )}
      {job?.reconciled?.differences.map((d) => (
        <p class="muted" key={d}>
          {tr('branch $1: $2', [job.partition, d])}
        </p>
      ))}
      <div class="actions">
        <button data-testid="sync-now" onClick={syncNow} disabled={job?.state === 'syncing'}>
          {tr('Sync now')}
        </button>
        <button data-testid="export-csv" onClick={exportAll}>
          {tr('Export all leads')}
        </button>
      </div>
      {note && (
        <p data-testid="popup-note" class="muted">
          {note}
        </p>
      )}
      <p data-testid="last-error" class="status error">
        {errorText(job?.lastError?.message ?? '')}
      </p>
    </div>
  );
}
