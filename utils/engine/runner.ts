/**
 * Drives runs: starts them, works through their tasks from the persisted cursor, pauses with a
 * named reason when the CRM cannot be read, resumes when the cause is gone, completes them.
 * Safe to call again at any time (a worker restart, an alarm, a click): one loop per job.
 */
import { engineOf } from '../sources';
import { CrmError, fromErrorInfo, isCrmError, toErrorInfo, type CrmErrorCode, type ErrorInfo } from '../errors';
import { clientFor } from './accounts';
import { apiStep } from './api-task';
import { refreshBadge } from './badge';
import { deliverFile } from './deliver';
import { updateJob } from './jobs';
import { keepAliveWhile } from './keepalive';
import { isDone, nextTask, startRun, type Job, type Task } from './run';
import type { RunContext, RunMode } from './source';
import { db } from './store';
import { runCompleted } from './run-events';
import { readerGone, requestTab } from './tab-task';

const running = new Set<string>();
export const RESUME_ALARM = 'resume-sync';
/** Errors that waiting (or the user) can cure: the run pauses instead of ending. */
const PAUSING: CrmErrorCode[] = ['session-expired', 'rate-limited', 'malformed-response', 'api-key-rejected', 'network', 'incomplete-read'];
/** Errors only the user can cure: no timed retry. */
const NEEDS_USER: string[] = ['session-expired', 'api-key-rejected'];
/** Timed retries of one run before it stops and waits for a click. */
export const MAX_ATTEMPTS = 6;

/** Starts a run unless one is under way; a paused run resumes instead. */
export async function syncNow(key: string, mode?: Exclude<RunMode, 'export'>): Promise<void> {
  const job = await db.jobs.get(key);
  if (!job) return;
  if (job.state === 'running' && running.has(key)) return;
  if (job.state === 'paused' || (job.state === 'running' && !running.has(key))) return resume(key);
  const chosen = mode ?? (job.lastSuccessStartedAt ? 'incremental' : 'full');
  const hasApi = (await clientFor(job.source, job.account)) !== null;
  const planned = engineOf(job.source).plan({ mode: chosen, job, hasApi, scope: null });
  await db.jobs.put(startRun(job, planned.mode ?? chosen, planned.tasks, new Date().toISOString(), planned.syncs));
  await drive(key);
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

/** Runs under way, and paused ones whose wait is over; at a fresh start of the worker or the browser, also those the browser's own failure paused. */
export async function resumeAll(opts: { freshStart?: boolean } = {}): Promise<void> {
  const jobs = await db.jobs.toArray();
  const due = jobs.filter(
    (j) =>
      j.state === 'running' ||
      (j.state === 'paused' && ((j.resumeAfter ?? Infinity) <= Date.now() || (opts.freshStart === true && j.pausedReason?.code === 'unknown'))),
  );
  await Promise.all(due.map((j) => resume(j.key)));
}

export async function drive(key: string): Promise<void> {
  if (running.has(key)) return;
  running.add(key);
  try {
    await keepAliveWhile(() => loop(key));
  } finally {
    running.delete(key);
  }
}

async function loop(key: string): Promise<void> {
  const asked = new Set<string>();
  for (;;) {
    const job = await db.jobs.get(key);
    if (!job?.run || job.state !== 'running') return;
    let alongsideAsked = false;
    try {
      // Reads that go beside the other tasks are asked for once, at the start, and again if
      // their tab is gone (the browser was closed while it read).
      for (const t of job.run.tasks) {
        // Keyed by run: this loop may go on into a run started meanwhile (an export's click).
        const once = `${job.run.id}|${t.name}`;
        if (t.kind === 'tab' && t.alongside && !asked.has(once) && (t.state === 'pending' || (await readerGone(t)))) {
          asked.add(once);
          const refused = await requestTab(key, t.name);
          if (refused) throw fromErrorInfo(refused);
          alongsideAsked = true;
        }
      }
      // The job read above is stale now.
      if (alongsideAsked) continue;
      const task = nextTask(job.run);
      if (!task) return await completeRun(key, job.run.id);
      const src = engineOf(job.source);
      const ctx: RunContext = { db, job, client: await clientFor(job.source, job.account) };
      const index = job.run.tasks.indexOf(task);
      if (task.kind === 'step' || (task.kind === 'api' && !ctx.client)) {
        // Without a client (credentials removed mid-run) the API tasks are passed over.
        const outcome = task.kind === 'step' && ctx.client ? await src.step(task.name, ctx) : undefined;
        await settleTask(job, index, outcome?.tasks ?? [], outcome?.memo ?? {});
      } else if (task.kind === 'api') {
        await apiStep(src, ctx, index);
      } else if (task.kind === 'file') {
        await deliverFile(job, index, ctx.client !== null);
      } else {
        if (task.state === 'failed') throw task.error ? fromErrorInfo(task.error) : new CrmError('incomplete-read', 'the tab read failed');
        if (task.state === 'pending' && !(await src.needsTab(ctx, task.name))) {
          await updateJob(key, (j) => j.run?.id === job.run!.id && Object.assign(j.run.tasks[index], { state: 'done' }));
          continue;
        }
        const ask = task.state === 'pending' || task.state === 'waiting-tab' || (await readerGone(task));
        const refused = ask ? await requestTab(key, task.name) : null;
        if (refused) throw fromErrorInfo(refused);
        const after = await db.jobs.get(key);
        const t = after?.run?.tasks[index];
        // An export's own tab that cannot read ends that export; a sync waits for a tab.
        if (t?.kind === 'tab' && t.tabId != null && t.state === 'waiting-tab') throw new CrmError('tab-closed');
        return; // the tab reports by message (tab-reports.ts)
      }
    } catch (e) {
      await fail(key, e);
      return;
    }
  }
}

/** Marks a step (or a passed-over task) done, inserting what it asked for after it. */
async function settleTask(job: Job, index: number, more: Task[], memo: Record<string, unknown>): Promise<void> {
  await updateJob(job.key, (j) => {
    if (j.run?.id !== job.run!.id) return;
    const t = j.run.tasks[index];
    if (isDone(t)) return;
    if (t.kind === 'tab') t.state = 'done';
    else t.done = true;
    j.run.tasks.splice(index + 1, 0, ...more);
    Object.assign(j.memo, memo);
  });
}

function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(attempts - 1, 0), 30 * 60_000);
}

