/**
 * What the popup shows: the job's state, counts and the reconciliation. The popup asks every
 * second: counts come from an index, the reconciliation from the job (sync/reconcile.ts).
 */
import { db, TALLY } from '@/utils/db';
import type { BranchReconciliation, SyncStatus } from '@/utils/messaging';
import type { ApiPass, SyncJob } from '@/utils/sync/job';

function reconciliation(job: SyncJob): BranchReconciliation {
  return { branch: job.branch, ui: job.uiArchived, api: job.apiArchived, stored: job.reconciled?.stored ?? null, differences: job.reconciled?.differences ?? [] };
}

/** Phase names as the popup shows them (utils/i18n.ts translates them). */
const PASS_PHASE: Record<ApiPass['name'], string> = {
  active: 'API active records',
  archived: 'API archived records',
  changed: 'API changes',
  'changed-archived': 'API changes',
  'archive-count': 'API archive count',
};

function phaseOf(job: SyncJob): Pick<SyncStatus, 'phase' | 'done' | 'total'> {
  if (job.phase === 'dicts') return { phase: 'API dictionaries' };
  if (job.phase === 'ui') {
    const done = Object.values(job.ui.columnsDone).reduce((a, b) => a + b, 0);
    return { phase: 'archive board', done, total: job.ui.expected ?? job.uiArchived ?? 0 };
  }
  const p = job.passes.find((x) => !x.done);
  return p ? { phase: PASS_PHASE[p.name], done: p.ids.length, total: p.total ?? 0 } : { phase: 'API dictionaries' };
}

export async function currentStatus(): Promise<SyncStatus> {
  const jobs = await db.jobs.toArray();
  const [active, archivedOnly, withReason] = await Promise.all(
    [TALLY.active, TALLY.archived, TALLY.archivedWithReason].map((t) => db.records.where('tally').equals(t).count()),
  );
  const counts = { active, archived: archivedOnly + withReason, withReason };
  const job = jobs.find((j) => j.state === 'running') ?? jobs.find((j) => j.state === 'paused') ?? jobs.find((j) => j.state === 'error') ?? jobs[0];
  const base = { counts, reconciliation: jobs.map(reconciliation) };
  if (!job) return { state: 'idle', ...base };
  const lastSuccessAt = jobs.map((j) => j.lastSuccessAt).filter(Boolean).sort().at(-1);
  return {
    ...base,
    state: job.state === 'running' ? 'syncing' : job.state,
    ...(job.state === 'running' ? phaseOf(job) : {}),
    waitingForTab: job.state === 'running' && job.phase === 'ui' && job.ui.state === 'waiting-tab',
    pausedReason: job.pausedReason,
    lastError: job.lastError,
    lastSuccessAt,
    account: { origin: job.origin, branch: job.branch },
  };
}
