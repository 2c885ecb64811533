/** Contract §3/§4: the knobs that produce the faults the extension must tolerate. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KNOBS, startLivetexSimulator } from './server';
import type { LivetexSimulator } from './types';
import { NO_LIMITS, apiGet, control, q, tokenFor, type ListBody, type Row } from './test-helpers';

let sim: LivetexSimulator;
let admin: string;
const page = (token = admin, extra: Record<string, string | number> = {}) =>
  apiGet<ListBody>(sim, `/leads/list?${q({ fields: 'id,created_at,is_managed,site(id,url)', limit: 4, sort: 'created_at:a', ...extra })}`, token);

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small', knobs: { role_mode: 'documented', latencyMs: 0 } });
  sim.setKnobs(NO_LIMITS);
  admin = await tokenFor(sim, 'admin');
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ ...DEFAULT_KNOBS, ...NO_LIMITS, forbidden: {} }));

describe('malformedOnRequest', () => {
  it('breaks the Nth data request once, each way: html502, truncated, results_object, total_missing, short_page', async () => {
    const whole = await page();
    for (const kind of ['html502', 'truncated', 'results_object', 'total_missing', 'short_page'] as const) {
      sim.setKnobs({ malformedOnRequest: 2, malformedKind: kind });
      expect((await page()).json, kind).toEqual(whole.json);
      const broken = await page();
      expect((await page()).json, kind).toEqual(whole.json);
      expect(sim.knobs.malformedOnRequest).toBeNull();
      if (kind === 'html502') {
        expect(broken.status).toBe(502);
        expect(broken.headers.get('content-type')).toMatch(/text\/html/);
        expect(broken.text).toContain('502 Bad Gateway');
      } else if (kind === 'truncated') {
        expect(broken.status).toBe(200);
        expect(broken.json).toBeNull();
        expect(whole.text.startsWith(broken.text)).toBe(true);
      } else if (kind === 'results_object') {
        expect(broken.json.results).toEqual(Object.fromEntries(whole.json.results.map((r, i) => [String(i), r])));
      } else if (kind === 'total_missing') {
        expect(broken.json).toEqual({ results: whole.json.results });
      } else {
        expect(broken.json).toEqual({ total: whole.json.total, results: whole.json.results.slice(0, 2) });
      }
    }
    expect(sim.stats().malformed).toBeGreaterThanOrEqual(5);
  });

  it('counts only requests matching malformedMatch, and never the token endpoint', async () => {
    sim.setKnobs({ malformedOnRequest: 1, malformedKind: 'html502', malformedMatch: '/leads/list' });
    await tokenFor(sim, 'operator1');
    expect((await apiGet(sim, '/employees/me', admin)).status).toBe(200);
    expect((await page()).status).toBe(502);
  });
});

describe('sessions and tokens', () => {
  it("revokes a cabinet-issued token after N requests, leaving other clients' tokens alone", async () => {
    sim.setKnobs({ sessionExpiresAfterRequests: 2 });
    const cab = await tokenFor(sim, 'operator1', sim.cabinetUrl);
    const other = await tokenFor(sim, 'operator1');
    expect([(await page(cab)).status, (await page(cab)).status, (await page(cab)).status]).toEqual([200, 200, 401]);
    expect([(await page(other)).status, (await page(other)).status, (await page(other)).status]).toEqual([200, 200, 200]);
    sim.setKnobs({ sessionExpiryScope: 'all' });
    expect((await page(other)).status).toBe(401);
  });

  it('revokes session tokens T seconds after issue', async () => {
    const cab = await tokenFor(sim, 'operator2', sim.cabinetUrl);
    expect((await page(cab)).status).toBe(200);
    sim.setKnobs({ session_expires_after_sec: 0 });
    expect((await page(cab)).status).toBe(401);
  });
});

describe('presentation knobs', () => {
  it('defaultSort orders a list without sort', async () => {
    sim.setKnobs({ defaultSort: 'created_at:a' });
    const r = await apiGet<ListBody>(sim, '/leads/list?fields=id&limit=3', admin);
    expect(r.json.results.map((x) => x.id)).toEqual(sim.truth.leadIds().slice(0, 3));
  });

  it('datetimeForm writes space, Z and offset forms of the same moment', async () => {
    const msk = (await page()).json.results[0].created_at as string;
    const at = Date.parse(`${msk}+03:00`);
    sim.setKnobs({ datetimeForm: 'space' });
    expect((await page()).json.results[0].created_at).toBe(msk.replace('T', ' '));
    sim.setKnobs({ datetimeForm: 'utc_z' });
    expect(Date.parse((await page()).json.results[0].created_at as string)).toBe(at);
    sim.setKnobs({ datetimeForm: 'offset' });
    expect((await page()).json.results[0].created_at).toBe(`${msk}+03:00`);
  });

  it('idsAsStrings, omitIsManaged and refForm=id reshape rows', async () => {
    sim.setKnobs({ idsAsStrings: true, omitIsManaged: true, refForm: 'id' });
    const row = (await page()).json.results[0];
    expect(typeof row.id).toBe('string');
    expect('is_managed' in row).toBe(false);
    expect(row.site).toEqual({ id: expect.any(String) });
  });

  it('latencyMs delays Web API and cabinet answers but not control endpoints', async () => {
    sim.setKnobs({ latencyMs: 120 });
    let t = performance.now();
    await page();
    expect(performance.now() - t).toBeGreaterThanOrEqual(110);
    t = performance.now();
    await fetch(`${sim.cabinetUrl}/login`);
    expect(performance.now() - t).toBeGreaterThanOrEqual(110);
    t = performance.now();
    await control(sim, '/__sim/stats');
    expect(performance.now() - t).toBeLessThan(110);
  });
});

describe('control endpoints', () => {
  it('set knobs by JSON or query (snake_case too), refuse unknown ones, and report them', async () => {
    const r = await control<Row>(sim, '/__sim/knobs?role_mode=implementation&rate_limit_per_second=3', { hiddenForm: 'null' });
    expect(r.json).toMatchObject({ roleMode: 'implementation', rateLimitPerSecond: 3, hiddenForm: 'null' });
    expect((await control(sim, '/__sim/knobs')).json).toMatchObject({ roleMode: 'implementation' });
    expect((await control(sim, '/__sim/knobs', { nope: 1 })).status).toBe(400);
    expect((await control(sim, '/__sim/knobs', { roleMode: 'sometimes' })).status).toBe(400);
    expect(() => sim.setKnobs({ latencyMs: -1 })).toThrow(/latencyMs/);
  });

  it('give credentials, truth views and stats, none of them counted', async () => {
    sim.resetStats();
    const cred = await control<{ cabinetUrl: string; employees: Record<string, { email: string; password: string }> }>(sim, '/__sim/credentials');
    expect(cred.json.cabinetUrl).toBe(sim.cabinetUrl);
    expect(cred.json.employees.operator1).toMatchObject({ email: sim.employees.operator1.email, password: sim.employees.operator1.password });
    const summary = await control<{ leads: number; scope: Record<string, { outOfScope: number }> }>(sim, '/__sim/truth');
    expect(summary.json.leads).toBe(300);
    expect(summary.json.scope[String(sim.employees.operator1.id)].outOfScope).toBe(90);
    const emp = await control<{ outOfScope: number[] }>(sim, `/__sim/truth?employee=${sim.employees.operator1.id}`);
    expect(emp.json.outOfScope).toEqual(sim.truth.outOfScope(sim.employees.operator1.id));
    const texts = await control<{ texts: Record<string, { text: { marker: string | null } }> }>(sim, `/__sim/truth?pullers=${sim.employees.operator1.id}`);
    expect(texts.json.texts[String(emp.json.outOfScope[0])].text.marker).toBe('[hidden: operator]');
    expect((await control<{ leads: Row[] }>(sim, '/__sim/truth?view=leads')).json.leads).toHaveLength(300);
    expect((await control(sim, '/__sim/stats')).json).toMatchObject({ total: 0 });
    await page();
    expect((await control(sim, '/__sim/stats/reset', {})).json).toMatchObject({ total: 0 });
  });
});
