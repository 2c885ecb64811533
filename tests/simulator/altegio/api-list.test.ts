/** Contract §1.3: the deprecated bulk list — count, paging, filters and its two traps. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator } from './types';
import { ApiClient, NO_LIMIT } from './test-helpers';

let sim: AltegioSimulator;
let api: ApiClient;
const list = (query = '', opts = {}) => api.get(`/api/v1/clients/${sim.cid}${query}`, opts);
const ids = (r: { json: { data: { id: number }[] } }) => r.json.data.map((x) => x.id);

beforeAll(async () => {
  sim = await startAltegioSimulator({ seed: 7, knobs: NO_LIMIT });
  api = new ApiClient(sim);
});
afterAll(async () => sim.close());

describe('GET /clients/{cid}: count and paging', () => {
  it('answers 20 rows by default with meta {page, total_count}, ascending id', async () => {
    const r = await list();
    expect(r.json.meta).toEqual({ page: 1, total_count: 1850 });
    expect(ids(r)).toEqual(sim.truth.ids().slice(0, 20));
  });

  it('honours count up to 300; above 300 it silently answers 20 rows', async () => {
    expect((await list('?count=200')).json.data).toHaveLength(200);
    expect((await list('?count=300')).json.data).toHaveLength(300);
    for (const count of [301, 1000]) {
      const r = await list(`?count=${count}`);
      expect(r.status).toBe(200);
      expect(r.json.data).toHaveLength(20);
      expect(r.json.meta.total_count).toBe(1850);
    }
  });

  it('pages the location with count=200 in 10 requests, every id once', async () => {
    const all: number[] = [];
    for (let page = 1; page <= 10; page++) all.push(...ids(await list(`?page=${page}&count=200`)));
    expect(all).toEqual(sim.truth.ids());
    expect((await list('?page=11&count=200')).json.data).toEqual([]);
  });

  it('rows are full cards with display_name, patronymic, paid, custom_fields ({} when empty), without client_agreements', async () => {
    const rows = (await list('?count=300')).json.data as Record<string, unknown>[];
    const truth = new Map(sim.truth.clients().map((c) => [c.id, c]));
    for (const row of rows) {
      const c = truth.get(row.id as number)!;
      expect(row).not.toHaveProperty('client_agreements');
      expect(row).toMatchObject({ patronymic: c.patronymic, paid: c.spent, display_name: expect.any(String) });
      expect(row.custom_fields).toEqual(Object.keys(c.custom_fields).length ? c.custom_fields : {});
    }
  });

  it('answers a bare v1 array without the v2 Accept header', async () => {
    const r = await list('?count=5', { v2: false });
    expect(Array.isArray(r.json)).toBe(true);
    expect(r.json).toHaveLength(5);
  });
});

describe('GET /clients/{cid}: filters and traps', () => {
  it('filters by id and id[] (ids of this location only)', async () => {
    const [a, b, c] = sim.truth.ids();
    expect(ids(await list(`?id=${b}`))).toEqual([b]);
    const r = await list(`?id[]=${a}&id[]=${c}&count=200`);
    expect(ids(r)).toEqual([a, c]);
    expect(r.json.meta.total_count).toBe(2);
  });

  it('falls back to the whole base, full total, when a filter matches nobody (a decoy id, say)', async () => {
    const decoy = sim.truth.ids(sim.decoyCid)[0];
    const r = await list(`?id[]=${decoy}&count=200`);
    expect(r.json.meta.total_count).toBe(1850);
    expect(ids(r)).toEqual(sim.truth.ids().slice(0, 200));
    expect((await list('?fullname=zzzz-nobody')).json.meta.total_count).toBe(1850);
  });

  it('reads a lone paid_min as paid_min..0 (so usually nobody, so the whole base)', async () => {
    const lone = await list('?paid_min=1000');
    expect(lone.json.meta.total_count).toBe(1850);
    const both = await list('?paid_min=1000&paid_max=2000&count=300');
    const expected = sim.truth
      .clients()
      .filter((c) => c.spent >= 1000 && c.spent <= 2000)
      .map((c) => c.id);
    expect(both.json.meta.total_count).toBe(expected.length);
    expect(ids(both)).toEqual(expected.slice(0, 300));
    const zero = await list('?paid_min=0&count=300');
    expect(zero.json.data.every((x: { paid: number }) => x.paid === 0)).toBe(true);
  });

  it('filters changed_after / changed_before on the local wall-clock time (inclusive)', async () => {
    const clients = sim.truth.clients();
    const sorted = clients.map((c) => c.last_change_date.slice(0, 19)).sort();
    const cut = sorted[1800];
    const after = await list(`?changed_after=${cut}&count=300`);
    const expected = clients.filter((c) => c.last_change_date.slice(0, 19) >= cut).map((c) => c.id);
    expect(ids(after)).toEqual(expected);
    const before = await list(`?changed_before=${sorted[10]}&count=300`);
    expect(before.json.meta.total_count).toBe(11);
    const window = await list(`?changed_after=${sorted[10]}&changed_before=${sorted[20]}&count=300`);
    expect(window.json.meta.total_count).toBe(11);
  });

  it('filters fullname, phone, email and card by substring', async () => {
    const c = sim.truth.clients().find((x) => x.email && x.card && x.phone !== '')!;
    for (const q of [`email=${encodeURIComponent(c.email)}`, `card=${c.card}`, `phone=${String(c.phone).replace(/\D/g, '')}`]) {
      const r = await list(`?${q}&count=300`);
      expect(ids(r), q).toContain(c.id);
      expect(r.json.meta.total_count, q).toBeLessThan(1850);
    }
    expect(ids(await list(`?fullname=${encodeURIComponent(`${c.surname} ${c.name}`)}&count=300`))).toContain(c.id);
  });
});
