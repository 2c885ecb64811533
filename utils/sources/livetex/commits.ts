/**
 * How a pull lands in the store, inside the engine's transactions: each page merged with its
 * cursor; at a pull's end, leads this identity listed before and no longer does keep their data
 * and are flagged (contract §2.1), and the pull is noted (employee, role, time, count).
 */
import type { ApiTask } from '../../engine/run';
import type { PageCommit, RunContext } from '../../engine/source';
import { rewrite, rowsOf } from '../../engine/store';
import type { LivetexClient } from './api-client';
import { factsOf, putLeads, writer } from './facts';
import { unlisted } from './merge';
import { pullerOf } from './plan';
import type { LeadRow } from './types';

type Ctx = RunContext<LivetexClient>;

export async function commitApiPage(ctx: Ctx, task: ApiTask, items: { id: number }[]): Promise<PageCommit> {
  return { novel: await putLeads(ctx.db, ctx.job.account, pullerOf(task), items as LeadRow[], new Date().toISOString()) };
}

export async function finishApiTask(ctx: Ctx, task: ApiTask): Promise<void> {
  const who = pullerOf(task);
  const seen = new Set(task.ids);
  const rows = await rowsOf(ctx.db, 'livetex', ctx.job.account, '');
  const gone = rows.filter((r) => !seen.has(r.id) && factsOf(r)?.pulls.some((p) => p.employeeId === who.employeeId && p.listed));
  await rewrite(ctx.db, writer(ctx.job.account), gone, (r) => ({ api: unlisted(factsOf(r)!, who.employeeId) }));
  const pulls = (ctx.job.memo.pulls ?? {}) as Record<string, unknown>;
  ctx.job.memo.pulls = { ...pulls, [who.employeeId]: { role: who.role, name: who.name, at: task.pagedAt ?? new Date().toISOString(), leads: task.ids.length } };
}
