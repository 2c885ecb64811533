/**
 * Contract §4 consistency: API list, API card and UI card agree on custom_fields for every client;
 * the bulk export equals the per-card export; the restricted user sees masks everywhere; the sixth
 * request within a second is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator, SimClient } from './types';
import { ApiClient, NO_LIMIT, pageBulk, WebClient } from './test-helpers';

let sim: AltegioSimulator;
let api: ApiClient;
let web: WebClient;
let clients: SimClient[];

// Per-card reads over every client of the small set (1,850 × 2 cards would dominate the folder's time).
beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 13, knobs: NO_LIMIT });
  api = new ApiClient(sim);
  web = new WebClient(sim.webUrl);
  await web.signin(sim);
  clients = sim.truth.clients();
});
afterAll(async () => sim.close());

/** Runs `f` over items, `width` at a time, in order of results. */
async function pool<T, R>(items: T[], width: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]);
      }
    }),
  );
  return out;
}

const none = (v: unknown) => v === null || (typeof v === 'object' && !Object.keys(v as object).length);

describe('every client, on every route', () => {
  it('API list, API card, web list and UI card agree on custom_fields, and equal the stored values', async () => {
    const token = await web.pageToken(sim.cid);
    const apiList = await pageBulk((p) => api.get(p), sim.cid);
    const webList = await pageBulk((p) => web.api(p, token), sim.cid);
    expect(apiList.map((r) => r.id)).toEqual(clients.map((c) => c.id));
    expect(webList).toEqual(apiList);
    const cards = await pool(clients, 8, async (c) => (await api.get(`/api/v1/client/${sim.cid}/${c.id}`)).json.data);
    const infos = await pool(clients, 8, async (c) => (await web.get(`/clients/getClientInfo/${c.id}`)).json);
    clients.forEach((c, i) => {
      const stored = c.custom_fields;
      for (const got of [apiList[i].custom_fields, cards[i].custom_fields, infos[i].custom_fields]) {
        if (Object.keys(stored).length) expect(got).toEqual(stored);
        else expect(none(got)).toBe(true);
      }
    });
  });

  it('the bulk export equals the per-card export, field by field', async () => {
    const rows = await pageBulk((p) => api.get(p), sim.cid);
    const infos = await pool(clients, 8, async (c) => (await web.get(`/clients/getClientInfo/${c.id}`)).json);
    infos.forEach((u, i) => {
      const r = rows[i];
      expect(u.client_id).toBe(r.id);
      expect([u.name, u.surname, u.patronymic, u.email, u.comment, u.card, u.discount, u.balance]).toEqual([
        r.name,
        r.surname,
        r.patronymic,
        r.email,
        r.comment,
        r.card,
        r.discount,
        r.balance,
      ]);
      expect([u.phone, u.visits_count, u.paid_money, u.display_name]).toEqual([r.phone === '' ? '' : String(r.phone), r.visits, r.paid, r.display_name]);
      expect(u.labels).toEqual(r.categories.map((x: { title: string }) => x.title));
    });
  });
});

describe('the default location', () => {
  it('API list and web list hold all 1,850 clients with the stored custom values', async () => {
    const big = await startAltegioSimulator({ seed: 13, knobs: NO_LIMIT });
    try {
      const bigWeb = new WebClient(big.webUrl);
      await bigWeb.signin(big);
      const token = await bigWeb.pageToken(big.cid);
      const bigApi = new ApiClient(big);
      const apiList = await pageBulk((p) => bigApi.get(p), big.cid);
      const webList = await pageBulk((p) => bigWeb.api(p, token), big.cid);
      const stored = big.truth.clients();
      expect(apiList).toHaveLength(1850);
      expect(webList).toEqual(apiList);
      apiList.forEach((row, i) => {
        expect(row.id).toBe(stored[i].id);
        expect(row.custom_fields).toEqual(Object.keys(stored[i].custom_fields).length ? stored[i].custom_fields : {});
      });
    } finally {
      await big.close();
    }
  });
});

describe('the restricted user', () => {
  it('sees masks on search, card, list, web list and getClientInfo, never a clear phone or e-mail', async () => {
    const masked = new Set(sim.truth.maskedIds('restricted'));
    expect(masked.size).toBeGreaterThan(100);
    const rw = new WebClient(sim.webUrl);
    await rw.signin(sim, 'restricted');
    const token = await rw.pageToken(sim.cid);
    const sample = clients.filter((c) => masked.has(c.id));
    const ids = sample.map((c) => c.id);
    const search = await api.post(
      `/api/v1/company/${sim.cid}/clients/search`,
      { page_size: 200, fields: ['id', 'phone', 'email'], filters: [{ type: 'id', state: { value: ids } }] },
      { user: 'restricted' },
    );
    const list = await api.get(`/api/v1/clients/${sim.cid}?count=200&${ids.map((id) => `id[]=${id}`).join('&')}`, { user: 'restricted' });
    const webList = await rw.api(`/api/v1/clients/${sim.cid}?count=200&${ids.map((id) => `id[]=${id}`).join('&')}`, token);
    const cards = await pool(sample, 8, async (c) => (await api.get(`/api/v1/client/${sim.cid}/${c.id}`, { user: 'restricted' })).json.data);
    const infos = await pool(sample, 8, async (c) => (await rw.get(`/clients/getClientInfo/${c.id}`)).json);
    const routes = [search.json.data, list.json.data, webList.json.data, cards, infos];
    for (const rows of routes) {
      expect(rows).toHaveLength(sample.length);
      rows.forEach((row: Record<string, unknown>, i: number) => {
        const c = sample[i];
        if (c.phone !== '') expect(String(row.phone)).toMatch(/^\+?\d\*+\d{2}$/);
        if (c.email) expect(row.email).toMatch(/^.\*\*\*@/);
        if ('additional_phone' in row && c.additional_phone) expect(row.additional_phone).toContain('*');
        expect(JSON.stringify(row)).not.toContain(String(c.phone).replace(/^\+/, '').slice(1) || 'no phone');
      });
    }
  });
});

describe('the default limit', () => {
  it('refuses the sixth request within a second', async () => {
    const fresh = await startAltegioSimulator({ dataset: 'small', seed: 13 });
    try {
      const a = new ApiClient(fresh);
      const statuses: number[] = [];
      statuses.push((await a.get(`/api/v1/custom_fields/client/${fresh.cid}`)).status); // after /auth: 2 requests
      for (let i = 0; i < 4; i++) statuses.push((await a.get(`/api/v1/custom_fields/client/${fresh.cid}`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      expect(fresh.stats().status429).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
