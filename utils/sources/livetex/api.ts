/**
 * LiveTex's API on the engine's terms: where tokens and the saved password may go (the Web API of
 * the account's cabinet, nowhere else), the client per account — with stored credentials or on
 * the cabinet's session alone — and one page of a pull. One pacer per account: every identity
 * and every client of it share the rate limit.
 */
import type { SourceApi } from '../../engine/source';
import { LivetexClient, type SavedIdentity } from './api-client';
import { apiOriginOf } from './api-origin';
import { cabinetTokens, keptTokens, readFromTabs } from './cabinet-session';
import { PAGE_SIZE } from './leads';
import { Pacer } from './pacer';
import { exportTabs, pullerOf } from './plan';

const pacers = new Map<string, Pacer>();

export function pacerOf(account: string): Pacer {
  let pacer = pacers.get(account);
  if (!pacer) pacers.set(account, (pacer = new Pacer()));
  return pacer;
}

function clientOf(account: string, saved?: SavedIdentity): LivetexClient | null {
  const apiOrigin = apiOriginOf(account);
  if (typeof apiOrigin !== 'string') return null;
  const cabinet = cabinetTokens(account, { readTabs: readFromTabs, kept: keptTokens });
  return new LivetexClient(account, apiOrigin, { pacer: pacerOf(account), cabinet, saved });
}

export const livetexApi: SourceApi<LivetexClient> = {
  pageSize: PAGE_SIZE,
  origin: (account) => apiOriginOf(account.origin),
  // Called only once `origin` named a Web API for this cabinet.
  connect: (account, secret, tokens) => clientOf(account.origin, { email: account.login, password: secret, tokens })!,
  sessionClient: (account) => clientOf(account),
  check: (client) => client.check(),
  async fetchPage(client, job, task, page) {
    const { rows, total } = await client.leadsPage(pullerOf(task), page, exportTabs(job));
    return { items: rows, total };
  },
};
