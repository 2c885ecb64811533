/** What the popup shows: the job's state, counts from the store, and the reconciliation. */
import { db, type RecordRow } from '@/utils/db';
import type { BranchReconciliation, SyncStatus } from '@/utils/messaging';
import type { ApiPass, SyncJob } from '@/utils/sync/job';

const isArchived = (r: RecordRow) => r.ui?.archived ?? r.api?.archived ?? false;

function hasReason(r: RecordRow): boolean {
  const rec = r.api?.record;
  return !!(r.ui?.reasonText || rec?.lead_reject_id != null || rec?.customer_reject_id != null);
}

function reconcile(job: SyncJob, rows: RecordRow[]): BranchReconciliation {
  const mine = rows.filter((r) => r.host === job.origin && r.branches.includes(job.branch));
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
  const rows = await db.records.toArray();
  const jobs = await db.jobs.toArray();
  let active = 0;
  let archived = 0;
  let withReason = 0;
  for (const r of rows) {
    if (!isArchived(r)) active++;
    else {
      archived++;
      if (hasReason(r)) withReason++;
    }
  }
  const job = jobs.find((j) => j.state === 'running') ?? jobs.find((j) => j.state === 'paused') ?? jobs.find((j) => j.state === 'error') ?? jobs[0];
  const base = { counts: { active, archived, withReason }, reconciliation: jobs.map((j) => reconcile(j, rows)) };
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