/**
 * A failure pauses the job with its reason when waiting can cure it (a timed retry, backing off,
 * or the user's action), else ends the run. Exports waiting on the run end with the error.
 */
export async function fail(key: string, e: unknown): Promise<void> {
  const info: ErrorInfo = toErrorInfo(e);
  await updateJob(key, (j) => {
    j.attempts++;
    j.lastError = info;
    for (const x of j.run?.exports ?? []) if (!x.result && !x.error) x.error = info;
    // A tab read asked again when the run goes on; an export run is the user's and ends here.
    for (const t of j.run?.tasks ?? []) if (t.kind === 'tab' && t.state !== 'done') t.state = 'pending';
    // Not the CRM's doing (the browser's storage or messaging failed, e.g. while it shuts down):
    // worth another try, as a named CRM failure that waiting can cure is.
    const curable = isCrmError(e) ? PAUSING.includes(e.code) : true;
    const pausing = curable && j.run?.mode !== 'export' && j.attempts < MAX_ATTEMPTS;
    if (!pausing) {
      j.state = 'error';
      return;
    }
    j.state = 'paused';
    j.pausedReason = info;
    if (!NEEDS_USER.includes(info.code)) {
      j.resumeAfter = Date.now() + backoffMs(j.attempts);
      void browser.alarms.create(RESUME_ALARM, { when: j.resumeAfter });
    }
  });
  await refreshBadge();
}

/** Ends run `runId` as a success; a no-op when that run is no longer the one under way. */
export async function completeRun(key: string, runId: string): Promise<void> {
  const job = await db.jobs.get(key);
  if (!job?.run || job.state !== 'running' || job.run.id !== runId) return;
  const kept = await engineOf(job.source).complete({ db, job, client: null });
  await updateJob(key, (j) => {
    // The loop and a tab's last report may both get here; only the first ends the run.
    if (j.state !== 'running' || j.run?.id !== runId) return;
    j.memo = kept.memo;
    if (kept.reconciled) j.reconciled = kept.reconciled;
    j.state = 'idle';
    j.attempts = 0;
    delete j.lastError;
    if (j.run.syncs) {
      j.lastSuccessAt = new Date().toISOString();
      j.lastSuccessStartedAt = j.run.id;
      j.incrementals = j.run.mode === 'incremental' ? j.incrementals + 1 : 0;
    }
  });
  await refreshBadge();
  runCompleted(key);
}
