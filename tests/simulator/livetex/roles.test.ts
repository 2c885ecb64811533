/** Contract §1.5: the role filter in both modes and both hidden forms; the routed methods; 403. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_FIELDS, startLivetexSimulator } from './server';
import type { EmployeeKey, LivetexSimulator } from './types';
import { NO_LIMITS, apiGet, pullAll, q, tokenFor, type ListBody, type Row } from './test-helpers';

let sim: LivetexSimulator;
const tokens = {} as Record<EmployeeKey, string>;
const KEYS: EmployeeKey[] = ['admin', 'adminPartner', 'chief', 'chiefPartner', 'manager1', 'operator1', 'operator4'];

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small', seed: 3 });
  sim.setKnobs(NO_LIMITS);
  for (const k of KEYS) tokens[k] = await tokenFor(sim, k);
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ ...NO_LIMITS, roleMode: 'documented', hiddenForm: 'absent', forbidden: {} }));

const pull = async (who: EmployeeKey) => (await pullAll(sim, tokens[who])).rows;
const idsOf = (rows: Row[]) => rows.map((r) => r.id as number);
const id = (k: EmployeeKey) => sim.employees[k].id;

describe('documented mode (the default)', () => {
  it('lists every lead to every role; is_managed follows the scope (admins: always true)', async () => {
    const all = sim.truth.leadIds();
    for (const who of KEYS) {
      const rows = await pull(who);
      expect(idsOf(rows), who).toEqual(all);
      const inScope = new Set(sim.truth.inScope(id(who)));
      expect(
        rows.every((r) => r.is_managed === inScope.has(r.id as number)),
        who,
      ).toBe(true);
    }
    expect((await pull('admin')).every((r) => r.is_managed === true)).toBe(true);
    expect(sim.truth.outOfScope(id('chief'))).toEqual([]);
  });

  it("leaves text and answer_text out of a restricted caller's out-of-scope rows, and in everywhere else", async () => {
    for (const who of ['operator1', 'manager1', 'operator4'] as const) {
      for (const row of await pull(who)) {
        const truth = sim.truth.lead(row.id as number)!;
        if (row.is_managed) expect([row.text, row.answer_text]).toEqual([truth.text, truth.answer_text]);
        else expect('text' in row || 'answer_text' in row, `${who} ${row.id}`).toBe(false);
      }
    }
    expect((await pull('operator4')).every((r) => !('text' in r))).toBe(true); // an empty scope hides every text
    for (const who of ['admin', 'adminPartner', 'chiefPartner'] as const)
      expect(
        (await pull(who)).every((r) => 'text' in r && 'answer_text' in r),
        who,
      ).toBe(true);
  });

  it('with hidden_form=null gives the keys as null instead', async () => {
    sim.setKnobs({ hidden_form: 'null' });
    const rows = await pull('operator1');
    const out = rows.filter((r) => r.is_managed === false);
    expect(out).toHaveLength(sim.truth.outOfScope(id('operator1')).length);
    expect(out.every((r) => r.text === null && r.answer_text === null)).toBe(true);
  });

  it('hides the same way in Leads.show and without fields, and only keys that were asked for', async () => {
    const outId = sim.truth.outOfScope(id('operator1'))[0];
    const show = await apiGet<{ results: Row }>(sim, `/leads/show?${q({ id: outId, fields: EXTENSION_FIELDS })}`, tokens.operator1);
    expect(show.json.results.is_managed).toBe(false);
    expect('text' in show.json.results).toBe(false);
    const bare = await apiGet<{ results: Row }>(sim, `/leads/show?id=${outId}`, tokens.operator1);
    expect('text' in bare.json.results).toBe(false);
    expect(bare.json.results.name).toBe(sim.truth.lead(outId)!.name);
    sim.setKnobs({ hidden_form: 'null' });
    const few = await apiGet<{ results: Row }>(sim, `/leads/show?${q({ id: outId, fields: 'id,name' })}`, tokens.operator1);
    expect(Object.keys(few.json.results)).toEqual(['id', 'name']);
  });
});

describe('implementation mode', () => {
  beforeEach(() => sim.setKnobs({ role_mode: 'implementation' }));

  it('gives managed roles only in-scope leads and operators only their own, with every field', async () => {
    for (const who of ['manager1', 'operator1', 'operator4', 'chief', 'admin'] as const) {
      const rows = await pull(who);
      expect(idsOf(rows), who).toEqual(sim.truth.listedFor(id(who), 'implementation'));
      expect(
        rows.every((r) => 'text' in r && 'answer_text' in r),
        who,
      ).toBe(true);
    }
    expect(sim.truth.listedFor(id('manager1'), 'implementation')).toEqual(sim.truth.inScope(id('manager1')));
    const own = sim.truth.listedFor(id('operator1'), 'implementation');
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(sim.truth.inScope(id('operator1')).length);
    expect(sim.truth.listedFor(id('chief'), 'implementation')).toHaveLength(300);
  });

  it('answers 404 to Leads.show of a lead not given to the caller', async () => {
    const own = new Set(sim.truth.listedFor(id('operator1'), 'implementation'));
    const other = sim.truth.leadIds().find((x) => !own.has(x))!;
    expect((await apiGet(sim, `/leads/show?id=${other}`, tokens.operator1)).status).toBe(404);
    expect((await apiGet(sim, `/leads/show?id=${[...own][0]}`, tokens.operator1)).status).toBe(200);
  });
});

describe('listRouted and showRouted', () => {
  it('give only leads addressed to the caller, with every field, in every role', async () => {
    const r = await apiGet<ListBody>(sim, `/leads/listrouted?${q({ fields: 'id,text,is_managed', limit: 100, sort: 'created_at:a' })}`, tokens.operator1);
    expect(r.status).toBe(200);
    expect(idsOf(r.json.results)).toEqual(sim.truth.routedTo(id('operator1')).slice(0, 100));
    expect(r.json.results.every((x) => 'text' in x)).toBe(true);
    const first = r.json.results[0].id;
    expect((await apiGet(sim, `/leads/showrouted?id=${first}`, tokens.operator1)).status).toBe(200);
    const notMine = sim.truth.leadIds().find((x) => !sim.truth.routedTo(id('operator1')).includes(x));
    expect((await apiGet(sim, `/leads/showRouted?id=${notMine}`, tokens.operator1)).status).toBe(404);
  });

  it('take creator_type and refuse type and is_managed in q', async () => {
    const r = await apiGet<ListBody>(sim, `/leads/listrouted?${q({ q: 'creator_type=employee', fields: 'id,created_by(id)', limit: 100 })}`, tokens.admin);
    expect(r.json.results.every((x) => x.created_by !== null)).toBe(true);
    for (const bad of ['type=chat', 'is_managed=yes']) {
      expect((await apiGet(sim, `/leads/listrouted?${q({ q: bad })}`, tokens.admin)).status).toBe(422);
    }
  });
});

describe('403', () => {
  it('answers {"code":403,"message":"Forbidden"} to the roles the forbidden knob names, on every path form', async () => {
    sim.setKnobs({ forbidden: { '/leads/list': ['operator'], 'employees.list': ['*'] } });
    const r = await apiGet(sim, '/leads/list', tokens.operator1);
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ code: 403, message: 'Forbidden' });
    expect((await apiGet(sim, '/v2/leads.list', tokens.operator1)).status).toBe(403);
    expect((await apiGet(sim, '/leads/list', tokens.manager1)).status).toBe(200);
    expect((await apiGet(sim, '/employees/list', tokens.admin)).status).toBe(403);
  });
});
