/**
 * What the popup shows: the job's state, counts from the store, and the reconciliation. The
 * popup asks every second: counts come from an index, and a branch's rows are read for the
 * reconciliation only when its job or the counts have moved since the last answer.
 */
import { db, recordsOf, TALLY, type RecordRow } from '@/utils/db';
import type { BranchReconciliation, SyncStatus } from '@/utils/messaging';
import type { ApiPass, SyncJob } from '@/utils/sync/job';

const reconciled = new Map<string, { stamp: string; value: BranchReconciliation }>();

async function reconcileCached(job: SyncJob, counts: string): Promise<BranchReconciliation> {
  // While a run writes, counts move with every page: its reconciliation waits for the phase to end.
  const stamp = [job.state, job.phase, job.runStartedAt, job.lastSuccessAt, job.uiArchived, job.apiArchived, job.state === 'running' ? '' : counts].join('|');
  const hit = reconciled.get(job.key);
  if (hit?.stamp === stamp) return hit.value;
  const value = reconcile(job, await recordsOf(db, job.origin, job.branch));
  reconciled.set(job.key, { stamp, value });
  return value;
}

function reconcile(job: SyncJob, mine: RecordRow[]): BranchReconciliation {
  const stored = mine.filter((r) => r.api?.archived || r.ui?.archived).length;
  const uiLeads = mine.filter((r) => r.ui?.archived && r.ui.kind === 'lead').length;
  const differences: string[] = [];
  const apiOnly = mine.filter((r) => r.api?.archived && r.api.record.is_study === 0 && r.ui && !r.ui.archived).length;
  const uiOnly = mine.filter((r) => r.ui?.archived && r.api && !r.api.archived).length;
  if (job.uiArchived !== null && job.uiArchived !== uiLeads) differences.push(`UI board shows ${job.uiArchived} archived leads, the store has ${uiLeads}`);
  if (apiOnly) differences.push(`${apiOnly} archived per the API but not on the UI board`);
  if (uiOnly) differences.push(`${uiOnly} archived on the UI board but active per the API`);
  return { branch: job.branch, ui: job.uiArchived, api: job.apiArchived, stored, differences };
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
  const stamp = `${active}/${archivedOnly}/${withReason}`;
  const reconciliation = [];
  for (const j of jobs) reconciliation.push(await reconcileCached(j, stamp));
  const base = { counts, reconciliation };
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
