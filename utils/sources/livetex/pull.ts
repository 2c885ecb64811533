/**
 * A whole pull outside the engine, page after page as the engine asks them (the benchmark and
 * tests call it): until the offset reaches `total`, rows de-duplicated by id.
 */
import type { LivetexClient } from './api-client';
import { PAGE_SIZE } from './leads';
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
