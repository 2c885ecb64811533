/**
 * The background's pacers, one per Altegio backend (keyed by its API origin: the web and API
 * hosts of one backend count against one limit). The CRM tab asks here by message (tabPace);
 * the API client asks in process. Kept in memory: a worker that restarts starts a fresh window,
 * which the 150/min pace (under the official 200) leaves room for.
 */
import type { PaceReport } from '../../engine/source';
import { apiOriginOf } from './origins';
import { Pacer } from './pacer';

const pacers = new Map<string, Pacer>();

export function pacerFor(webOrigin: string): Pacer {
  const key = apiOriginOf(webOrigin) ?? webOrigin;
  let p = pacers.get(key);
  if (!p) pacers.set(key, (p = new Pacer()));
  return p;
}

/** SourceEngine.pace: the account's backend's turn for `holder`. */
export function pace(account: string, holder: string, report: PaceReport): number {
  return pacerFor(new URL(account).origin).turn(holder, report);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `holder`'s turn (after reporting its last request, if any). */
export async function takeTurn(pacer: Pacer, holder: string, last?: PaceReport['last']): Promise<void> {
  let wait = pacer.turn(holder, { last, want: true });
  while (wait > 0) {
    await sleep(wait);
    wait = pacer.ask(holder);
  }
}
