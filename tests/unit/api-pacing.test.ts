/**
 * The client's pacing alone (a recording fetch, no server): requests leave at least 1/rate apart
 * (plus the margin), also when the worker was busy and a timer fired late, so a one-second
 * window on the server never sees more than `rate` of them.
 */
import { describe, expect, it } from 'vitest';
import { AlfaApiClient } from '@/utils/sources/alfacrm/api-client';
import { customerPage } from '@/utils/sources/alfacrm/api-schemas';

function recordingClient(rate: number, sent: number[]) {
  const fetch = (async (url: string) => {
    sent.push(Date.now()); // the clock the client paces by
    const body = url.endsWith('/auth/login') ? { token: 'a'.repeat(32) } : { total: 0, count: 0, page: 0, items: [] };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return new AlfaApiClient({ origin: 'https://demo.s20.online', email: 'a@b.c', apiKey: 'k' }, { ratePerSecond: rate, fetch });
}

/** Blocks the event loop, as a worker busy with a large IndexedDB write does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('API pacing', () => {
  it('keeps every one-second window at or under the rate, even when timers fire late', async () => {
    const sent: number[] = [];
    const client = recordingClient(10, sent);
    const requests = Array.from({ length: 24 }, (_, i) => client.post('/v2api/1/customer/index', { page: i }, customerPage));
    // Stall the loop twice while requests wait for their slots.
    await new Promise((r) => setTimeout(r, 250));
    busy(180);
    await new Promise((r) => setTimeout(r, 400));
    busy(230);
    await Promise.all(requests);

    expect(sent).toHaveLength(25); // the login, then 24 pages
    const gaps = sent.slice(1).map((t, i) => t - sent[i]);
    // The gap is ⌈100 ms × 1.04⌉ = 104 ms by the same clock; a send recorded a tick late takes 1 ms off the next.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(103);
    for (let i = 0; i + 10 < sent.length; i++) expect(sent[i + 10] - sent[i]).toBeGreaterThan(1000);
  });
});
