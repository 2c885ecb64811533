/** Contract §1: every customer/index filter, and the keys that real accounts ignore. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from './server';
import type { SimRecord, Simulator } from './types';
import { apiPost, apiToken, pageAll, type Envelope } from './test-helpers';

let sim: Simulator;
let token: string;
let all: SimRecord[];

beforeAll(async () => {
  sim = await startSimulator({ dataset: 'small', seed: 5, knobs: { apiRateLimit: 0, duplicateRate: 0 } });
  token = await apiToken(sim);
  all = sim.truth.records();
});
afterAll(async () => sim.close());

const sorted = (ids: number[]) => Array.from(new Set(ids)).sort((a, b) => a - b);
const idsOf = (pred: (r: SimRecord) => boolean) => all.filter(pred).map((r) => r.id);
const b1 = (r: SimRecord) => r.branch_ids[0] === 1;
async function ids(body: Record<string, unknown>, path = '/v2api/1/customer/index'): Promise<number[]> {
  return sorted((await pageAll(sim, token, path, body)).ids);
}

describe('customer/index filters', () => {
  it('is_study: 0 leads, 1 clients, 2 (and the default) both', async () => {
    expect(await ids({ is_study: 0 })).toEqual(idsOf((r) => b1(r) && !r.archived && r.is_study === 0));
    expect(await ids({ is_study: 1 })).toEqual(idsOf((r) => b1(r) && !r.archived && r.is_study === 1));
    expect(await ids({ is_study: 2 })).toEqual(await ids({}));
    expect((await ids({})).length).toBe(sim.truth.activeIds(1).length);
  });

  it('id: one int or an array', async () => {
    const [a, b, c] = idsOf((r) => b1(r) && !r.archived).slice(3, 6);
    expect(await ids({ id: a })).toEqual([a]);
    expect(await ids({ id: [c, b] })).toEqual([b, c]);
    const archived = sim.truth.archivedLeadIds(1)[0];
    expect(await ids({ id: archived })).toEqual([]); // removed defaults to 0
    expect(await ids({ id: archived, removed: 1 })).toEqual([archived]);
  });

  it('branch_ids on the branchless form', async () => {
    expect(await ids({ branch_ids: [1] }, '/v2api/customer/index')).toEqual(sim.truth.activeIds(1));
    expect(await ids({ branch_ids: [1, 3] }, '/v2api/customer/index')).toEqual(sorted(sim.truth.activeIds(1).concat(sim.truth.activeIds(3))));
  });

  it('lead_status_id, customer_reject_id, lead_source_id, assigned_id (int or array)', async () => {
    const some = all.find((r) => b1(r) && !r.archived && r.lead_status_id !== null && r.lead_source_id !== null && r.assigned_id !== null)!;
    expect(await ids({ lead_status_id: some.lead_status_id })).toEqual(idsOf((r) => b1(r) && !r.archived && r.lead_status_id === some.lead_status_id));
    expect(await ids({ lead_source_id: [some.lead_source_id] })).toEqual(idsOf((r) => b1(r) && !r.archived && r.lead_source_id === some.lead_source_id));
    expect(await ids({ assigned_id: some.assigned_id })).toEqual(idsOf((r) => b1(r) && !r.archived && r.assigned_id === some.assigned_id));
    const cr = all.find((r) => b1(r) && r.archived && r.customer_reject_id !== null)!.customer_reject_id;
    const got = await ids({ removed: 2, customer_reject_id: cr });
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(idsOf((r) => b1(r) && r.archived && r.customer_reject_id === cr));
  });

  it('updated_at_from (>=), date_from/date_to (created), removed_from/removed_to (archive date)', async () => {
    const stamps = all
      .filter((r) => b1(r) && !r.archived)
      .map((r) => r.updated_at)
      .sort();
    const from = stamps[Math.floor(stamps.length / 2)];
    expect(await ids({ updated_at_from: from })).toEqual(idsOf((r) => b1(r) && !r.archived && r.updated_at >= from));
    expect(await ids({ date_from: '2023-01-01', date_to: '2023-12-31', removed: 1 })).toEqual(
      idsOf((r) => b1(r) && r.created_at >= '2023-01-01' && r.created_at.slice(0, 10) <= '2023-12-31'),
    );
    expect(await ids({ date_from: '01.01.2023', date_to: '31.12.2023', removed: 1 })).toEqual(
      await ids({ date_from: '2023-01-01', date_to: '2023-12-31', removed: 1 }),
    );
    const rm = await ids({ removed: 2, removed_from: '2024-01-01', removed_to: '2024-12-31' });
    expect(rm.length).toBeGreaterThan(0);
    expect(rm).toEqual(idsOf((r) => b1(r) && r.archived && r.e_date >= '2024-01-01' && r.e_date <= '2024-12-31'));
  });

  it('silently ignores lead_reject_id, archived, is_archive, archive, only_archived, status, state, page_size', async () => {
    const base = await apiPost<Envelope>(sim, '/v2api/1/customer/index', {}, token);
    const reason = all.find((r) => r.archived && r.lead_reject_id !== null)!.lead_reject_id;
    for (const [k, v] of Object.entries({
      lead_reject_id: reason,
      archived: 1,
      is_archive: 1,
      archive: true,
      only_archived: 1,
      status: 2,
      state: 'archived',
      page_size: 500,
    })) {
      const r = await apiPost<Envelope>(sim, '/v2api/1/customer/index', { [k]: v }, token);
      expect(r.status, k).toBe(200);
      expect(r.json, k).toEqual(base.json);
    }
  });
});
