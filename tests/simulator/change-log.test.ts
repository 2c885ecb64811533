/** Contract §1, the change log (`log/index`), held over plain HTTP against the small dataset. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './server';
import type { LogEntry, LogFields, Simulator } from './types';
import { apiPost, apiToken, type Envelope } from './test-helpers';

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ dataset: 'small', seed: 1 });
  token = await apiToken(sim);
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ apiRateLimit: 0 }));

const flat = (f: LogFields): Record<string, unknown> => (Array.isArray(f) ? Object.assign({}, ...f) : f);

async function readLog(branch: number, body: Record<string, unknown> = {}): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  for (let page = 0; page < 1000; page++) {
    const r = await apiPost<Envelope<LogEntry>>(sim, `/v2api/${branch}/log/index`, { entity: 'Customer', ...body, page }, token);
    expect(r.status).toBe(200);
    if (!r.json.items.length) return out;
    out.push(...r.json.items);
  }
  throw new Error('the log did not end');
}

describe('log/index', () => {
  it('pages of 50 from 0 in the envelope, newest first, with the observed and assumed keys', async () => {
    const p0 = await apiPost<Envelope<LogEntry>>(sim, '/v2api/1/log/index', { entity: 'Customer', page: 0 }, token);
    expect(Object.keys(p0.json)).toEqual(['total', 'count', 'page', 'items']);
    expect(p0.json.items).toHaveLength(50);
    expect(p0.json.total).toBe(sim.truth.changeLog(1).length);
    expect(Object.keys(p0.json.items[0]).sort()).toEqual(['date_time', 'entity', 'entity_id', 'fields_new', 'fields_old', 'id', 'user_id']);
    const all = await readLog(1);
    expect(all).toHaveLength(p0.json.total);
    for (let i = 1; i < all.length; i++) expect(all[i - 1].date_time >= all[i].date_time).toBe(true);
    expect(all[0].date_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('holds one archive entry per archived record with a reason, on the day the record says (e_date)', async () => {
    const log = await readLog(1);
    const records = new Map(sim.truth.records().map((r) => [r.id, r]));
    const archivedIds = [...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1)];
    const withReason = archivedIds.filter((id) => (records.get(id)!.is_study ? records.get(id)!.customer_reject_id : records.get(id)!.lead_reject_id) !== null);
    const archives = log.filter((e) => {
      const now = flat(e.fields_new);
      return (now.lead_reject_id ?? now.customer_reject_id ?? null) !== null;
    });
    expect(archives.map((e) => e.entity_id).sort((a, b) => a - b)).toEqual(withReason.sort((a, b) => a - b));
    for (const e of archives) {
      const rec = records.get(e.entity_id)!;
      const key = rec.is_study ? 'customer_reject_id' : 'lead_reject_id';
      expect(flat(e.fields_new)).toEqual({ [key]: rec[key] });
      expect(flat(e.fields_old)).toEqual({ [key]: null });
      expect(e.date_time.slice(0, 10)).toBe(rec.e_date);
      expect(e.date_time >= rec.created_at).toBe(true);
    }
  });

  it('logs status changes into the status a lead holds, before it was archived', async () => {
    const log = await readLog(1);
    const records = new Map(sim.truth.records().map((r) => [r.id, r]));
    const changes = log.filter((e) => 'lead_status_id' in flat(e.fields_new));
    expect(changes.length).toBeGreaterThan(5);
    for (const e of changes) {
      const rec = records.get(e.entity_id)!;
      expect(flat(e.fields_new).lead_status_id).toBe(rec.lead_status_id);
      expect(e.date_time >= rec.created_at).toBe(true);
      if (rec.archived) expect(e.date_time.slice(0, 10) <= rec.e_date).toBe(true);
    }
  });

  it('writes fields both as an object and as a list of one-key objects', async () => {
    const log = await readLog(1);
    expect(log.some((e) => Array.isArray(e.fields_new))).toBe(true);
    expect(log.some((e) => !Array.isArray(e.fields_new))).toBe(true);
  });

  it('filters by entity_id (one or a list), by branch, and has nothing for other entities', async () => {
    const log = await readLog(1);
    const id = log[0].entity_id;
    const one = await readLog(1, { entity_id: id });
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((e) => e.entity_id === id)).toBe(true);
    const two = await readLog(1, { entity_id: [id, log.at(-1)!.entity_id] });
    expect(new Set(two.map((e) => e.entity_id))).toEqual(new Set([id, log.at(-1)!.entity_id]));
    const b3 = new Set([...sim.truth.archivedLeadIds(3), ...sim.truth.archivedCustomerIds(3), ...sim.truth.activeIds(3)]);
    const log3 = await readLog(3);
    expect(log3.length).toBeGreaterThan(0);
    expect(log3.every((e) => b3.has(e.entity_id))).toBe(true);
    const other = await apiPost<Envelope>(sim, '/v2api/1/log/index', { entity: 'Lesson', page: 0 }, token);
    expect(other.json.total).toBe(0);
  });

  it('puts archiving and restoring at the head of the log, as they happen', async () => {
    const before = sim.truth.changeLog(1);
    const [archived] = sim.mutate.archiveLeads(1, 1);
    const restored = sim.truth.archivedLeadIds(1).find((x) => x !== archived && sim.truth.records().find((r) => r.id === x)!.lead_reject_id !== null)!;
    const reason = sim.truth.records().find((r) => r.id === restored)!.lead_reject_id;
    sim.mutate.restoreLead(restored);
    const [head, next] = (await apiPost<Envelope<LogEntry>>(sim, '/v2api/1/log/index', { entity: 'Customer', page: 0 }, token)).json.items;
    expect(head.entity_id).toBe(restored);
    expect(flat(head.fields_old)).toEqual({ lead_reject_id: reason });
    expect(flat(head.fields_new)).toEqual({ lead_reject_id: null });
    expect(next.entity_id).toBe(archived);
    expect(flat(next.fields_new).lead_reject_id).toBe(sim.truth.records().find((r) => r.id === archived)!.lead_reject_id);
    expect(head.id).toBeGreaterThan(next.id);
    expect(next.id).toBeGreaterThan(Math.max(...before.map((e) => e.id)));
    expect(sim.truth.changeLog(1)).toHaveLength(before.length + 2);
  });
});
