/** The CLI: arguments, knobs from the environment, and what it prints. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAltegioArgs, runAltegioCli } from './cli';
import type { AltegioSimulator } from './types';

let sim: AltegioSimulator | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await sim?.close();
  sim = null;
});

describe('parseAltegioArgs', () => {
  it('reads port, seed, latency, rate, dataset and knobs (flags over the environment)', () => {
    const opts = parseAltegioArgs(
      [
        '--crm',
        'altegio',
        '--port=0',
        '--seed',
        '3',
        '--latency',
        '50',
        '--rate',
        '2',
        '--rate-minute',
        '100',
        '--dataset',
        'small',
        '--knobs',
        '{"searchFields":"fixed-five"}',
      ],
      { ALTEGIO_SIM_KNOBS: '{"rateLimitPerSecond":9,"uiRedrawMs":500}' },
    );
    expect(opts).toEqual({
      port: 0,
      seed: 3,
      dataset: 'small',
      knobs: { rateLimitPerSecond: 2, uiRedrawMs: 500, latencyMs: 50, rateLimitPerMinute: 100, searchFields: 'fixed-five' },
    });
  });

  it('refuses unknown arguments, bad numbers and bad knobs', () => {
    expect(() => parseAltegioArgs(['--nope'], {})).toThrow(/unknown argument/);
    expect(() => parseAltegioArgs(['--port', 'x'], {})).toThrow(/--port/);
    expect(() => parseAltegioArgs(['--dataset', 'huge'], {})).toThrow(/--dataset/);
    expect(() => parseAltegioArgs([], { ALTEGIO_SIM_KNOBS: '{"latencyMs":-5}' })).toThrow(/latencyMs/);
  });
});

describe('runAltegioCli', () => {
  it('starts the simulator and prints the URLs, location, the three logins, the partner token and the API login', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: unknown) => void lines.push(String(s)));
    sim = await runAltegioCli(['--dataset', 'small', '--seed', '2']);
    expect(sim).not.toBeNull();
    const out = lines.join('\n');
    for (const needle of [sim!.webUrl, sim!.apiUrl, String(sim!.cid), sim!.partnerToken, ...Object.values(sim!.users).flatMap((u) => [u.login, u.password])]) {
      expect(out).toContain(needle);
    }
    expect(out).toMatch(/API login \(owner\): owner@vyshnia\.test/);
    expect(new URL(sim!.apiUrl).port).toBe(String(Number(new URL(sim!.webUrl).port) + 1));
    expect((await fetch(`${sim!.webUrl}/signin/`)).status).toBe(200);
  });
});
