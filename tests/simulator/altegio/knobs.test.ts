/** Contract §4: knobs (latency, malformed answers, empty custom_fields forms), control endpoints, stats. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAltegioSimulator, DEFAULT_KNOBS } from './server';
import type { AltegioSimulator, SimClient } from './types';
import { ApiClient, call, NO_LIMIT, WebClient } from './test-helpers';

let sim: AltegioSimulator;
let api: ApiClient;
let web: WebClient;
let empty: SimClient;
const fields = () => `/api/v1/custom_fields/client/${sim.cid}`;
const control = (path: string, body?: unknown) => call(sim.webUrl + path, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 12, knobs: { ...NO_LIMIT, latencyMs: 0 } });
  api = new ApiClient(sim);
  await api.token();
  web = new WebClient(sim.webUrl);
  await web.signin(sim);
  empty = sim.truth.clients().find((c) => !Object.keys(c.custom_fields).length)!;
});
afterAll(async () => sim.close());
beforeEach(() => {
  sim.setKnobs({ ...NO_LIMIT, latencyMs: 0, malformedOnRequest: null, malformedMatch: null, malformedKind: 'truncated', emptyCustomFields: 'default' });
});

describe('malformedOnRequest', () => {
  it('truncates the Nth data request (counted from setting it) to half its body, status 200, once', async () => {
    const whole = await api.get(fields());
    sim.setKnobs({ malformedOnRequest: 2 });
    expect((await api.get(fields())).text).toBe(whole.text);
    const broken = await api.get(fields());
    expect(broken.status).toBe(200);
    expect(broken.json).toBeNull();
    expect(whole.text.startsWith(broken.text.slice(0, 50))).toBe(true);
    expect((await api.get(fields())).text).toBe(whole.text);
    expect(sim.knobs.malformedOnRequest).toBeNull();
    expect(sim.stats().malformed).toBeGreaterThanOrEqual(1);
  });

  it('answers an nginx 502 HTML page, a v1 bare array, or success:false under 200, as malformedKind says', async () => {
    sim.setKnobs({ malformedOnRequest: 1, malformedKind: 'html502' });
    const html = await api.get(fields());
    expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html; charset=UTF-8']);
    expect(html.text).toContain('502 Bad Gateway');
    sim.setKnobs({ malformedOnRequest: 1, malformedKind: 'v1-array' });
    const bare = await api.get(`/api/v1/clients/${sim.cid}?count=3`);
    expect(Array.isArray(bare.json)).toBe(true);
    expect(bare.json.map((x: { id: number }) => x.id)).toEqual(sim.truth.ids().slice(0, 3));
    sim.setKnobs({ malformedOnRequest: 1, malformedKind: 'success-false' });
    const refused = await api.get(fields());
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ success: false, data: null });
  });

  it('skips /auth and pages, hits web data routes, and with malformedMatch only matching paths', async () => {
    sim.setKnobs({ malformedOnRequest: 1, malformedKind: 'success-false', malformedMatch: 'getClientInfo' });
    api.forget();
    await api.token();
    expect((await api.get(fields())).json.success).toBe(true);
    expect((await web.get(`/clients/${sim.cid}/base/`)).status).toBe(200);
    expect((await web.get(`/clients/getClientInfo/${empty.id}`)).json).toMatchObject({ success: false });
  });
});

describe('emptyCustomFields', () => {
  const forms = async () => [
    (await api.get(`/api/v1/client/${sim.cid}/${empty.id}`)).json.data,
    (await api.get(`/api/v1/clients/${sim.cid}?id=${empty.id}`)).json.data[0],
    (await web.get(`/clients/getClientInfo/${empty.id}`)).json,
  ];

  it('defaults to card [], list {}, getClientInfo []', async () => {
    expect((await forms()).map((x) => x.custom_fields)).toEqual([[], {}, []]);
  });

  it('can serve [], {}, null or no key on every route', async () => {
    for (const [mode, value] of [
      ['array', []],
      ['object', {}],
      ['null', null],
    ] as const) {
      sim.setKnobs({ emptyCustomFields: mode });
      expect(
        (await forms()).map((x) => x.custom_fields),
        mode,
      ).toEqual([value, value, value]);
    }
    sim.setKnobs({ emptyCustomFields: 'absent' });
    for (const row of await forms()) expect(row).not.toHaveProperty('custom_fields');
  });

  it('mixes the forms across clients, each client alike on every route', async () => {
    sim.setKnobs({ emptyCustomFields: 'mixed' });
    const rows = (await api.get(`/api/v1/clients/${sim.cid}?count=200`)).json.data as { custom_fields: unknown }[];
    const kinds = new Set(
      rows.filter((r) => r.custom_fields === null || !Object.keys(r.custom_fields as object).length).map((r) => JSON.stringify(r.custom_fields)),
    );
    expect(kinds).toEqual(new Set(['[]', '{}', 'null']));
    const f = await forms();
    expect(f[0].custom_fields).toEqual(f[1].custom_fields);
    expect(f[1].custom_fields).toEqual(f[2].custom_fields);
  });
});

describe('latency and control endpoints', () => {
  it('delays answers by latencyMs, but not the control endpoints', async () => {
    sim.setKnobs({ latencyMs: 150 });
    const t0 = performance.now();
    await api.get(fields());
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    const t1 = performance.now();
    await control('/__sim/stats');
    expect(performance.now() - t1).toBeLessThan(140);
  });

  it('GET and POST /__sim/knobs read and set knobs, refusing unknown names and bad values', async () => {
    expect((await control('/__sim/knobs')).json).toMatchObject({ ...DEFAULT_KNOBS, ...NO_LIMIT });
    expect((await control('/__sim/knobs', { searchFields: 'fixed-five' })).json.searchFields).toBe('fixed-five');
    expect(sim.knobs.searchFields).toBe('fixed-five');
    sim.setKnobs({ searchFields: 'honour' });
    expect((await control('/__sim/knobs', { nope: 1 })).status).toBe(400);
    expect((await control('/__sim/knobs', { pageTokenBulkList: 'maybe' })).json.error).toMatch(/pageTokenBulkList/);
    expect(() => sim.setKnobs({ latencyMs: -1 })).toThrow(/latencyMs/);
  });

  it('GET /__sim/credentials and /__sim/truth answer on both origins', async () => {
    const creds = await call(`${sim.apiUrl}/__sim/credentials`);
    expect(creds.json).toEqual({
      webUrl: sim.webUrl,
      apiUrl: sim.apiUrl,
      cid: sim.cid,
      decoyCid: sim.decoyCid,
      users: sim.users,
      partnerToken: sim.partnerToken,
    });
    const truth = await control(`/__sim/truth?location=${sim.cid}`);
    expect(truth.json.clients.map((c: { id: number }) => c.id)).toEqual(sim.truth.ids());
    expect(truth.json.customCodes).toEqual(sim.truth.customCodes());
    expect(truth.json.maskedIds.restricted).toEqual(sim.truth.maskedIds('restricted'));
    expect(truth.json.maskedIds.owner).toEqual([]);
    expect((await control('/__sim/truth?location=1')).status).toBe(400);
  });

  it('/__sim/stats counts by kind and origin; /__sim/stats/reset clears', async () => {
    sim.resetStats();
    await api.get(fields());
    await web.get(`/clients/getClientInfo/${empty.id}`);
    await web.get(`/clients/${sim.cid}/base/`);
    const s = (await control('/__sim/stats')).json;
    expect(s).toMatchObject({ total: 3, byOrigin: { api: 1, web: 2 }, byKind: { fields: 1, 'client-info': 1, page: 1 } });
    expect(s.byOriginKind).toEqual({ 'api:fields': 1, 'web:client-info': 1, 'web:page': 1 });
    expect((await control('/__sim/stats/reset', {})).json.total).toBe(0);
  });
});
