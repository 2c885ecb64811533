/** The API client and the paging reader against the simulator's API, over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlfaApiClient } from '@/utils/sources/alfacrm/api-client';
import { fetchDictionary } from '@/utils/sources/alfacrm/api-sync';
import { customerPage } from '@/utils/sources/alfacrm/api-schemas';
import type { CrmError } from '@/utils/errors';
import { startSimulator, type Simulator } from '../simulator/server';

describe('AlfaApiClient against the simulator', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small' });
  });
  afterAll(async () => sim?.close());

  const client = (over: Partial<{ apiKey: string; rate: number }> = {}) =>
    new AlfaApiClient({ origin: sim.url, email: sim.credentials.apiEmail, apiKey: over.apiKey ?? sim.credentials.apiKey }, { ratePerSecond: over.rate ?? 50 });

  it('keeps disabled reasons in the dictionary', async () => {
    sim.setKnobs({ apiRateLimit: 0 });
    const items = await fetchDictionary(client(), 1, 'leadReject');
    expect(items).toHaveLength(44);
    const disabled = sim.truth.leadRejectReasons().find((r) => r.is_enabled === 0)!;
    expect(items).toContainEqual({ id: disabled.id, name: disabled.name, enabled: false });
    expect(items.filter((i) => i.enabled).length).toBe(sim.truth.leadRejectReasons().filter((r) => r.is_enabled).length);
    sim.setKnobs({ apiRateLimit: 5 });
  });

  it('names a wrong key «API key rejected»', async () => {
    const err = await client({ apiKey: 'f'.repeat(40) })
      .post('/v2api/1/customer/index', {}, customerPage)
      .catch((e: CrmError) => e);
    expect((err as CrmError).code).toBe('api-key-rejected');
  });

  it('logs in again when the token expires', async () => {
    sim.setKnobs({ tokenLifetimeSec: 0, apiRateLimit: 0 });
    sim.resetStats();
    const c = client();
    await c.post('/v2api/1/customer/index', { page: 0 }, customerPage);
    await c.post('/v2api/1/customer/index', { page: 1 }, customerPage);
    const stats = sim.stats();
    expect(stats.status401).toBeGreaterThanOrEqual(1);
    expect(stats.byEntity['auth/login'] ?? stats.byEntity['auth']).toBeGreaterThanOrEqual(2);
    sim.setKnobs({ tokenLifetimeSec: 900, apiRateLimit: 5 });
  });

  it('waits out every 429 and finishes when the CRM allows fewer requests than it sends', async () => {
    sim.setKnobs({ apiRateLimit: 2 });
    sim.resetStats();
    const waits: number[] = [];
    const c = new AlfaApiClient(
      { origin: sim.url, email: sim.credentials.apiEmail, apiKey: sim.credentials.apiKey },
      { ratePerSecond: 6, onRateLimited: (ms) => waits.push(ms) },
    );
    const pages = await Promise.all([0, 1, 2, 3].map((page) => c.post('/v2api/1/customer/index', { removed: 2, is_study: 0, page }, customerPage)));
    expect(new Set(pages.flatMap((p) => p.items.map((r) => r.id))).size).toBe(sim.truth.archivedLeadIds(1).length);
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms >= 1000)).toBe(true);
    expect(sim.stats().status429).toBe(waits.length);
    expect(sim.stats().retriesBeforeRetryAfter).toBe(0);
    sim.setKnobs({ apiRateLimit: 5 });
  });

  it('names a half-written response «malformed response»', async () => {
    sim.setKnobs({ apiRateLimit: 0, malformedOnRequest: 2 });
    const c = client();
    await c.post('/v2api/1/customer/index', { page: 0 }, customerPage); // login is request 1
    const err = await c.post('/v2api/1/customer/index', { page: 1 }, customerPage).catch((e: CrmError) => e);
    expect((err as CrmError).code).toBe('malformed-response');
    sim.setKnobs({ apiRateLimit: 5, malformedOnRequest: null });
  });
});
