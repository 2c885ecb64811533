/** Contract §1 (REST API v2), held over plain HTTP against the small dataset. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './server';
import type { Simulator } from './types';
import { apiPost, apiToken, pageAll, type Envelope } from './test-helpers';

let sim: Simulator;
let token: string;
const YII_KEYS = ['name', 'message', 'code', 'status'];

beforeAll(async () => {
  sim = await startSimulator({ dataset: 'small', seed: 1 });
  token = await apiToken(sim);
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ apiRateLimit: 0, tokenLifetimeSec: 900, duplicateRate: 0.017 }));

describe('auth/login and the token', () => {
  it('answers a 32-hex token for the right e-mail and key', async () => {
    const r = await apiPost<{ token: string }>(sim, '/v2api/auth/login', { email: sim.credentials.apiEmail, api_key: sim.credentials.apiKey });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(Object.keys(r.json)).toEqual(['token']);
    expect(r.json.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers 401 with the Yii body for a wrong key', async () => {
    const r = await apiPost<Record<string, unknown>>(sim, '/v2api/auth/login', { email: sim.credentials.apiEmail, api_key: 'wrong' });
    expect(r.status).toBe(401);
    expect(Object.keys(r.json)).toEqual(YII_KEYS);
    expect(r.json).toMatchObject({ name: 'Unauthorized', code: 0, status: 401 });
    expect(typeof r.json.message).toBe('string');
  });

  it('answers 401 (Yii body) with no token, an unknown token, and an expired token', async () => {
    const none = await apiPost<Record<string, unknown>>(sim, '/v2api/1/customer/index', {});
    const unknown = await apiPost<Record<string, unknown>>(sim, '/v2api/1/customer/index', {}, 'f'.repeat(32));
    expect(none.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(none.json).toMatchObject({ name: 'Unauthorized', code: 0, status: 401 });

    const t = await apiToken(sim);
    expect((await apiPost(sim, '/v2api/1/customer/index', {}, t)).status).toBe(200);
    sim.setKnobs({ tokenLifetimeSec: 0 });
    const expired = await apiPost<Record<string, unknown>>(sim, '/v2api/1/customer/index', {}, t);
    expect(expired.status).toBe(401);
    expect(Object.keys(expired.json)).toEqual(YII_KEYS);
    sim.setKnobs({ tokenLifetimeSec: 900 });
    // an expired token stays dead; a new login works again
    expect((await apiPost(sim, '/v2api/1/customer/index', {}, t)).status).toBe(401);
    expect((await apiPost(sim, '/v2api/1/customer/index', {}, await apiToken(sim))).status).toBe(200);
  });

  it('with tokenLifetimeSec 0 makes every token single-use', async () => {
    sim.setKnobs({ tokenLifetimeSec: 0 });
    const t = await apiToken(sim);
    expect((await apiPost(sim, '/v2api/1/lead-status/index', {}, t)).status).toBe(200);
    expect((await apiPost(sim, '/v2api/1/lead-status/index', {}, t)).status).toBe(401);
    expect((await apiPost(sim, '/v2api/1/lead-status/index', {}, await apiToken(sim))).status).toBe(200);
  });
});

describe('routes and errors', () => {
  it('serves the branch form and the branchless form (which spans branches)', async () => {
    const b1 = await apiPost<Envelope>(sim, '/v2api/1/customer/index', {}, token);
    const b3 = await apiPost<Envelope>(sim, '/v2api/3/customer/index', {}, token);
    const all = await apiPost<Envelope>(sim, '/v2api/customer/index', {}, token);
    const only3 = await apiPost<Envelope>(sim, '/v2api/customer/index', { branch_ids: [3] }, token);
    expect(b1.json.total).toBe(sim.truth.activeIds(1).length);
    expect(b3.json.total).toBe(sim.truth.activeIds(3).length);
    expect(all.json.total).toBe(b1.json.total + b3.json.total);
    expect(only3.json.total).toBe(b3.json.total);
    expect(only3.json.items.every((x) => (x.branch_ids as number[])[0] === 3)).toBe(true);
  });

  it('answers 404 (Yii body) for unknown routes and 405 for non-POST', async () => {
    const r = await apiPost<Record<string, unknown>>(sim, '/v2api/1/nonsense/index', {}, token);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ name: 'Not Found', message: expect.any(String), code: 0, status: 404 });
    expect((await apiPost(sim, '/v2api/1/customer/update', {}, token)).status).toBe(404);
    const get = await fetch(`${sim.url}/v2api/1/customer/index`, { headers: { 'X-ALFACRM-TOKEN': token } });
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ name: 'Method Not Allowed', code: 0, status: 405 });
  });

  it('answers 400 (Yii body) for a body that is not JSON', async () => {
    const r = await apiPost<Record<string, unknown>>(sim, '/v2api/1/customer/index', undefined, token, '{"page":');
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ name: 'Bad Request', status: 400 });
  });
});

describe('envelope and paging', () => {
  it('has total/count/page/items, 0-based pages of 50, and ignores page_size', async () => {
    const p0 = await apiPost<Envelope>(sim, '/v2api/1/customer/index', { removed: 2, page_size: 500 }, token);
    expect(Object.keys(p0.json)).toEqual(['total', 'count', 'page', 'items']);
    expect(p0.json.page).toBe(0);
    expect(p0.json.total).toBe(sim.truth.archivedLeadIds(1).length + sim.truth.archivedCustomerIds(1).length);
    expect(p0.json.count).toBe(50);
    expect(p0.json.items).toHaveLength(50);
    const p1 = await apiPost<Envelope>(sim, '/v2api/1/customer/index', { removed: 2, page: 1 }, token);
    expect(p1.json.page).toBe(1);
    expect(p1.json.items[0].id).not.toBe(p0.json.items[0].id);
  });

  it('honours ?per-page=N up to the cap of 50', async () => {
    const ten = await apiPost<Envelope>(sim, '/v2api/1/customer/index?per-page=10', { removed: 2 }, token);
    const huge = await apiPost<Envelope>(sim, '/v2api/1/customer/index?per-page=500', { removed: 2 }, token);
    expect(ten.json.count).toBe(10);
    expect(huge.json.count).toBe(50);
  });

  it('repeats a few rows across consecutive pages yet skips none: paging to the end collects every id', async () => {
    sim.setKnobs({ duplicateRate: 0.1 });
    const truth = sim.truth.archivedLeadIds(1);
    const { ids, totals } = await pageAll(sim, token, '/v2api/1/customer/index', { removed: 2, is_study: 0 });
    expect(new Set(totals)).toEqual(new Set([truth.length]));
    expect(ids.length).toBeGreaterThan(truth.length); // duplicates present
    expect(Array.from(new Set(ids)).sort((a, b) => a - b)).toEqual(truth);
  });

  it('with duplicateRate 0 pages neither repeat nor skip', async () => {
    sim.setKnobs({ duplicateRate: 0 });
    const { ids } = await pageAll(sim, token, '/v2api/1/customer/index', { removed: 2, is_study: 0 });
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.length).toBe(sim.truth.archivedLeadIds(1).length);
  });

  it('returns the 45 keys of the real 2025 export, in order', async () => {
    const r = await apiPost<Envelope>(sim, '/v2api/1/customer/index', {}, token);
    const keys = Object.keys(r.json.items[0]);
    expect(keys).toHaveLength(45);
    expect(keys.slice(0, 4)).toEqual(['id', 'branch_ids', 'teacher_ids', 'name']);
    expect(keys.slice(-2)).toEqual(['custom_urovenvladenwoo', 'custom_try_lessons']);
  });
});

describe('removed: 0 = active (default), 1 = both, 2 = archived only', () => {
  it('splits the branch as the ground truth does', async () => {
    const t = sim.truth;
    const active = (await pageAll(sim, token, '/v2api/1/customer/index', {})).ids;
    const zero = (await apiPost<Envelope>(sim, '/v2api/1/customer/index', { removed: 0 }, token)).json.total;
    const both = (await apiPost<Envelope>(sim, '/v2api/1/customer/index', { removed: 1 }, token)).json.total;
    const archivedLeads = (await pageAll(sim, token, '/v2api/1/customer/index', { removed: 2, is_study: 0 })).ids;
    const archivedClients = (await pageAll(sim, token, '/v2api/1/customer/index', { removed: 2, is_study: 1 })).ids;
    expect(Array.from(new Set(active)).sort((a, b) => a - b)).toEqual(t.activeIds(1));
    expect(zero).toBe(t.activeIds(1).length);
    expect(both).toBe(t.activeIds(1).length + t.archivedLeadIds(1).length + t.archivedCustomerIds(1).length);
    expect(Array.from(new Set(archivedLeads)).sort((a, b) => a - b)).toEqual(t.archivedLeadIds(1));
    expect(Array.from(new Set(archivedClients)).sort((a, b) => a - b)).toEqual(t.archivedCustomerIds(1));
  });
});

describe('dictionaries', () => {
  it('serves the real 44 lead and 49 customer reject reasons, disabled ones included', async () => {
    const lead = await apiPost<Envelope<{ id: number; name: string; is_enabled: number; weight: number }>>(sim, '/v2api/1/lead-reject/index', {}, token);
    const cust = await apiPost<Envelope>(sim, '/v2api/customer-reject/index', {}, token);
    expect(lead.json.total).toBe(44);
    expect(lead.json.items).toHaveLength(44);
    expect(cust.json.total).toBe(49);
    expect(lead.json.items.find((x) => x.id === 6)).toEqual({ id: 6, name: 'Недовіра, сумніви ( В )', is_enabled: 1, weight: 28 });
    expect(lead.json.items.find((x) => x.id === 12)?.name).toBe('Подумає (мороз)  ( В )');
    expect(lead.json.items.filter((x) => x.is_enabled === 0).length).toBeGreaterThan(5);
    expect(Math.max(...cust.json.items.map((x) => x.id as number))).toBe(51);
  });

  it('serves lead statuses with pipeline_id (~43 over 2 pipelines), sources, study statuses and branches', async () => {
    const st = await apiPost<Envelope<{ pipeline_id: number }>>(sim, '/v2api/1/lead-status/index', {}, token);
    expect(st.json.total).toBe(43);
    expect(new Set(st.json.items.map((x) => x.pipeline_id))).toEqual(new Set([1, 2]));
    expect(Object.keys(st.json.items[0])).toEqual(['id', 'name', 'is_enabled', 'weight', 'pipeline_id']);
    expect((await apiPost<Envelope>(sim, '/v2api/1/lead-source/index', {}, token)).json.total).toBe(15);
    expect((await apiPost<Envelope>(sim, '/v2api/1/study-status/index', {}, token)).json.total).toBeGreaterThan(2);
    const br = await apiPost<Envelope<{ id: number; name: string }>>(sim, '/v2api/branch/index', {}, token);
    expect(br.json.items.map((b) => b.id)).toEqual([1, 3]);
    expect(br.json.items.every((b) => b.name.length > 0)).toBe(true);
  });
});

describe('communication/index', () => {
  it("lists a record's notes; an archived one carries «Відмова: <reason>»", async () => {
    const rec = sim.truth.records().find((r) => r.archived && r.is_study === 0 && r.lead_reject_id !== null && r.branch_ids[0] === 1)!;
    const reason = sim.truth.leadRejectReasons().find((x) => x.id === rec.lead_reject_id)!.name;
    const viaQuery = await apiPost<Envelope<Record<string, unknown>>>(sim, `/v2api/1/communication/index?class=Customer&related_id=${rec.id}`, {}, token);
    const viaBody = await apiPost<Envelope<Record<string, unknown>>>(sim, '/v2api/communication/index', { class: 'Customer', related_id: rec.id }, token);
    expect(viaQuery.status).toBe(200);
    expect(viaBody.json).toEqual(viaQuery.json);
    expect(Object.keys(viaQuery.json.items[0])).toEqual(['id', 'type_id', 'class', 'related_id', 'user_id', 'added', 'comment']);
    expect(viaQuery.json.items.every((n) => n.related_id === rec.id && n.class === 'Customer')).toBe(true);
    expect(viaQuery.json.items.map((n) => n.comment)).toContain(`Відмова: ${reason}`);
    const active = sim.truth.records().find((r) => !r.archived)!;
    const notes = await apiPost<Envelope<{ comment: string }>>(sim, '/v2api/communication/index', { class: 'Customer', related_id: active.id }, token);
    expect(notes.json.items.some((n) => n.comment.startsWith('Відмова'))).toBe(false);
    // another branch's record is not visible through this branch
    expect((await apiPost<Envelope>(sim, `/v2api/3/communication/index?class=Customer&related_id=${rec.id}`, {}, token)).json.total).toBe(0);
  });
});

describe('rate limit (429)', () => {
  it('answers 429 with Retry-After and the Yii body over the limit, counting only accepted requests', async () => {
    sim.setKnobs({ apiRateLimit: 3 });
    sim.resetStats();
    const replies = await Promise.all(Array.from({ length: 8 }, () => apiPost<Record<string, unknown>>(sim, '/v2api/1/lead-status/index', {}, token)));
    const ok = replies.filter((r) => r.status === 200);
    const limited = replies.filter((r) => r.status === 429);
    expect(ok).toHaveLength(3);
    expect(limited).toHaveLength(5);
    expect(limited[0].json).toEqual({ name: 'Too Many Requests', message: 'Rate limit exceeded.', code: 0, status: 429 });
    for (const r of limited) {
      const after = Number(r.headers.get('retry-after'));
      expect(Number.isInteger(after)).toBe(true);
      expect(after).toBeGreaterThanOrEqual(1);
    }
    const stats = sim.stats();
    expect(stats.status429).toBe(5);
    // 4 of the 5 limited requests came in while the first 429's Retry-After was running
    expect(stats.retriesBeforeRetryAfter).toBe(4);
  });
});
