/**
 * A whole pull outside the engine, page after page as the engine asks them, until the offset
 * reaches `total`, rows de-duplicated by id. For the benchmark and tests: `tokenClient` gives a
 * client on one fixed token (no tab, no saved identity), paced as the extension paces.
 */
import { LivetexClient } from './api-client';
import { PAGE_SIZE } from './leads';
import { Pacer } from './pacer';
import type { Identity, LeadRow } from './types';

export async function pullAll(client: LivetexClient, who: Identity, prefer: number[] = []): Promise<{ rows: LeadRow[]; total: number }> {
  const rows = new Map<number, LeadRow>();
  let total = Infinity;
  for (let page = 0; page * PAGE_SIZE < total; page++) {
    const got = await client.leadsPage(who, page, prefer);
    total = got.total;
    for (const r of got.rows) rows.set(r.id, r);
    if (got.rows.length === 0) break;
  }
  return { rows: [...rows.values()], total };
}

/** A client that calls `apiOrigin` with `token` as the cabinet's (`pacer.sent` counts its requests). */
export function tokenClient(apiOrigin: string, token: string, pacer = new Pacer()): LivetexClient {
  const held = { token, expiresAt: Number.MAX_SAFE_INTEGER, employeeId: null };
  return new LivetexClient(apiOrigin, apiOrigin, { pacer, cabinet: { get: async () => held, reread: async () => null } });
}
