/** Contract §1: the Authorization header, `/auth`, user tokens, rights, licence and error envelopes. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator } from './types';
import { ApiClient, call, NO_LIMIT, V2 } from './test-helpers';

let sim: AltegioSimulator;
let api: ApiClient;

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 4, knobs: NO_LIMIT });
  api = new ApiClient(sim);
});
afterAll(async () => sim.close());
beforeEach(() => {
  sim.setKnobs({ ...NO_LIMIT, userTokenLifetimeSec: null, licenseExpired: null });
});

const auth = (body: unknown, partner = sim.partnerToken) =>
  call(`${sim.apiUrl}/api/v1/auth`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${partner}`, 'Content-Type': 'application/json', Accept: V2 },
    body: JSON.stringify(body),
  });
const fieldsPath = () => `/api/v1/custom_fields/client/${sim.cid}`;
const withAuth = (authorization: string | null) =>
  call(sim.apiUrl + fieldsPath(), { headers: { ...(authorization ? { Authorization: authorization } : {}), Accept: V2 } });
const envelopeError = (message: string) => ({ success: false, data: null, meta: { message } });

describe('POST /auth', () => {
  it('answers 201 with the user token in the envelope, by e-mail or phone', async () => {
    const byMail = await auth({ login: sim.users.owner.login, password: sim.users.owner.password });
    expect(byMail.status).toBe(201);
    expect(byMail.json).toMatchObject({ success: true, data: { user_token: expect.stringMatching(/^[0-9a-f]{32}$/) }, meta: [] });
    const byPhone = await auth({ login: sim.users.owner.phone, password: sim.users.owner.password });
    expect(byPhone.json.data.user_token).toBe(byMail.json.data.user_token);
  });

  it('refuses a wrong password (401) and a missing or wrong partner token (401)', async () => {
    const wrong = await auth({ login: sim.users.owner.login, password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual(envelopeError('Неверный логин или пароль'));
    expect((await auth({ login: sim.users.owner.login, password: sim.users.owner.password }, 'bad')).status).toBe(401);
  });

  it('needs both halves on data routes; either missing gives a 401 envelope', async () => {
    const user = await api.token();
    for (const h of [null, `Bearer ${sim.partnerToken}`, `User ${user}`, `Bearer wrong, User ${user}`, `Bearer ${sim.partnerToken}, User wrong`]) {
      const r = await withAuth(h);
      expect(r.status, String(h)).toBe(401);
      expect(r.json.success).toBe(false);
      expect(typeof r.json.meta.message).toBe('string');
    }
    expect((await withAuth(`Bearer ${sim.partnerToken}, User ${user}`)).status).toBe(200);
  });
});

describe('user tokens', () => {
  it('are revoked by the revokeUserTokens knob (as a password change), which then reads false', async () => {
    const before = await api.token();
    sim.setKnobs({ revokeUserTokens: true });
    expect(sim.knobs.revokeUserTokens).toBe(false);
    expect((await withAuth(`Bearer ${sim.partnerToken}, User ${before}`)).status).toBe(401);
    api.forget();
    const after = await api.token();
    expect(after).not.toBe(before);
    expect((await api.get(fieldsPath())).status).toBe(200);
  });

  it('expire after userTokenLifetimeSec (0: at once); /auth then issues a new one', async () => {
    api.forget();
    const t = await api.token();
    sim.setKnobs({ userTokenLifetimeSec: 0 });
    expect((await withAuth(`Bearer ${sim.partnerToken}, User ${t}`)).status).toBe(401);
    sim.setKnobs({ userTokenLifetimeSec: 3600 });
    api.forget();
    const fresh = await api.token();
    expect(fresh).not.toBe(t);
    expect((await api.get(fieldsPath())).status).toBe(200);
    api.forget();
  });
});

describe('rights, licence and errors', () => {
  it('answers nobase 403 «Недостаточно прав» on every client route', async () => {
    const id = sim.truth.ids()[0];
    const routes = [
      api.get(`/api/v1/client/${sim.cid}/${id}`, { user: 'nobase' }),
      api.get(`/api/v1/clients/${sim.cid}`, { user: 'nobase' }),
      api.get(fieldsPath(), { user: 'nobase' }),
      api.post(`/api/v1/company/${sim.cid}/clients/search`, {}, { user: 'nobase' }),
    ];
    for (const r of await Promise.all(routes)) {
      expect(r.status).toBe(403);
      expect(r.json).toEqual(envelopeError('Недостаточно прав'));
    }
  });

  it('answers 402 or 403 «Необходимо продлить лицензию…» when the licence knob says so', async () => {
    for (const code of [402, 403] as const) {
      sim.setKnobs({ licenseExpired: code });
      const r = await api.get(fieldsPath());
      expect(r.status).toBe(code);
      expect(r.json).toEqual(envelopeError(`Необходимо продлить лицензию в филиале с id: ${sim.cid}`));
    }
  });

  it("answers 404 «Не указан филиал.» for location 0, 403 for a location not the user's, 404 «Не найдено» for unknown routes", async () => {
    const zero = await api.get('/api/v1/clients/0');
    expect(zero.status).toBe(404);
    expect(zero.json).toEqual(envelopeError('Не указан филиал.'));
    expect((await api.get('/api/v1/clients/999999')).status).toBe(403);
    const unknown = await api.get(`/api/v1/nonsense/${sim.cid}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(envelopeError('Не найдено'));
    expect((await api.get(`/api/v1/company/${sim.cid}/clients/search`)).status).toBe(404); // GET on a POST route
  });

  it('answers 400 «Недопустимое значение фильтра» with meta.errors.filters', async () => {
    const r = await api.post(`/api/v1/company/${sim.cid}/clients/search`, { filters: [{ type: 'no-such-filter', state: {} }] });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ success: false, data: null, meta: { message: 'Недопустимое значение фильтра', errors: { filters: [expect.any(String)] } } });
    const list = await api.get(`/api/v1/clients/${sim.cid}?changed_after=yesterday`);
    expect(list.status).toBe(400);
    expect(list.json.meta.errors.filters).toEqual(['changed_after']);
  });
});
