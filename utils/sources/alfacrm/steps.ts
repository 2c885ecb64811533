/** AlfaCRM's one-shot steps: the dictionaries, an incremental run's archive-count check, a page of the change log. */
import { apiTask, type ApiTask } from '../../engine/run';
import type { RunContext, StepOutcome } from '../../engine/source';
import { countMarks } from '../../engine/store';
import type { AlfaApiClient } from './api-client';
import { customerPage } from './api-schemas';
import { DICT_NAMES, fetchDictionary, type DictName } from './api-sync';
import { logTask } from './change-log-read';
import { DICT_STEP, PASSES, STEPS } from './plan';
import { MARK } from './derive';

type Ctx = RunContext<AlfaApiClient>;

async function dictionary(ctx: Ctx, name: DictName): Promise<void> {
  const { job, db } = ctx;
  const items = await fetchDictionary(ctx.client!, Number(job.partition), name);
  await db.lists.put({ source: 'alfacrm', account: job.account, name, items, fetchedAt: new Date().toISOString() });
}

/**
 * The cheap check of an incremental run: has the number of archived records changed? If the
 * API counts other than the store, the changes query missed something: read the archive in full.
 */
async function archiveCount(ctx: Ctx): Promise<StepOutcome> {
  const { job, db } = ctx;
  const res = await ctx.client!.post(
    `/v2api/${job.partition}/customer/index`,
    { removed: 2, is_study: 2, branch_ids: [Number(job.partition)], page: 0 },
    customerPage,
  );
  const n = await countMarks(db, 'alfacrm', job.account, job.partition, [MARK.apiArchivedLead, MARK.apiArchivedCustomer]);
  const stored = n[MARK.apiArchivedLead] + n[MARK.apiArchivedCustomer];
  const tasks = res.total === stored ? [] : [apiTask(PASSES.archived, { removed: 2, is_study: 2 })];
  // An incremental sync whose API saw a change reads the log's new entries (an export run leaves them to the next sync).
  const changed = job.run?.tasks.find((t): t is ApiTask => t.kind === 'api' && t.name === PASSES.changed);
  if (job.run?.mode === 'incremental' && (tasks.length > 0 || (changed?.novel.length ?? 0) > 0)) tasks.push(logTask(job));
  return { tasks, memo: { apiArchived: res.total } };
}

export async function step(name: string, ctx: Ctx): Promise<StepOutcome | void> {
  if (name.startsWith(DICT_STEP) && DICT_NAMES.includes(name.slice(DICT_STEP.length) as DictName))
    return dictionary(ctx, name.slice(DICT_STEP.length) as DictName);
  if (name === STEPS.archiveCount) return archiveCount(ctx);
  if (name === STEPS.legacyChangeLog) return { tasks: [logTask(ctx.job)] };
  throw new Error(`unknown step ${name}`);
}
