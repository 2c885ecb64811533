/** Contract §1.2–§1.4: transport, envelopes, fields, sort, paging, Leads.show, Employees.me, CORS. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPLOYEE_FIELDS, startLivetexSimulator } from './server';
import type { LivetexSimulator } from './types';
import { MSK_DATETIME, NO_LIMITS, apiGet, apiPost, q, tokenFor, type ListBody, type Row } from './test-helpers';

let sim: LivetexSimulator;
let admin: string;

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small' });
  sim.setKnobs(NO_LIMITS);
  admin = await tokenFor(sim, 'admin');
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ ...NO_LIMITS, defaultSort: 'created_at:d' }));

const list = (params: Record<string, string | number>, token = admin) => apiGet<ListBody>(sim, `/leads/list?${q(params)}`, token);
const ids = (b: ListBody) => b.results.map((r) => r.id as number);

describe('transport', () => {
  it('answers the same to GET with a query, POST with a form, multipart or JSON body, and POST with the query string', async () => {
    const params = { q: 'type=chat', fields: 'id,type', sort: 'created_at:a', limit: 7, offset: 3 };
    const get = await list(params);
    expect(get.status).toBe(200);
    const fd = new FormData();
    for (const [k, v] of Object.entries(params)) fd.append(k, String(v));
    const bodies = [
      await apiPost(sim, '/leads/list', Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), admin),
      await apiPost(sim, '/leads/list', fd, admin),
      await apiPost(sim, '/leads/list', JSON.stringify(params), admin, { 'Content-Type': 'application/json' }),
      await apiPost(sim, `/leads/list?${q(params)}`, undefined, admin),
    ];
    for (const b of bodies) expect(b.json).toEqual(get.json);
  });

  it('wraps lists as {"total","results"} with total counting every match, singles as {"results":{…}}', async () => {
    const r = await list({ q: 'type=chat', limit: 5 });
    expect(Object.keys(r.json)).toEqual(['total', 'results']);
    expect(r.json.results).toHaveLength(5);
    expect(r.json.total).toBe(sim.truth.leads().filter((l) => l.type === 'chat').length);
    const one = await apiGet<{ results: Row }>(sim, `/leads/show?id=${ids(r.json)[0]}`, admin);
    expect(Object.keys(one.json)).toEqual(['results']);
    expect(one.json.results.id).toBe(ids(r.json)[0]);
  });

  it('writes datetimes in Moscow time without offset, as stored', async () => {
    const r = await list({ fields: 'id,created_at,updated_at,completed_at', limit: 100 });
    for (const row of r.json.results) {
      expect(row.created_at).toMatch(MSK_DATETIME);
      expect(row).toMatchObject({ created_at: sim.truth.lead(row.id as number)!.created_at });
      if (row.completed_at !== null) expect(row.completed_at).toMatch(MSK_DATETIME);
    }
  });

  it('answers 404 {"code":404,"message":"Not Found"} to an unknown route and 405 to PUT', async () => {
    const r = await apiGet(sim, '/leads/nothing', admin);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ code: 404, message: 'Not Found' });
    expect((await fetch(`${sim.apiUrl}/leads/list`, { method: 'PUT', headers: { Authorization: `Bearer ${admin}` } })).status).toBe(405);
  });
});

describe('fields', () => {
  it("projects nested fields, in the entity's key order, ignoring unknown names", async () => {
    const r = await list({ fields: 'site(url,id,nope),bogus,id,created_by(id,first_name,last_name),text', q: 'type=chat', limit: 3 });
    for (const row of r.json.results) {
      expect(Object.keys(row)).toEqual(['id', 'text', 'site', 'created_by']);
      expect(Object.keys(row.site as Row)).toEqual(['id', 'url']);
      expect(Object.keys(row.created_by as Row)).toEqual(['id', 'first_name', 'last_name']);
    }
  });

  it('without fields gives scalars and references as {id}; a bare reference name gives its scalars', async () => {
    const r = await list({ limit: 20, q: 'type=chat' });
    const row = r.json.results[0];
    expect(Object.keys(row)).toContain('text');
    expect(row.site).toEqual({ id: expect.any(Number) });
    expect(row.created_by).toEqual({ id: expect.any(Number) });
    const bare = await list({ limit: 1, fields: 'id,site' });
    expect(Object.keys(bare.json.results[0].site as Row)).toEqual(['id', 'url', 'is_deleted', 'is_managed', 'created_at', 'updated_at']);
  });

  it('answers 422 errors.fields to unbalanced parentheses', async () => {
    const r = await list({ fields: 'id,site(id' });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ code: 422, message: 'invalid', errors: { fields: [expect.any(String)] } });
  });
});

describe('sort, limit, offset', () => {
  it('sorts by created_at, updated_at, duration, result, :a or :d; default created_at:d', async () => {
    const all = sim.truth.leads();
    const byCreated = all.map((l) => l.id as number);
    expect(ids((await list({ fields: 'id', limit: 100 })).json)).toEqual([...byCreated].reverse().slice(0, 100));
    expect(ids((await list({ fields: 'id', limit: 100, sort: 'created_at:a' })).json)).toEqual(byCreated.slice(0, 100));
    const up = (await list({ fields: 'id,updated_at', limit: 100, sort: 'updated_at:d' })).json.results.map((r) => r.updated_at as string);
    expect([...up].sort().reverse()).toEqual(up);
    const dur = (await list({ fields: 'duration', limit: 100, offset: 150, sort: 'duration:a' })).json.results.map((r) => r.duration);
    expect(dur.indexOf(null)).toBeGreaterThan(0); // nulls after the numbers when ascending
    const res = (await list({ fields: 'result', limit: 100, sort: 'result:d' })).json.results.map((r) => r.result);
    expect(res[0]).toBe('missed');
    expect((await list({ sort: 'name:a' })).json).toMatchObject({ code: 422, errors: { sort: [expect.any(String)] } });
  });

  it('pages with limit (default 50, 100 passes) and offset', async () => {
    expect((await list({ fields: 'id' })).json.results).toHaveLength(50);
    const hundred = await list({ fields: 'id', limit: 100, sort: 'created_at:a' });
    expect(hundred.json.results).toHaveLength(100);
    const next = await list({ fields: 'id', limit: 10, offset: 95, sort: 'created_at:a' });
    expect(ids(next.json).slice(0, 5)).toEqual(ids(hundred.json).slice(95));
    expect((await list({ fields: 'id', offset: 100_000 })).json.results).toEqual([]);
  });

  it("answers limit above 100 with 422 and the contract's body, and bad limits and offsets with 422", async () => {
    const r = await list({ limit: 101 });
    expect(r.status).toBe(422);
    expect(r.json).toEqual({ code: 422, message: 'invalid', errors: { limit: ['Значение должно быть меньше 100'] } });
    for (const bad of [{ limit: 'ten' }, { limit: 0 }, { offset: -1 }] as Record<string, string | number>[]) expect((await list(bad)).status).toBe(422);
  });
});

describe('Leads.show, Employees, Sites, Departments', () => {
  it('Leads.show gives the list row for the id; 404 for an unknown id; 422 without one', async () => {
    const row = (await list({ limit: 1 })).json.results[0];
    expect((await apiGet(sim, `/leads/show?id=${row.id}`, admin)).json).toEqual({ results: row });
    expect((await apiGet(sim, '/leads/show?id=1', admin)).json).toEqual({ code: 404, message: 'Not Found' });
    expect((await apiGet(sim, '/leads/show', admin)).status).toBe(422);
  });

  it('Employees.me gives the keys the extension reads', async () => {
    const t = await tokenFor(sim, 'operator1');
    const me = (await apiGet<{ results: Row }>(sim, `/employees/me?${q({ fields: EMPLOYEE_FIELDS })}`, t)).json.results;
    expect(me).toMatchObject({
      id: sim.employees.operator1.id,
      first_name: 'Анна',
      email: sim.employees.operator1.email,
      is_active: true,
      is_deleted: false,
      role: { code: 'operator', title: 'Оператор', is_admin: false },
      managed_sites: [
        { id: 1201, url: 'https://shop.example' },
        { id: 1202, url: 'https://клиника.example' },
      ],
    });
    expect(me.managed_departments).toHaveLength(3);
    expect(me.departments).toEqual([
      { id: 3401, title: 'Продажи' },
      { id: 3402, title: 'Підтримка' },
    ]);
  });

  it('lists employees (the operator only himself), sites and departments', async () => {
    const all = await apiGet<ListBody>(sim, '/employees/list?fields=id,is_deleted&limit=100', admin);
    expect(all.json.total).toBe(12);
    const self = await apiGet<ListBody>(sim, '/employees/list?fields=id', await tokenFor(sim, 'operator2'));
    expect(self.json).toEqual({ total: 1, results: [{ id: sim.employees.operator2.id }] });
    expect((await apiGet<ListBody>(sim, '/sites/list?fields=id,url', admin)).json.results).toEqual(sim.truth.sites());
    expect((await apiGet<ListBody>(sim, '/departments/list?fields=id,title', admin)).json.results).toEqual(sim.truth.departments());
  });
});

describe('CORS', () => {
  it("answers the cabinet origin's preflight and marks responses for it; other origins get nothing", async () => {
    const pre = await fetch(`${sim.apiUrl}/leads/list`, {
      method: 'OPTIONS',
      headers: { Origin: sim.cabinetUrl, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(sim.cabinetUrl);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const r = await apiGet(sim, '/employees/me', admin, { Origin: sim.cabinetUrl });
    expect(r.headers.get('access-control-allow-origin')).toBe(sim.cabinetUrl);
    const other = await apiGet(sim, '/employees/me', admin, { Origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
