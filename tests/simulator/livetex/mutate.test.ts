/** Contract §4: data changes between syncs, by mutate() and by POST /__sim/mutate. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLivetexSimulator } from './server';
import { EXTENSION_FIELDS } from './render';
import type { LivetexSimulator } from './types';
import { NO_LIMITS, apiGet, control, pullAll, q, tokenFor, type Row } from './test-helpers';

let sim: LivetexSimulator;
let admin: string;
let op1: string;

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small', seed: 4 });
  sim.setKnobs(NO_LIMITS);
  admin = await tokenFor(sim, 'admin');
  op1 = await tokenFor(sim, 'operator1');
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs(NO_LIMITS));

const show = async (id: number, token = admin) =>
  (await apiGet<{ results: Row }>(sim, `/leads/show?${q({ id, fields: EXTENSION_FIELDS })}`, token)).json.results;

describe('mutations', () => {
  it('new leads come after every existing one (a created_at:a pull only appends) and change total', async () => {
    const before = await pullAll(sim, admin);
    const { newLeads } = sim.mutate({ newLeads: 3 });
    expect(newLeads).toHaveLength(3);
    const after = await pullAll(sim, admin);
    expect(after.totals[0]).toBe(before.totals[0] + 3);
    expect(after.rows.slice(0, before.rows.length)).toEqual(before.rows);
    expect(after.rows.slice(-3).map((r) => r.id)).toEqual(newLeads);
    const last = before.rows[before.rows.length - 1].created_at as string;
    expect(after.rows.slice(-3).every((r) => (r.created_at as string) > last)).toBe(true);
  });

  it('completes a missed lead with answer_text and a newer updated_at', async () => {
    const r = await control<{ completed: number }>(sim, '/__sim/mutate', { completeMissed: { answerText: 'Перезвонили; всё "ок"' } });
    expect(r.status).toBe(200);
    const id = r.json.completed;
    const row = await show(id);
    expect(row).toMatchObject({ result: 'completed', answer_text: 'Перезвонили; всё "ок"' });
    expect((row.updated_at as string) > (row.created_at as string)).toBe(true);
    expect(row.completed_at).toBe(row.updated_at);
    expect((await control(sim, '/__sim/mutate', { completeMissed: { id } })).status).toBe(400);
  });

  it("moves a lead out of operator 1's scope and back in: his row loses and regains the texts", async () => {
    const { moved } = sim.mutate({ moveAcrossScope: {} });
    const id = moved!;
    const out = await show(id, op1);
    expect(out.is_managed).toBe(false);
    expect('text' in out).toBe(false);
    const before = out.updated_at as string;
    sim.mutate({ moveAcrossScope: { id, direction: 'in' } });
    const back = await show(id, op1);
    expect(back.is_managed).toBe(true);
    expect(back.text).toBe(sim.truth.lead(id)!.text);
    expect((back.updated_at as string) >= before).toBe(true);
  });

  it("changes operator 1's managed sites (his scope follows)", async () => {
    const me = sim.employees.operator1.id;
    const before = sim.truth.inScope(me).length;
    const r = sim.mutate({ setManagedSites: { employeeId: me, siteIds: [1201, 1202, 1203] } });
    expect(r.managedSites).toEqual([1201, 1202, 1203]);
    expect(sim.truth.inScope(me).length).toBeGreaterThan(before);
    const self = await apiGet<{ results: { managed_sites: { id: number }[] } }>(sim, '/employees/me?fields=managed_sites(id)', op1);
    expect(self.json.results.managed_sites.map((s) => s.id)).toEqual([1201, 1202, 1203]);
    expect(() => sim.mutate({ setManagedSites: { employeeId: me, siteIds: [9] } })).toThrow(/unknown site/);
    sim.mutate({ setManagedSites: { employeeId: me, siteIds: [1201, 1202] } });
  });

  it('deletes an employee: his tokens die, his sign-in fails, leads name him is_deleted', async () => {
    const op2 = await tokenFor(sim, 'operator2');
    const id = sim.employees.operator2.id;
    expect(sim.mutate({ deleteEmployee: id })).toEqual({ deleted: id });
    expect((await apiGet(sim, '/employees/me', op2)).status).toBe(401);
    await expect(tokenFor(sim, 'operator2')).rejects.toThrow(/401/);
    const his = sim.truth.leads().find((l) => (l.assigned_to as Row | null)?.id === id)!;
    const lead = await apiGet<{ results: Row }>(sim, `/leads/show?id=${his.id}&fields=assigned_to(id,is_deleted)`, admin);
    expect(lead.json.results.assigned_to).toEqual({ id, is_deleted: true });
  });

  it('revokes tokens of one employee or all, and refuses an empty or unknown mutation', async () => {
    const t = await tokenFor(sim, 'manager1');
    expect(sim.mutate({ revokeTokens: sim.employees.manager1.id }).revoked).toBe(1);
    expect((await apiGet(sim, '/employees/me', t)).status).toBe(401);
    expect((await control(sim, '/__sim/mutate', {})).status).toBe(400);
    expect(() => sim.mutate({ deleteEmployee: 1 })).toThrow(/no employee/);
  });
});
