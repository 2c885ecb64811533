/**
 * Drives sync jobs: starts runs, runs them step by step from their persisted cursor, pauses them
 * with a named reason when the CRM cannot be read, and resumes them when the cause is gone. Safe
 * to call again at any time (after a worker restart, an alarm, a click): one runner per job.
 */
import { db } from '@/utils/db';
import { fromErrorInfo, isCrmError, toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { jobKey, newJob, startRun, type PauseReason, type SyncJob } from '@/utils/sync/job';
import { clientFor } from '../api-clients';
import { keepAliveWhile } from '../keepalive';
import { apiStep, updateJob } from './api-steps';
import { requestUiRefresh, uiUnchanged } from './ui-steps';
import { refreshBadge } from './badge';
import { reconcileJob } from './reconcile';

const running = new Set<string>();
export const RESUME_ALARM = 'resume-sync';
const PAUSING: PauseReason[] = ['session-expired', 'rate-limited', 'malformed-response', 'api-key-rejected', 'network'];

export async function ensureJob(origin: string, branch: number): Promise<SyncJob> {
  const key = jobKey(origin, branch);
  const existing = await db.jobs.get(key);
  if (existing) return existing;
  const job = newJob(origin, branch);
  await db.jobs.put(job);
  return job;
}

/** Starts a run unless one is under way; a paused run resumes instead. */
export async function syncNow(origin: string, branch: number, mode?: 'full' | 'incremental'): Promise<void> {
  const job = await ensureJob(origin, branch);
  if (job.state === 'running' && running.has(job.key)) return;
  if (job.state === 'paused' || (job.state === 'running' && !running.has(job.key))) return resume(job.key);
  const chosen = mode ?? (job.lastSuccessStartedAt ? 'incremental' : 'full');
  await db.jobs.put(startRun(job, chosen, new Date().toISOString()));
  await drive(job.key);
}

export async function resume(key: string): Promise<void> {
  await updateJob(key, (j) => {
    if (j.state !== 'paused' && j.state !== 'running') return;
    j.state = 'running';
    delete j.pausedReason;
    delete j.resumeAfter;
  });
  await refreshBadge();
  await drive(key);
}

/** After the worker starts: pick up every run that was under way. */
export async function resumeAll(): Promise<void> {
  const jobs = await db.jobs.where('key').above('').toArray();
  await Promise.all(
    jobs.filter((j) => j.state === 'running' || (j.state === 'paused' && (j.resumeAfter ?? Infinity) <= Date.now())).map((j) => resume(j.key)),
  );
}

async function drive(key: string): Promise<void> {
  if (running.has(key)) return;
  running.add(key);
  try {
    await keepAliveWhile(() => loop(key));
  } finally {
    running.delete(key);
  }
}

async function loop(key: string): Promise<void> {
  let boardAsked = false;
  for (;;) {
    const job = await db.jobs.get(key);
    if (!job || job.state !== 'running') return;
    try {
      if (job.phase === 'dicts' || job.phase === 'api') {
        // A full run reads the archive board in a CRM tab alongside the API part: it needs
        // nothing from it (an incremental run does: which columns changed).
        if (!boardAsked && job.mode === 'full') {
          boardAsked = true;
          await requestUiRefresh(job);
        }
        const client = await clientFor(job.origin);
        if (typeof client === 'string' || !(await apiStep(client, job))) {
          await updateJob(key, (j) => (j.phase = 'ui'));
        }
        continue;
      }
      if (job.phase === 'ui') {
        if (job.ui.state === 'failed') throw fromErrorInfo(job.ui.error ?? { code: 'incomplete-read', message: 'the archive board read failed' });
        if (job.ui.state === 'done' || uiUnchanged(job)) return await completeRun(key, job.runStartedAt);
        // The UI part runs in a CRM tab; it reports back by message (ui-steps.ts).
        await requestUiRefresh(job);
        return;
      }
      return;
    } catch (e) {
      await fail(key, e);
      return;
    }
  }
}

/** A failure pauses the job with its reason when waiting can cure it, else ends the run. */
export async function fail(key: string, e: unknown): Promise<void> {
  const info: ErrorInfo = toErrorInfo(e);
  const pausing = isCrmError(e) && (PAUSING as string[]).includes(e.code);
  await updateJob(key, (j) => {
    j.attempts++;
    j.lastError = info;
    // The board is read again when the run resumes.
    if (j.ui.state === 'failed') j.ui.state = 'pending';
    delete j.ui.error;
    if (pausing) {
      j.state = 'paused';
      j.pausedReason = info;
      if (info.code !== 'session-expired' && info.code !== 'api-key-rejected') {
        j.resumeAfter = Date.now() + 60_000;
        void browser.alarms.create(RESUME_ALARM, { when: j.resumeAfter });
      }
    } else {
      j.state = 'error';
    }
  });
  await refreshBadge();
}

/** The board read is done: the run is complete if the API part is too (else the loop ends it). */
export async function boardDone(key: string, runId: string): Promise<void> {
  const job = await db.jobs.get(key);
  if (job?.state === 'running' && job.phase === 'ui') await completeRun(key, runId);
}

/** Ends run `runId` as a success; a no-op when that run is no longer the one under way. */
export async function completeRun(key: string, runId: string | undefined): Promise<void> {
  const job = await db.jobs.get(key);
  if (!job || job.state !== 'running' || job.runStartedAt !== runId) return;
  const reconciled = await reconcileJob(db, job);
  await updateJob(key, (j) => {
    // The loop and the board's last report may both get here; only the first ends the run.
    if (j.state !== 'running' || j.runStartedAt !== runId) return;
    j.reconciled = reconciled;
    j.state = 'idle';
    j.phase = 'done';
    j.lastSuccessAt = new Date().toISOString();
    j.lastSuccessStartedAt = j.runStartedAt;
    j.ui.state = 'done';
    delete j.lastError;
  });
  await refreshBadge();
}
