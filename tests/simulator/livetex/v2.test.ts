/** Contract §1.2 and §1.4: the v2 path forms and Utils.batch. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLivetexSimulator } from './server';
import { jsonPath } from './batch';
import type { LivetexSimulator } from './types';
import { NO_LIMITS, apiGet, apiPost, q, tokenFor, type ListBody } from './test-helpers';

let sim: LivetexSimulator;
let admin: string;
let basic: Record<string, string>;

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small' });
  sim.setKnobs(NO_LIMITS);
  admin = await tokenFor(sim, 'admin');
  const e = sim.employees.chief;
  basic = { Authorization: `Basic ${Buffer.from(`${e.email}:${e.password}`).toString('base64')}` };
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs(NO_LIMITS));

interface BatchItem {
  id: string;
  code: number;
  message: string;
  total?: number;
  results: unknown;
  errors?: Record<string, string[]>;
}

describe('v2 path forms', () => {
  it('serve Leads.list at /v2/leads, /v2/leads/list and /v2/leads.list, the same as /leads/list', async () => {
    const params = q({ fields: 'id,type', limit: 5, sort: 'created_at:a' });
    const web = await apiGet<ListBody>(sim, `/leads/list?${params}`, admin);
    for (const path of ['/v2/leads', '/v2/leads/list', '/v2/leads.list', '/v2/Leads.List']) {
      const r = await apiGet<ListBody>(sim, `${path}?${params}`, undefined, basic);
      expect(r.status, path).toBe(200);
      expect(r.json, path).toEqual(web.json);
    }
    expect((await apiGet(sim, `/v2/leads.show?id=${web.json.results[0].id}&fields=id,type`, admin)).json).toEqual({ results: web.json.results[0] });
    expect((await apiGet(sim, '/v2/employees.me?fields=id', undefined, basic)).json).toEqual({ results: { id: sim.employees.chief.id } });
  });
});

describe('Utils.batch', () => {
  it('runs up to 10 methods in order, passing results on through ${id:$.jsonpath}', async () => {
    const body = new URLSearchParams();
    body.append('methods[0][method]', 'leads.list');
    body.append('methods[0][id]', 'chats');
    body.append('methods[0][parameters][q]', 'type=chat');
    body.append('methods[0][parameters][fields]', 'id,site(id)');
    body.append('methods[0][parameters][limit]', '3');
    body.append('methods[1][method]', 'leads.list');
    body.append('methods[1][parameters][q]', 'ids=${chats:$.*.id}');
    body.append('methods[1][parameters][fields]', 'id');
    body.append('methods[2][method]', 'sites.list');
    body.append('methods[2][parameters][q]', 'ids=${chats:$[0].site.id}');
    body.append('methods[2][parameters][fields]', 'id,url');
    const r = await apiPost<{ results: BatchItem[] }>(sim, '/v2/utils/batch', body.toString(), admin, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(200);
    const [first, second, third] = r.json.results;
    expect(first).toMatchObject({ id: 'chats', code: 200, message: '' });
    const chatIds = (first.results as { id: number }[]).map((x) => x.id);
    expect(chatIds).toHaveLength(3);
    expect(second).toMatchObject({ id: '', code: 200, total: 3 });
    expect((second.results as { id: number }[]).map((x) => x.id)).toEqual(expect.arrayContaining(chatIds));
    expect(third.results as { id: number }[]).toHaveLength(1);
  });

  it('is not transactional: a failing item (bad reference, unknown method, 422) does not stop the others; the 11th is ignored', async () => {
    const methods = [
      { method: 'leads.list', parameters: { q: 'ids=${nobody:$.id}' } },
      { method: 'leads.fly' },
      { method: 'leads.list', parameters: { limit: '500' } },
      ...Array.from({ length: 8 }, () => ({ method: 'employees.me', parameters: { fields: 'id' } })),
    ];
    const r = await apiPost<{ results: BatchItem[] }>(sim, '/v2/utils.batch', JSON.stringify({ methods }), admin, { 'Content-Type': 'application/json' });
    expect(r.status).toBe(200);
    expect(r.json.results).toHaveLength(10);
    expect(r.json.results[0]).toMatchObject({ code: 422, message: 'invalid', errors: { q: ['invalid'] }, results: null });
    expect(r.json.results[1]).toMatchObject({ code: 404, message: 'Not Found' });
    expect(r.json.results[2]).toMatchObject({ code: 422, errors: { limit: ['Значение должно быть меньше 100'] } });
    expect(r.json.results[9]).toMatchObject({ code: 200, results: { id: sim.employees.admin.id } });
  });

  it("needs auth itself, and each item keeps the caller's role rules (403 from the forbidden knob)", async () => {
    const body = JSON.stringify({ methods: [{ method: 'leads.list', parameters: { limit: '1' } }] });
    expect((await apiPost(sim, '/v2/utils/batch', body)).status).toBe(401);
    sim.setKnobs({ forbidden: { '/leads/list': ['operator'] } });
    const r = await apiPost<{ results: BatchItem[] }>(sim, '/v2/utils/batch', body, await tokenFor(sim, 'operator1'));
    expect(r.json.results[0]).toMatchObject({ code: 403, message: 'Forbidden' });
    sim.setKnobs({ forbidden: {} });
  });

  it('evaluates the JSONPath subset', () => {
    const root = { order: { products: [{ id: 1 }, { id: 2 }] }, 'a b': 3 };
    expect(jsonPath(root, '$.order.products.*.id')).toEqual([1, 2]);
    expect(jsonPath(root, '$.order.products[1].id')).toEqual([2]);
    expect(jsonPath(root, "$['a b']")).toEqual([3]);
    expect(jsonPath(root, '$.missing')).toEqual([]);
    expect(jsonPath(root, 'order')).toBeNull();
  });
});
