/** Contract §1.6: 5 requests per second per token, 120 per minute per account; the stats windows. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KNOBS, startLivetexSimulator } from './server';
import { SlidingLimit, WindowMax } from './tokens';
import type { LivetexSimulator } from './types';
import { apiGet, control, tokenFor } from './test-helpers';

let sim: LivetexSimulator;

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small' });
});
afterAll(async () => sim.close());
beforeEach(() => {
  sim.setKnobs({ rateLimitPerSecond: DEFAULT_KNOBS.rateLimitPerSecond, rateLimitPerMinute: DEFAULT_KNOBS.rateLimitPerMinute });
  sim.resetStats();
});

const ping = (token: string) => apiGet(sim, '/leads/list?fields=id&limit=1', token);

describe('per token', () => {
  it('answers the sixth request within one second on one token with 429, the body and Retry-After: 1', async () => {
    const t = await tokenFor(sim, 'operator1');
    const started = performance.now();
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await ping(t));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(replies.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(replies[5].status).toBe(429);
    expect(replies[5].json).toEqual({ code: 429, message: 'Too Many Requests' });
    expect(replies[5].headers.get('retry-after')).toBe('1');
    // Another token (even of the same employee) has its own window.
    expect((await ping(await tokenFor(sim, 'operator1'))).status).toBe(200);
    const s = sim.stats();
    expect(s.status429).toBe(1);
    expect(s.maxPerSecondByToken[t]).toBe(6);
    expect(s.maxPerSecond).toBe(6);
  });

  it('counts a request that comes before Retry-After has passed', async () => {
    const t = await tokenFor(sim, 'operator2');
    for (let i = 0; i < 6; i++) await ping(t);
    expect((await ping(t)).status).toBe(429);
    expect(sim.stats().retriesBeforeRetryAfter).toBe(1);
  });

  it('limits neither the token endpoint nor the control endpoints, and refuses bad tokens with 401 first', async () => {
    sim.setKnobs({ rateLimitPerSecond: 1 });
    for (let i = 0; i < 3; i++) await tokenFor(sim, 'chief');
    for (let i = 0; i < 3; i++) expect((await control(sim, '/__sim/stats')).status).toBe(200);
    expect((await ping('nope')).status).toBe(401);
    expect((await ping('nope')).status).toBe(401);
  });
});

describe('per account', () => {
  it('answers the 121st request within a minute on the account with 429, whichever employee and token', async () => {
    // A fresh account: the other tests have used some of this one's minute.
    await sim.close();
    sim = await startLivetexSimulator({ dataset: 'small', knobs: { rateLimitPerSecond: 0 } });
    const tokens = await Promise.all((['admin', 'operator1', 'manager1', 'operator3'] as const).map((k) => tokenFor(sim, k)));
    const statuses: number[] = [];
    for (let i = 0; i < 120; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => ping(tokens[(i + j) % tokens.length])));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await ping(tokens[0]);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('1');
    const s = sim.stats();
    expect(s.maxPerMinuteByAccount['1']).toBe(121);
    expect(s.maxPerMinute).toBe(121);
    expect(s.maxPerMinuteByEmployee[String(sim.employees.admin.id)]).toBe(31);
  });
});

describe('the windows', () => {
  it('slide: a refused request is not counted, and room comes back once the oldest leaves', () => {
    const lim = new SlidingLimit(1000);
    for (let t = 0; t < 5; t++) {
      expect(lim.fits('k', 5, t * 10)).toBe(true);
      lim.add('k', t * 10);
    }
    expect(lim.fits('k', 5, 999)).toBe(false);
    expect(lim.fits('k', 5, 1000)).toBe(true);
    expect(lim.fits('other', 5, 999)).toBe(true);
    expect(lim.fits('k', 0, 999)).toBe(true);
    const max = new WindowMax(1000);
    for (const t of [0, 100, 200, 1150, 1160]) max.record('k', t);
    expect(max.max.k).toBe(3);
  });
});
