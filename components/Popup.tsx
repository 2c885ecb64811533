/** Popup: where the store stands — state, progress, counts, reconciliation — the two actions and Insights. */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CountLine } from '@/utils/engine/source';
import { FormatPicker } from './FormatPicker';
import type { JobStatus, Status } from '@/utils/engine/status-types';
import { errorText, say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages/send';
import { Reconciliation } from './popup/Reconciliation';
import { SyncProgress } from './popup/SyncProgress';

function stateLine(s: JobStatus): string {
  const when = s.lastSuccessAt ? t('popup.lastSync', [new Date(s.lastSuccessAt).toLocaleString()]) : t('popup.neverSynced');
  if (s.state === 'syncing') {
    if (s.waitingForTab) return `${t('state.syncing')}: ${t('popup.waitsForTab')} — ${when}`;
    const progress = s.total ? `${s.done ?? 0} / ${s.total}` : '…';
    return `${t('state.syncing')}: ${s.phase ? t(s.phase) : ''} ${progress} — ${when}`;
  }
  if (s.state === 'paused') return `${t('state.paused')}: ${s.pausedReason ? errorText(s.pausedReason) : t('popup.waiting')} — ${when}`;
  return `${t(`state.${s.state}`)} — ${when}`;
}

/** A count's label in the user's language: a key, or a phrase with values. */
function countLabel(c: CountLine): string {
  return typeof c.label === 'string' ? t(c.label) : say(c.label);
}

/** Accounts beyond the first: a line each with its state, counts and hints (the actions are the first's). */
function OtherAccounts({ jobs }: { jobs: JobStatus[] }) {
  return (
    <>
      {jobs.map((j) => (
        <div key={j.key} data-testid="other-account" data-source={j.source} data-account={j.account} class="muted">
          <p>{`${j.sourceName} · ${new URL(j.account).host} — ${stateLine(j)}`}</p>
          <p>{j.counts.map((c) => `${countLabel(c)}: ${c.value}`).join(' · ')}</p>
          {j.counts
            .filter((c) => c.hint)
            .map((c) => (
              <p key={c.hint}>{t(c.hint!)}</p>
            ))}
        </div>
      ))}
    </>
  );
}

/** Insights for the account and partition the popup shows. */
function openInsights(job: JobStatus) {
  const query = new URLSearchParams({ account: job.account, branch: job.partition });
  return browser.tabs.create({ url: browser.runtime.getURL(`/insights.html?${query}`) });
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
    setNote(res.ok ? '' : errorText(res.error));
  };
  const exportAll = async () => {
    setNote(t('phase.writingFile'));
    const res = await sendMessage('exportAll', { jobKey: job?.key });
    setNote(res.ok ? t('export.saved', [res.value.fileName, res.value.rows]) : errorText(res.error));
  };

  return (
    <div class="page popup">
      <h1>{t('app.name')}</h1>
      {job && <p class="muted">{`${job.sourceName} · ${new URL(job.account).host}${job.partition ? ` · ${t('popup.branch')} ${job.partition}` : ''}`}</p>}
      {status && status.accounts === 0 && <p class="muted">{t('popup.noAccount')}</p>}
      <p data-testid="sync-status" data-state={job?.state ?? 'idle'} data-last-sync={job?.lastSuccessAt ?? ''} class={`state ${job?.state ?? ''}`}>
        {status ? (job ? stateLine(job) : t('state.idle')) : t('popup.loading')}
      </p>
      <dl class="counts">
        {(job?.counts ?? []).map((c) => (
          <Fragment key={JSON.stringify(c.label)}>
            <dt>{countLabel(c)}</dt>
            <dd data-testid={c.testId}>{c.value}</dd>
          </Fragment>
        ))}
      </dl>
      {job?.counts
        .filter((c) => c.hint)
        .map((c) => (
          <p data-testid="count-hint" class="muted" key={c.hint}>
            {t(c.hint!)}
          </p>
        ))}
      {job?.state === 'syncing' && <SyncProgress job={job} />}
      {job?.reconciled?.lines && <Reconciliation lines={job.reconciled.lines} />}
      {/* Stores written before the phrases kept English sentences here: left out until the next sync. */}
      {job?.reconciled?.differences.filter(Array.isArray).map((d) => (
        <p class="muted" key={d.join()}>
          {t('popup.difference', [job.partition, say(d)])}
        </p>
      ))}
      <div class="actions">
        <button data-testid="sync-now" onClick={syncNow} disabled={job?.state === 'syncing'}>
          {t('popup.syncNow')}
        </button>
        <button data-testid="export-csv" onClick={exportAll}>
          {t('popup.exportAll')}
        </button>
        <FormatPicker />
      </div>
      {job?.insights && (
        <button data-testid="open-insights" class="link" onClick={() => void openInsights(job)}>
          {t('popup.openInsights')}
        </button>
      )}
      {note && (
        <p data-testid="popup-note" class="muted">
          {note}
        </p>
      )}
      <p data-testid="last-error" class="status error">
        {job?.lastError ? errorText(job.lastError) : ''}
      </p>
      <OtherAccounts jobs={status?.jobs.slice(1) ?? []} />
    </div>
  );
}
