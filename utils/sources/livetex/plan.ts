/**
 * What LiveTex's runs read. There is no `updated_at` filter (contract §1.4): every run, sync or
 * export, is a full pull per identity, diffed into the store. The identities step finds who
 * pulls — the cabinet's session, the employee saved in the options — and adds one pull each.
 */
import { apiTask, stepTask, type ApiTask, type Job, type Task } from '../../engine/run';
import type { RunMode } from '../../engine/source';
import { CrmError } from '../../errors';
import type { Identity } from './types';

export const STEPS = { identities: 'identities' } as const;
export const PULLS = { cabinet: 'pull:cabinet', account: 'pull:account' } as const;

/** Every sync is a full one (said so to the engine); an export is a full pull too. */
export function plan(input: { mode: RunMode; hasApi: boolean }): { tasks: Task[]; syncs: boolean; mode: RunMode } {
  // Only the Web API has the leads: an address without a known one has nothing to run.
  if (!input.hasApi) throw new CrmError('api-not-configured', 'no LiveTex Web API is known for this address');
  return { tasks: [stepTask(STEPS.identities)], syncs: true, mode: input.mode === 'export' ? 'export' : 'full' };
}

/** An export needs no tab reads: its tab only lends the cabinet's session. */
export function exportTasks(): Task[] {
  return [];
}

/** A full pull of Leads.list with one identity's token. */
export function pullTask(who: Identity): ApiTask {
  return apiTask(PULLS[who.slot], { ...who });
}

/** The identity a pull task reads with. */
export function pullerOf(task: ApiTask): Identity {
  return task.query as unknown as Identity;
}

/** The tabs whose export a run serves: their cabinet session is the one to use. */
export function exportTabs(job: Job): number[] {
  return [...new Set((job.run?.exports ?? []).map((x) => x.tabId))];
}
