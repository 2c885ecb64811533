/** Altegio's one-shot step: the custom-field definitions from the API. */
import type { RunContext, StepOutcome } from '../../engine/source';
import type { AltegioApiClient } from './api-client';
import { definitionsFromJson } from './definitions';
import { saveDefinitions } from './lists';
import { locationOf } from './pages';
import { STEPS } from './plan';

export async function step(name: string, ctx: RunContext<AltegioApiClient>): Promise<StepOutcome | void> {
  if (name !== STEPS.defs) throw new Error(`unknown step ${name}`);
  const cid = locationOf(ctx.job.account);
  if (cid === null) return;
  const defs = definitionsFromJson(await ctx.client!.definitions(cid));
  if (defs?.length) await saveDefinitions(ctx.db, ctx.job.account, defs);
}
