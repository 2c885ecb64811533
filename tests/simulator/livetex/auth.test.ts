/** Contract §1.1: the password grant, Bearer tokens, logout, expiry; v2's HTTP Basic. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLivetexSimulator } from './server';
import type { LivetexSimulator } from './types';
import { NO_LIMITS, apiGet, apiPost, tokenFor } from './test-helpers';

let sim: LivetexSimulator;
const UNAUTHORIZED = { code: 401, message: 'Unauthorized' };

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small' });
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ ...NO_LIMITS, tokenLifetimeSec: 3600 }));

const grant = (email: string, password: string) => ({ grant_type: 'password', username: email, password });

describe('POST /oauth2/token', () => {
  it('takes a multipart password grant and answers {results:{access_token, token_type:"Bearer", expires_in}}', async () => {
    const e = sim.employees.operator1;
    const fd = new FormData();
    for (const [k, v] of Object.entries(grant(e.email, e.password))) fd.append(k, v);
    const r = await apiPost<{ results: Record<string, unknown> }>(sim, '/oauth2/token', fd);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(Object.keys(r.json)).toEqual(['results']);
    expect(r.json.results).toEqual({ access_token: expect.stringMatching(/^\S{20,}$/), token_type: 'Bearer', expires_in: 3600 });
  });

  it('takes an urlencoded grant too, with the e-mail in any case', async () => {
    const e = sim.employees.admin;
    const r = await apiPost(sim, '/oauth2/token', grant(e.email.toUpperCase(), e.password));
    expect(r.status).toBe(200);
  });

  it('gives expires_in from the token-lifetime knob', async () => {
    sim.setKnobs({ tokenLifetimeSec: 120 });
    const e = sim.employees.chief;
    const r = await apiPost<{ results: { expires_in: number } }>(sim, '/oauth2/token', grant(e.email, e.password));
    expect(r.json.results.expires_in).toBe(120);
  });

  it('answers 401 {"code":401,"message":"Unauthorized"} to a wrong password, an unknown e-mail, the blocked and the deleted employee', async () => {
    const e = sim.employees;
    for (const [email, password] of [
      [e.operator1.email, 'wrong'],
      ['nobody@example.com', 'x'],
      [e.blocked.email, e.blocked.password],
      [e.deletedOperator.email, e.deletedOperator.password],
    ]) {
      const r = await apiPost(sim, '/oauth2/token', grant(email, password));
      expect(r.status, email).toBe(401);
      expect(r.json).toEqual(UNAUTHORIZED);
    }
  });

  it('answers 400 to another grant type', async () => {
    const e = sim.employees.operator1;
    const r = await apiPost(sim, '/oauth2/token', { ...grant(e.email, e.password), grant_type: 'client_credentials' });
    expect(r.status).toBe(400);
  });
});

describe('Bearer tokens', () => {
  it('acts as the employee who got it', async () => {
    for (const key of ['admin', 'operator2', 'manager1'] as const) {
      const r = await apiGet<{ results: { id: number } }>(sim, '/employees/me?fields=id', await tokenFor(sim, key));
      expect(r.json.results.id).toBe(sim.employees[key].id);
    }
  });

  it('answers 401 to a missing, unknown or malformed Authorization', async () => {
    for (const headers of [{}, { Authorization: 'Bearer nope' }, { Authorization: 'Token abc' }] as Record<string, string>[]) {
      const r = await apiGet(sim, '/leads/list', undefined, headers);
      expect(r.status).toBe(401);
      expect(r.json).toEqual(UNAUTHORIZED);
    }
  });

  it('is revoked by /oauth2/logout ({"results":true}); a new grant works again', async () => {
    const t = await tokenFor(sim, 'operator1');
    expect((await apiGet(sim, '/employees/me', t)).status).toBe(200);
    const out = await apiPost(sim, '/oauth2/logout', undefined, t);
    expect(out.status).toBe(200);
    expect(out.json).toEqual({ results: true });
    expect((await apiGet(sim, '/employees/me', t)).status).toBe(401);
    expect((await apiGet(sim, '/employees/me', await tokenFor(sim, 'operator1'))).status).toBe(200);
  });

  it('expires with the lifetime in force now, and stays dead when the lifetime grows again', async () => {
    const t = await tokenFor(sim, 'operator1');
    sim.setKnobs({ tokenLifetimeSec: 0 });
    expect((await apiGet(sim, '/employees/me', t)).status).toBe(401);
    sim.setKnobs({ tokenLifetimeSec: 3600 });
    expect((await apiGet(sim, '/employees/me', t)).status).toBe(401);
  });

  it('validates with /oauth2/validatetoken', async () => {
    const t = await tokenFor(sim, 'operator3');
    expect((await apiGet(sim, '/oauth2/validatetoken', t)).json).toEqual({ results: true });
    expect((await apiGet(sim, '/oauth2/validatetoken', 'bad')).status).toBe(401);
  });
});

describe('v2 HTTP Basic', () => {
  const basic = (email: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}` });

  it('lets a v2 call in with e-mail:password, and refuses a wrong one, the blocked employee and Basic on Web API paths', async () => {
    const e = sim.employees;
    const ok = await apiGet<{ results: { id: number } }>(sim, '/v2/employees/me?fields=id', undefined, basic(e.manager2.email, e.manager2.password));
    expect(ok.status).toBe(200);
    expect(ok.json.results.id).toBe(e.manager2.id);
    expect((await apiGet(sim, '/v2/employees/me', undefined, basic(e.manager2.email, 'nope'))).status).toBe(401);
    expect((await apiGet(sim, '/v2/employees/me', undefined, basic(e.blocked.email, e.blocked.password))).status).toBe(401);
    expect((await apiGet(sim, '/employees/me', undefined, basic(e.manager2.email, e.manager2.password))).status).toBe(401);
  });
});
