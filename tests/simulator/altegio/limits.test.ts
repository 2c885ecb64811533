/** Contract §1 and §4: the per-IP rate limit (5/s and 200/min, both origins together), 429s and the stats windows. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator } from './types';
import { ApiClient, NO_LIMIT, WebClient } from './test-helpers';

let sim: AltegioSimulator;
let api: ApiClient;
let web: WebClient;
let pageToken: string;
const fields = () => `/api/v1/custom_fields/client/${sim.cid}`;

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 11, knobs: NO_LIMIT });
  api = new ApiClient(sim);
  await api.token();
  web = new WebClient(sim.webUrl);
  await web.signin(sim);
  pageToken = await web.pageToken(sim.cid);
});
afterAll(async () => sim.close());
beforeEach(() => {
  sim.setKnobs({ rateLimitPerSecond: 5, rateLimitPerMinute: 200, retryAfterSec: 1 });
  sim.resetStats();
});

describe('rate limit', () => {
  it('is on by default: 5 per second and 200 per minute', async () => {
    const fresh = await startAltegioSimulator({ dataset: 'small' });
    try {
      expect([fresh.knobs.rateLimitPerSecond, fresh.knobs.rateLimitPerMinute, fresh.knobs.retryAfterSec]).toEqual([5, 200, 1]);
    } finally {
      await fresh.close();
    }
  });

  it('refuses the sixth request within a second with the 429 envelope and Retry-After: 1', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await api.get(fields()));
    expect(answers.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = answers[5];
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('retry-after')).toBe('1');
    expect(sixth.json).toEqual({ success: false, data: null, meta: { message: 'Too many requests' } });
    const s = sim.stats();
    expect(s.status429).toBe(1);
    expect(s.maxIn1s).toBe(6);
  });

  it('counts both origins together (API, page-token API, getClientInfo, tabs)', async () => {
    const id = sim.truth.ids()[0];
    const statuses = [
      (await api.get(fields())).status,
      (await web.api(fields(), pageToken)).status,
      (await web.get(`/clients/getClientInfo/${id}`)).status,
      (await web.get(`/custom_fields_salon/resource/tab_by_window/${sim.cid}/client/0/is_show_ui_window_client`)).status,
      (await api.get(fields())).status,
      (await web.api(fields(), pageToken)).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(sim.stats().byOrigin).toEqual({ api: 2, web: 4 });
  });

  it('does not count pages or sign-in', async () => {
    for (let i = 0; i < 8; i++) expect((await web.get(`/clients/${sim.cid}/base/`)).status).toBe(200);
    expect(sim.stats().maxIn1s).toBe(0);
    expect((await api.get(fields())).status).toBe(200);
  });

  it('refuses above the per-minute limit too, and may omit Retry-After', async () => {
    sim.setKnobs({ rateLimitPerSecond: 0, rateLimitPerMinute: 3, retryAfterSec: null });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.get(fields())).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const r = await api.get(fields());
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBeNull();
    expect(sim.stats().maxIn60s).toBe(5);
  });

  it('counts retries that arrive before Retry-After has passed', async () => {
    sim.setKnobs({ rateLimitPerSecond: 1 });
    await api.get(fields());
    expect((await api.get(fields())).status).toBe(429);
    await api.get(fields());
    expect(sim.stats().retriesBeforeRetryAfter).toBe(1);
  });

  it('never limits, counts or delays the control endpoints', async () => {
    sim.setKnobs({ rateLimitPerSecond: 1, latencyMs: 0 });
    for (let i = 0; i < 10; i++) expect((await fetch(`${sim.apiUrl}/__sim/stats`)).status).toBe(200);
    expect(sim.stats().total).toBe(0);
  });
});
