/**
 * What Altegio's runs read. An export: the page's reads in its tab (definitions, ids, every row),
 * and with API credentials the API's bulk list before them (changes only, once synced). A sync
 * with API credentials: definitions, the list (or its changes) and, daily, the id pass, all from
 * the background; without them, the page's reads in any open tab of the location.
 */
import { apiTask, stepTask, tabTask, type Job, type Task } from '../../engine/run';
import type { RunMode } from '../../engine/source';
import { changedAfter } from './changes';
import { idPassDue, memoOf } from './memo';

export const TAB_READ = 'clients';
export const STEPS = { defs: 'api-defs' } as const;
export const PASSES = { ids: 'api-ids', list: 'api-list' } as const;

function listPass(job: Job, changes: boolean): Task {
  const listed = memoOf(job).listedAt?.api;
  const since = changes && listed ? changedAfter(listed, memoOf(job).offsetMin ?? null) : null;
  return apiTask(PASSES.list, since ? { since } : {});
}

export function exportTasks(): Task[] {
  return [tabTask(TAB_READ, false)];
}

export function plan(input: { mode: RunMode; job: Job; hasApi: boolean; scope: string | null }): { tasks: Task[]; syncs: boolean } {
  const { mode, job, hasApi } = input;
  const changes = mode !== 'full' && !!job.lastSuccessStartedAt;
  if (mode === 'export') {
    // The tab reads the ids and every row: the API adds its own values, and its changes once synced.
    return { tasks: [...(hasApi ? [stepTask(STEPS.defs), listPass(job, changes)] : []), ...exportTasks()], syncs: true };
  }
  if (!hasApi) return { tasks: [tabTask(TAB_READ, false)], syncs: true };
  const ids = !changes || idPassDue(job) ? [apiTask(PASSES.ids, {})] : [];
  return { tasks: [stepTask(STEPS.defs), listPass(job, changes), ...ids], syncs: true };
}
