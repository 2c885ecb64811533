/** Contract §4: data changes between syncs — new clients, edits with a newer last_change_date, deletions, fields renamed or added. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator, MutationResult } from './types';
import { ApiClient, call, NO_LIMIT, pageBulk, WebClient } from './test-helpers';
import { localStamp } from './dates';

let sim: AltegioSimulator;
let api: ApiClient;
let web: WebClient;
let before: number[];
let since: string;
let result: MutationResult;

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 14, knobs: NO_LIMIT });
  api = new ApiClient(sim);
  web = new WebClient(sim.webUrl);
  await web.signin(sim);
  before = sim.truth.ids();
  // What a sync would send: the start of the last good run minus 10 minutes, local time, no offset.
  since = localStamp(Date.now() - 10 * 60_000).slice(0, 19);
  result = sim.mutate();
});
afterAll(async () => sim.close());

describe('mutate() with no spec', () => {
  it('adds 5 clients above every id, edits 10, deletes 3, renames note-2', () => {
    expect(result.added).toHaveLength(5);
    expect(Math.min(...result.added)).toBeGreaterThan(Math.max(...before));
    expect(result.edited).toHaveLength(10);
    expect(result.deleted).toHaveLength(3);
    expect(result.renamed).toEqual({ code: 'note-2', from: 'Примечание', to: 'Примечание 2' });
    expect(sim.truth.ids()).toEqual(before.filter((id) => !result.deleted.includes(id)).concat(result.added));
    expect(sim.truth.deletedIds()).toEqual(result.deleted);
  });

  it('changed_after returns exactly the edited and the new clients, with a newer last_change_date', async () => {
    const r = await api.get(`/api/v1/clients/${sim.cid}?changed_after=${since}&count=200`);
    const ids = r.json.data.map((x: { id: number }) => x.id);
    expect(ids).toEqual([...result.edited, ...result.added].sort((a, b) => a - b));
    for (const row of r.json.data) expect(row.last_change_date.slice(0, 19) >= since).toBe(true);
    const edited = sim.truth.client(result.edited[0])!;
    expect((await api.get(`/api/v1/client/${sim.cid}/${edited.id}`)).json.data.custom_fields).toEqual(edited.custom_fields);
  });

  it('deleted clients are gone from every route (404 cards), and not reported by changed_after', async () => {
    const all = await pageBulk((p) => api.get(p), sim.cid);
    const search = await api.post(`/api/v1/company/${sim.cid}/clients/search`, { page_size: 200 });
    for (const id of result.deleted) {
      expect(all.some((r) => r.id === id)).toBe(false);
      expect(search.json.data.some((r: { id: number }) => r.id === id)).toBe(false);
      expect((await api.get(`/api/v1/client/${sim.cid}/${id}`)).status).toBe(404);
      expect((await web.get(`/clients/getClientInfo/${id}`)).status).toBe(404);
    }
    expect(search.json.meta.total_count).toBe(before.length + 2);
  });

  it('the renamed title shows in the definitions and the tab', async () => {
    const defs = await api.get(`/api/v1/custom_fields/client/${sim.cid}`);
    expect(defs.json.data[3].custom_field).toMatchObject({ code: 'note-2', title: 'Примечание 2' });
    const tab = await web.get(`/custom_fields_salon/resource/tab_by_window/${sim.cid}/client/0/is_show_ui_window_client`);
    expect(tab.json.data.content).toContain('Примечание 2');
  });
});

describe('POST /__sim/mutate', () => {
  it('adds a field (definitions grow, edited clients hold a value), and leaves the decoy alone', async () => {
    const decoy = sim.truth.clients(sim.decoyCid);
    const r = await call(`${sim.webUrl}/__sim/mutate`, { method: 'POST', body: JSON.stringify({ addField: true, edit: 4 }) });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ addedField: 'telegram', added: [], deleted: [], renamed: null });
    expect(
      sim.truth
        .definitions()
        .map((d) => d.code)
        .at(-1),
    ).toBe('telegram');
    expect(sim.truth.customCodes().at(-1)).toBe('old-promo');
    for (const id of r.json.edited) {
      const c = sim.truth.client(id)!;
      expect(c.custom_fields.telegram).toBe(`@${id}_tg`);
      // Definition order, then codes without a definition.
      expect(Object.keys(c.custom_fields)).toEqual(sim.truth.customCodes().filter((k) => k in c.custom_fields));
    }
    expect(sim.truth.clients(sim.decoyCid)).toEqual(decoy);
  });

  it('refuses unknown keys and bad counts', async () => {
    expect((await call(`${sim.webUrl}/__sim/mutate`, { method: 'POST', body: '{"explode":1}' })).status).toBe(400);
    expect((await call(`${sim.webUrl}/__sim/mutate`, { method: 'POST', body: '{"add":-1}' })).status).toBe(400);
  });
});
