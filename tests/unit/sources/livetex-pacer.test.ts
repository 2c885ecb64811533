/**
 * Pacing and backoff of contract §1.6 on a fake clock: one request in flight, starts at least
 * 550 ms apart (never 3 in a second), 429 → Retry-After else 2 s doubling to 60 s, and the named
 * error once retries run out.
 */
import { describe, expect, it } from 'vitest';
import { CrmError } from '@/utils/errors';
import { backoffMs, Pacer, retryAfterMs } from '@/utils/sources/livetex/pacer';

/** A clock that moves only when someone sleeps; every send takes `latency` ms. */
function fakeTime(latency = 40) {
  const t = { now: 1_000_000, sleeps: [] as number[] };
  const sleep = async (ms: number) => {
    t.sleeps.push(ms);
    t.now += ms;
  };
  const starts: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send =
    (status = 200, headers: Record<string, string> = {}) =>
    async () => {
      starts.push(t.now);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await sleep(latency);
      inFlight--;
      return new Response('{}', { status, headers });
    };
  return { t, sleep, starts, send, maxInFlight: () => maxInFlight };
}

describe('LiveTex pacer', () => {
  it('sends one request at a time, at most 2 in any second, 20 requests at once', async () => {
    const f = fakeTime();
    const pacer = new Pacer({ now: () => f.t.now, sleep: f.sleep });
    await Promise.all(Array.from({ length: 20 }, () => pacer.run(f.send())));
    expect(f.maxInFlight()).toBe(1);
    expect(f.starts).toHaveLength(20);
    for (let i = 1; i < f.starts.length; i++) expect(f.starts[i] - f.starts[i - 1]).toBeGreaterThanOrEqual(550);
    for (let i = 2; i < f.starts.length; i++) expect(f.starts[i] - f.starts[i - 2]).toBeGreaterThan(1000);
  });

  it('waits Retry-After on a 429, else 2 s doubling up to 60 s, then says rate limited', async () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(retryAfterMs('1')).toBe(1000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs(new Date(5_000).toUTCString(), 2_000)).toBe(3000);

    const f = fakeTime(0);
    const pacer = new Pacer({ now: () => f.t.now, sleep: f.sleep, maxRateLimited: 3 });
    let calls = 0;
    const res = await pacer.run(() => (++calls < 3 ? f.send(429, { 'Retry-After': '1' })() : f.send(200)()));
    expect(res.status).toBe(200);
    expect(f.t.sleeps.filter((s) => s === 1000)).toHaveLength(2);

    const g = fakeTime(0);
    const limited = new Pacer({ now: () => g.t.now, sleep: g.sleep, maxRateLimited: 3 });
    const err = await limited.run(g.send(429)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CrmError);
    expect((err as CrmError).code).toBe('rate-limited');
    expect(g.starts).toHaveLength(4);
    expect(g.t.sleeps.filter((s) => s >= 2000)).toEqual([2000, 4000, 8000]);
  });

  it('tries a failed connection and a 5xx again, then names it; other errors pass at once', async () => {
    const f = fakeTime(0);
    const pacer = new Pacer({ now: () => f.t.now, sleep: f.sleep });
    let calls = 0;
    const flaky = async () => {
      if (++calls < 3) throw new TypeError('fetch failed');
      return f.send(502)();
    };
    // Three tries again in all (two lost connections, one 502); the fourth answer is the caller's to name.
    expect((await pacer.run(flaky)).status).toBe(502);
    expect(calls).toBe(4);
    const down = await new Pacer({ now: () => f.t.now, sleep: f.sleep }).run(async () => Promise.reject(new TypeError('refused'))).catch((e: unknown) => e);
    expect((down as CrmError).code).toBe('network');
    const own = await pacer.run(async () => Promise.reject(new CrmError('session-expired'))).catch((e: unknown) => e);
    expect((own as CrmError).code).toBe('session-expired');
  });
});
