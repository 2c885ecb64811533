/**
 * What AlfaCRM's runs read. A full run: dictionaries, every active and every archived record
 * from the API, and the archive board in a CRM tab beside them. An incremental run: the
 * records changed since the last sync, a check of the archive count, and the board columns
 * those changes touched. An export adds the page its button is on.
 */
import { apiTask, stepTask, tabTask, type Job, type Task } from '../../engine/run';
import type { RunMode } from '../../engine/source';
import { DICT_NAMES } from './api-sync';
import { SCOPES } from './pages';
import { logTask } from './change-log-read';
import { TAB_READS } from './tab';

export const STEPS = {
  archiveCount: 'archive-count',
  /** The change log's read was a step before it went through the API pager: a run saved then turns it into the pass. */
  legacyChangeLog: 'change-log',
} as const;

/** One step per dictionary: a worker that stops redoes at most the one in flight. */
export const DICT_STEP = 'dict:';

function dictSteps(): Task[] {
  return DICT_NAMES.map((name) => stepTask(`${DICT_STEP}${name}`));
}
export const PASSES = {
  active: 'active',
  archived: 'archived',
  changed: 'changed',
  changedArchived: 'changed-archived',
  /** Records the archive no longer lists, looked for among the active ones (any branch). */
  leftActive: 'left-active',
  /** …and then in any branch's archive (moved); those found nowhere were deleted. */
  leftElsewhere: 'left-elsewhere',
} as const;

/** Every this many incremental runs, a full one: a change that touched no `updated_at` is found. */
export const FULL_EVERY = 10;

/** `YYYY-MM-DD HH:MM:SS` a day before `iso`: the API's format, with room for any time zone. */
export function updatedSince(iso: string): string {
  const d = new Date(Date.parse(iso) - 24 * 3600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

export function fullPasses(): Task[] {
  return [apiTask(PASSES.active, { removed: 0, is_study: 2 }), apiTask(PASSES.archived, { removed: 2, is_study: 2 })];
}

function incrementalTasks(job: Job): Task[] {
  return [apiTask(PASSES.changed, { removed: 1, is_study: 2, updated_at_from: updatedSince(job.lastSuccessStartedAt!) }), stepTask(STEPS.archiveCount)];
}

/** The tab reads an export of `scope` needs. */
export function exportTasks(scope: string): Task[] {
  if (scope === SCOPES.leads) return [tabTask(TAB_READS.board, true)];
  if (scope === SCOPES.customers) return [tabTask(TAB_READS.grid, true)];
  return [];
}

/** Before the first sync an export reads only its scope's archive from the API. */
function scopePass(scope: string): Task[] {
  if (scope === SCOPES.leads) return [apiTask(PASSES.archived, { removed: 2, is_study: 0 })];
  if (scope === SCOPES.customers) return [apiTask(PASSES.archived, { removed: 2, is_study: 1 })];
  return [];
}

export function plan(input: { mode: RunMode; job: Job; hasApi: boolean; scope: string | null }): { tasks: Task[]; syncs: boolean; mode?: RunMode } {
  const { mode, job, hasApi, scope } = input;
  const synced = !!job.lastSuccessStartedAt;
  if (mode === 'export') {
    const tabs = exportTasks(scope ?? '');
    if (!hasApi) return { tasks: tabs, syncs: false };
    // After a sync the changes since it stand in for a full read of the API, and the board is
    // read after them: only the columns whose counts or members changed (commits.ts unitPlan).
    if (synced && scope === SCOPES.leads) return { tasks: [...incrementalTasks(job), tabTask(TAB_READS.board, false)], syncs: true };
    if (synced) return { tasks: [...incrementalTasks(job), ...tabs], syncs: true };
    return { tasks: [...dictSteps(), ...scopePass(scope ?? ''), ...tabs], syncs: false };
  }
  // A sync reads the change log's new entries too (archive dates, the status a lead left); an
  // incremental run's archive-count step adds that read when the API saw a change.
  if (mode === 'incremental' && synced && job.incrementals < FULL_EVERY) {
    return { tasks: [...(hasApi ? incrementalTasks(job) : []), tabTask(TAB_READS.board, false)], syncs: true };
  }
  return { tasks: [...(hasApi ? [...dictSteps(), ...fullPasses(), logTask(job)] : []), tabTask(TAB_READS.board, true)], syncs: true, mode: 'full' };
}
