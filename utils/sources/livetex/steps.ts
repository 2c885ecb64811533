/** LiveTex's one step: who pulls in this run, each checked with `/employees/me` (contract §1.3). */
import type { RunContext, StepOutcome } from '../../engine/source';
import { isCrmError } from '../../errors';
import type { LivetexClient } from './api-client';
import { exportTabs, pullTask, STEPS } from './plan';
import type { Identity } from './types';

/**
 * An export pulls with its page's session (and the saved identity too); a sync with whichever
 * token works, and without any it waits for a cabinet tab (the run pauses as session expired).
 */
async function identities(ctx: RunContext<LivetexClient>): Promise<StepOutcome> {
  const client = ctx.client!;
  const tabs = exportTabs(ctx.job);
  const found: Identity[] = [];
  try {
    found.push(await client.me('cabinet', tabs));
  } catch (e) {
    const noSession = isCrmError(e) && e.code === 'session-expired';
    if (tabs.length || !client.hasSaved || !noSession) throw e;
  }
  if (client.hasSaved) {
    const saved = await client.me('account', tabs);
    if (!found.some((f) => f.employeeId === saved.employeeId)) found.push(saved);
  }
  return { tasks: found.map(pullTask), memo: { identities: found } };
}

export async function step(name: string, ctx: RunContext<LivetexClient>): Promise<StepOutcome | void> {
  if (name === STEPS.identities) return identities(ctx);
  throw new Error(`unknown step ${name}`);
}
