/**
 * Retries that end: a response that stays broken pauses the run with a growing wait, then stops
 * it (named) instead of asking every minute forever; a pause on a rejected key goes on when the
 * login changes, not only the key; a connection check after a key change uses the new key.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { configure, freshExtension, newWorker, recordFetch } from './engine-harness';

describe('retries and credentials', () => {
  let sim: Simulator;
  let rec: ReturnType<typeof recordFetch> | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small', knobs: { apiRateLimit: 100 } });
  });
  afterAll(async () => sim?.close());
  afterEach(() => rec?.restore());

  const account = (login: string) => [{ id: 'a1', source: 'alfacrm' as const, origin: sim.url, login }];

  it('a response that stays broken: paused with a growing wait, then stopped after the last try', async () => {
    await freshExtension();
    await configure(account(sim.credentials.apiEmail), { a1: sim.credentials.apiKey });
    const real = globalThis.fetch;
    rec = { sent: [], hang: () => undefined, tap: () => undefined, restore: () => (globalThis.fetch = real) };
    // Every dictionary answer comes back cut short.
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes('lead-reject') ? new Response('{"total":1,"items":[', { status: 200 }) : real(input, init)) as typeof fetch;
    const w = await newWorker();
    const key = (await w.ensureJob('alfacrm', sim.url, '1')).key;
    await w.syncNow(key, 'full');
    const waits: number[] = [];
    for (let attempt = 1; attempt < w.MAX_ATTEMPTS; attempt++) {
      const job = (await w.db.jobs.get(key))!;
      expect(job.state).toBe('paused');
      expect(job.pausedReason?.code).toBe('malformed-response');
      waits.push(job.resumeAfter! - Date.now());
      await w.resume(key); // what the resume alarm does when the wait is over
    }
    const stopped = (await w.db.jobs.get(key))!;
    expect(stopped.state).toBe('error');
    expect(stopped.lastError?.code).toBe('malformed-response');
    // Each wait at least doubles the one before (1, 2, 4, 8, 16 minutes).
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1] * 1.9);
    // After the start of the worker nothing takes it up again by itself: the next sync or a click does.
    await w.resumeAll();
    expect((await w.db.jobs.get(key))!.state).toBe('error');
  });

  it('a failure of the browser itself (storage while it shuts down) pauses the run, which the next start of the worker takes up', async () => {
    await freshExtension();
    await configure(account(sim.credentials.apiEmail), { a1: sim.credentials.apiKey });
    const w = await newWorker();
    const key = (await w.ensureJob('alfacrm', sim.url, '1')).key;
    const put = w.db.lists.put.bind(w.db.lists);
    const spy = vi.spyOn(w.db.lists, 'put').mockImplementationOnce(() => Promise.reject(new Error('The browser is shutting down.')) as never);
    await w.syncNow(key, 'full');
    const paused = (await w.db.jobs.get(key))!;
    expect(paused.state).toBe('paused');
    expect(paused.pausedReason?.code).toBe('unknown');
    spy.mockImplementation(put);
    await w.resumeAll({ freshStart: true });
    await vi.waitFor(async () => expect((await w.db.jobs.get(key))!.run?.tasks.find((t) => t.name === 'dict:leadReject')).toMatchObject({ done: true }), {
      timeout: 20_000,
    });
  });

  it('a pause on a rejected key goes on when the login is corrected (the key unchanged)', async () => {
    await freshExtension();
    await configure(account('wrong@school.ua'), { a1: sim.credentials.apiKey });
    const w = await newWorker();
    const { watchCredentials } = await import('@/utils/background/credentials');
    watchCredentials();
    const key = (await w.ensureJob('alfacrm', sim.url, '1')).key;
    await w.syncNow(key, 'full');
    expect((await w.db.jobs.get(key))!.pausedReason?.code).toBe('api-key-rejected');
    await configure(account(sim.credentials.apiEmail), { a1: sim.credentials.apiKey });
    await vi.waitFor(async () => expect((await w.db.jobs.get(key))!.run?.tasks.find((t) => t.name === 'dict:leadReject')).toMatchObject({ done: true }), {
      timeout: 20_000,
    });
  });

  it('a connection check after a new key uses it, not a token of the old one', async () => {
    await freshExtension();
    await configure(account(sim.credentials.apiEmail), { a1: sim.credentials.apiKey });
    vi.resetModules();
    const { handlers } = await import('@/utils/background/handlers');
    const check = () => handlers.checkConnection!({ accountId: 'a1' }, { sender: {} });
    expect(await check()).toEqual(['options.connected', 2]);
    rec = recordFetch();
    await configure(account(sim.credentials.apiEmail), { a1: 'f'.repeat(36) });
    await expect(check()).rejects.toMatchObject({ code: 'api-key-rejected' });
    // It logged in afresh with the new key: the old token was not used.
    expect(rec.sent[0].url).toMatch(/\/v2api\/auth\/login$/);
    expect(rec.sent[0].body).toContain('f'.repeat(36));
  });
});
