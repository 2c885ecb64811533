/** Contract §1.1: client search — projection, paging, filters, never custom fields. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator } from './types';
import { ApiClient, NO_LIMIT } from './test-helpers';

let sim: AltegioSimulator;
let api: ApiClient;
const path = () => `/api/v1/company/${sim.cid}/clients/search`;

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 5, knobs: NO_LIMIT });
  api = new ApiClient(sim);
});
afterAll(async () => sim.close());
beforeEach(() => {
  sim.setKnobs({ searchFields: 'honour' });
});

describe('POST /company/{cid}/clients/search', () => {
  it('answers the envelope with meta.total_count; fields default to ["id"], page_size to 25', async () => {
    const r = await api.post(path(), {});
    expect(r.status).toBe(200);
    expect(r.json.success).toBe(true);
    expect(r.json.meta).toEqual({ total_count: 120 });
    expect(r.json.data).toHaveLength(25);
    expect(r.json.data[0]).toEqual({ id: sim.truth.ids()[0] });
  });

  it('honours allowed fields and silently drops the rest (never custom_fields, tags or categories)', async () => {
    const fields = ['id', 'name', 'first_visit_date', 'last_visit_date', 'sold_amount', 'visits_count', 'custom_fields', 'categories', 'tags'];
    const r = await api.post(path(), { page_size: 200, fields });
    const truth = sim.truth.clients();
    expect(r.json.data).toHaveLength(120);
    r.json.data.forEach((row: Record<string, unknown>, i: number) => {
      expect(Object.keys(row)).toEqual(['id', 'name', 'first_visit_date', 'last_visit_date', 'sold_amount', 'visits_count']);
      const c = truth[i];
      expect(row).toEqual({
        id: c.id,
        name: c.name,
        first_visit_date: c.first_visit_date,
        last_visit_date: c.last_visit_date,
        sold_amount: c.sold_amount,
        visits_count: c.visits,
      });
    });
  });

  it('answers the fixed five (id, name, surname, phone, email) whatever is asked, by knob', async () => {
    sim.setKnobs({ searchFields: 'fixed-five' });
    const r = await api.post(path(), { fields: ['id', 'sold_amount'] });
    expect(Object.keys(r.json.data[0])).toEqual(['id', 'name', 'surname', 'phone', 'email']);
  });

  it('caps page_size at 200 and pages every id exactly once, ascending', async () => {
    const big = await startAltegioSimulator({ seed: 5, knobs: NO_LIMIT });
    try {
      const bigApi = new ApiClient(big);
      const ids: number[] = [];
      for (let page = 1; page <= 10; page++) {
        const r = await bigApi.post(`/api/v1/company/${big.cid}/clients/search`, { page, page_size: 500 });
        expect(r.json.data.length).toBe(page < 10 ? 200 : 50);
        ids.push(...r.json.data.map((x: { id: number }) => x.id));
      }
      expect(ids).toEqual(big.truth.ids());
    } finally {
      await big.close();
    }
  });

  it("filters by id (only this location's), quick_search and category, AND or OR", async () => {
    const [a, b] = sim.truth.ids();
    const decoyId = sim.truth.ids(sim.decoyCid)[0];
    const byId = await api.post(path(), { filters: [{ type: 'id', state: { value: [a, b, decoyId] } }] });
    expect(byId.json.data.map((x: { id: number }) => x.id)).toEqual([a, b]);
    expect(byId.json.meta.total_count).toBe(2);
    const client = sim.truth.client(a)!;
    const quick = await api.post(path(), { page_size: 200, filters: [{ type: 'quick_search', state: { value: client.name } }] });
    expect(quick.json.data.map((x: { id: number }) => x.id)).toContain(a);
    const withCategory = sim.truth.clients().find((c) => c.categories.length)!;
    const cat = await api.post(path(), { page_size: 200, filters: [{ type: 'category', state: { value: [withCategory.categories[0].id] } }] });
    expect(cat.json.data.map((x: { id: number }) => x.id)).toContain(withCategory.id);
    const or = await api.post(path(), {
      operation: 'OR',
      filters: [
        { type: 'id', state: { value: [a] } },
        { type: 'id', state: { value: [b] } },
      ],
    });
    expect(or.json.meta.total_count).toBe(2);
    const and = await api.post(path(), {
      operation: 'AND',
      filters: [
        { type: 'id', state: { value: [a] } },
        { type: 'id', state: { value: [b] } },
      ],
    });
    expect(and.json.meta.total_count).toBe(0);
  });

  it('orders by order_by and direction', async () => {
    const r = await api.post(path(), { page_size: 200, fields: ['sold_amount'], order_by: 'sold_amount', order_by_direction: 'DESC' });
    const amounts = r.json.data.map((x: { sold_amount: number }) => x.sold_amount);
    expect(amounts).toEqual([...amounts].sort((x, y) => y - x));
  });

  it('keeps the envelope without the v2 Accept header, and answers the canonical /locations/ spelling', async () => {
    const bare = await api.post(path(), { page_size: 1 }, { v2: false });
    expect(bare.json).toMatchObject({ success: true, meta: { total_count: 120 } });
    const canonical = await api.post(`/api/v1/locations/${sim.cid}/clients/search`, { page_size: 1 });
    expect(canonical.json.data).toEqual(bare.json.data);
  });

  it('masks phones and e-mails for the restricted user', async () => {
    const r = await api.post(path(), { page_size: 200, fields: ['id', 'phone', 'email'] }, { user: 'restricted' });
    const withPhone = r.json.data.filter((x: { phone: unknown }) => x.phone !== '');
    expect(withPhone.length).toBeGreaterThan(50);
    for (const row of withPhone) expect(row.phone).toMatch(/^\+?\d\*+\d{2}$/);
    for (const row of r.json.data.filter((x: { email: string }) => x.email)) expect(row.email).toMatch(/^.\*\*\*@/);
  });
});
