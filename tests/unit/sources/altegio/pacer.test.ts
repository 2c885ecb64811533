/** The shared pace (contract §2.3): one in flight, ≤ 3 a second, ≤ 150 a minute, 429s. */
import { describe, expect, it } from 'vitest';
import { CONTRACT_PACE, Pacer } from '@/utils/sources/altegio/pacer';
import { contractFloorMs } from '../../../../bench/lib/altegio-export';
import { saidBy } from './said';

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

/** Takes turns for `holder` as fast as the pace allows, each request `ms` long; returns the turn times. */
function drive(p: Pacer, c: { t: number }, n: number, ms = 20, holder = 'tab:1'): number[] {
  const sent: number[] = [];
  while (sent.length < n) {
    const wait = p.ask(holder);
    if (wait > 0) {
      c.t += wait;
      continue;
    }
    sent.push(c.t);
    c.t += ms;
    p.report(holder, { outcome: 'ok' });
  }
  return sent;
}

/** Most requests done within any window of `ms` (each counted from its start to its end `len` later). */
function most(sent: number[], ms: number, len = 20): number {
  let best = 0;
  for (const s of sent) best = Math.max(best, sent.filter((x) => x >= s && x < s + ms - len).length);
  return best;
}

describe('Pacer', () => {
  it('keeps 3 in any second and spreads them', () => {
    const c = clock();
    const p = new Pacer(CONTRACT_PACE, c.now);
    const sent = drive(p, c, 30);
    expect(most(sent, 1000)).toBeLessThanOrEqual(3);
    for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(Math.floor(CONTRACT_PACE.windowMs / 3));
  });

  it('keeps 150 in any minute over a long per-card pass', () => {
    const c = clock();
    const p = new Pacer(CONTRACT_PACE, c.now);
    const sent = drive(p, c, 400, 5);
    expect(most(sent, 60_000, 5)).toBeLessThanOrEqual(150);
    // Not much slower than the contract's pace allows (the benchmark's floor).
    expect(contractFloorMs(22)).toBe(7000);
    expect(contractFloorMs(400)).toBe(153_000);
    expect(contractFloorMs(1863)).toBeCloseTo(12 * 60_000 + (62 / 3) * 1000);
    expect(sent[399] - sent[0]).toBeLessThan(contractFloorMs(400) * 1.05);
  });

  it('counts a slow request in the window until it is reported done', () => {
    const c = clock();
    const p = new Pacer(CONTRACT_PACE, c.now);
    const sent = drive(p, c, 10, 700);
    // Each request is 700 ms: any three of them end within a window the next could fall in.
    for (let i = 3; i < sent.length; i++) expect(sent[i] - (sent[i - 3] + 700)).toBeGreaterThanOrEqual(CONTRACT_PACE.windowMs - 1);
  });

  it('gives one turn at a time: another holder waits for the report, or the lease', () => {
    const c = clock();
    const p = new Pacer(CONTRACT_PACE, c.now);
    expect(p.ask('tab:1')).toBe(0);
    c.t += 2000;
    expect(p.ask('api')).toBeGreaterThan(0);
    p.report('tab:1', { outcome: 'ok' });
    expect(p.ask('api')).toBe(0);
    // A holder that never reports (its tab closed) holds the turn no longer than the lease.
    c.t += CONTRACT_PACE.leaseMs + 1;
    expect(p.ask('tab:1')).toBe(0);
  });

  it('holds every holder back for a 429’s Retry-After, else 3 s doubling to 60 s', () => {
    const c = clock();
    const p = new Pacer(CONTRACT_PACE, c.now);
    p.ask('tab:1');
    p.report('tab:1', { outcome: 'refused', retryAfterMs: 1000 });
    expect(p.ask('api')).toBe(1000);
    c.t += 1000;
    expect(p.ask('api')).toBe(0);
    // Many refusals without the header (the give-up moved out of the way to see the cap).
    const q = new Pacer({ ...CONTRACT_PACE, maxRefusals: 10 }, c.now);
    q.ask('api');
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      q.report('api', { outcome: 'refused' });
      const w = q.ask('api');
      waits.push(w);
      c.t += w;
      expect(q.ask('api')).toBe(0);
    }
    expect(waits).toEqual([3000, 6000, 12_000, 24_000, 48_000, 60_000]);
  });

  it('gives up after five refusals in a row, and a success in between starts the count again', async () => {
    const c = clock();
    const p = new Pacer(CONTRACT_PACE, c.now);
    const refuse = () => {
      c.t += p.ask('tab:1');
      c.t += p.ask('tab:1');
      p.report('tab:1', { outcome: 'refused', retryAfterMs: 10 });
    };
    for (let i = 0; i < 4; i++) refuse();
    p.report('tab:1', { outcome: 'ok' });
    for (let i = 0; i < 4; i++) refuse();
    expect(await saidBy(refuse)).toBe('rate limited beyond retries (5 refusals in a row)');
  });
});
