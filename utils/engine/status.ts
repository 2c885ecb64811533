/**
 * What the popup shows: each configured account's jobs, their state and progress, and the
 * counts the source names. Cheap: counts come from indexes, the reconciliation from the job.
 */
import { engineOf } from '../sources';
import { loadSettings, originOf } from '../settings/items';
import { nextTask, type Job, type TabTask } from './run';
import type { JobStatus, Status } from './status-types';
import { db } from './store';

function progress(job: Job): Pick<JobStatus, 'phase' | 'done' | 'total' | 'waitingForTab'> {
  const task = job.run ? nextTask(job.run) : undefined;
  if (!task) return {};
  const src = engineOf(job.source);
  const phase = src.phase(task);
  if (task.kind === 'api') return { phase, done: task.ids.length, total: task.total ?? 0 };
  if (task.kind === 'tab') {
    const done = task.progress?.done ?? Object.values(task.unitsDone).reduce((a, b) => a + b, 0);
    return { phase, done, total: task.progress?.total ?? task.expected ?? 0, waitingForTab: (task as TabTask).state === 'waiting-tab' };
  }
  return { phase };
}

async function statusOf(job: Job): Promise<JobStatus> {
  const src = engineOf(job.source);
  return {
    key: job.key,
    source: job.source,
    sourceName: src.pages.name,
    insights: Boolean(src.insights || src.fieldFill),
    account: job.account,
    partition: job.partition,
    state: job.state === 'running' ? 'syncing' : job.state,
    ...(job.state === 'running' ? progress(job) : {}),
    pausedReason: job.pausedReason,
    lastError: job.lastError,
    lastSuccessAt: job.lastSuccessAt,
    counts: await src.counts(db, job),
    reconciled: job.reconciled,
  };
}

const RANK: Record<Job['state'], number> = { running: 0, paused: 1, error: 2, idle: 3 };

/** Jobs of configured accounts, the one most worth showing first. */
export async function currentStatus(): Promise<Status> {
  const { accounts } = await loadSettings();
  const configured = new Set(accounts.map((a) => `${a.source}|${a.origin}`));
  const jobs = (await db.jobs.toArray()).filter((j) => configured.has(`${j.source}|${originOf(j.account)}`));
  jobs.sort((a, b) => RANK[a.state] - RANK[b.state] || (b.lastSuccessAt ?? '').localeCompare(a.lastSuccessAt ?? ''));
  return { jobs: await Promise.all(jobs.map(statusOf)), accounts: accounts.length };
}
