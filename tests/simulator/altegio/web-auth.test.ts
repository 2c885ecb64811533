/** Contract §2: sign-in, the `yc_session` cookie, logged-out redirects, the page token and session expiry. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator } from './types';
import { call, NO_LIMIT, WebClient } from './test-helpers';

let sim: AltegioSimulator;
const base = () => `/clients/${sim.cid}/base/`;
const fieldsPath = () => `/api/v1/custom_fields/client/${sim.cid}`;

beforeAll(async () => {
  sim = await startAltegioSimulator({ dataset: 'small', seed: 8, knobs: NO_LIMIT });
});
afterAll(async () => sim.close());
beforeEach(() => {
  sim.setKnobs({ sessionMaxRequests: null, sessionMaxAgeSec: null });
});

async function signedIn(user: 'owner' | 'restricted' | 'nobase' = 'owner'): Promise<WebClient> {
  const web = new WebClient(sim.webUrl);
  await web.signin(sim, user);
  return web;
}

describe('logged out', () => {
  it('redirects pages to /signin/<return-url>', async () => {
    const web = new WebClient(sim.webUrl);
    for (const p of [base(), `/timetable/${sim.cid}/`, `/dashboard/${sim.cid}/?x=1`]) {
      const r = await web.raw(p);
      expect(r.status).toBe(302);
      expect(r.headers.get('location')).toBe(`/signin/${encodeURIComponent(p)}`);
    }
  });

  it('gives JSON routes the sign-in page (HTML) instead of data', async () => {
    const web = new WebClient(sim.webUrl);
    const r = await web.get(`/clients/getClientInfo/${sim.truth.ids()[0]}`, { Accept: 'application/json' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.url).toMatch(/^\/signin\//);
    expect(r.text).toContain('name="login"');
  });

  it('answers /api/v1 with no or a dead page token with a 401 envelope', async () => {
    for (const auth of [undefined, 'Bearer 0123456789abcdef0123456789abcdef']) {
      const r = await call(sim.webUrl + fieldsPath(), { headers: auth ? { Authorization: auth } : {} });
      expect(r.status).toBe(401);
      expect(r.json).toMatchObject({ success: false, data: null, meta: { message: expect.any(String) } });
    }
  });
});

describe('/signin', () => {
  it('shows a form with login and password posting back to itself', async () => {
    const r = await new WebClient(sim.webUrl).get(`/signin/${encodeURIComponent(base())}`);
    expect(r.text).toMatch(/<form[^>]+method="post"[^>]+action="\/signin\/%2Fclients%2F\d+%2Fbase%2F"/);
    expect(r.text).toContain('name="password"');
  });

  it('sets yc_session and redirects back to the return URL', async () => {
    const web = new WebClient(sim.webUrl);
    const r = await web.signin(sim, 'owner', `/timetable/${sim.cid}/`);
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe(`/timetable/${sim.cid}/`);
    expect(r.headers.get('set-cookie')).toMatch(/^yc_session=[0-9a-f]+; Path=\//);
    expect((await web.get(`/timetable/${sim.cid}/`)).status).toBe(200);
  });

  it('accepts the phone as login, and refuses a wrong password with the form and a message', async () => {
    const web = new WebClient(sim.webUrl);
    const body = new URLSearchParams({ login: sim.users.restricted.phone, password: sim.users.restricted.password }).toString();
    expect((await web.raw('/signin/', { method: 'POST', body })).status).toBe(302);
    const bad = await new WebClient(sim.webUrl).raw('/signin/', { method: 'POST', body: 'login=owner%40vyshnia.test&password=x' });
    expect(bad.status).toBe(200);
    expect(bad.text).toContain('Неверный логин или пароль');
    expect(bad.headers.get('set-cookie')).toBeNull();
  });

  it('never redirects off-site', async () => {
    const r = await new WebClient(sim.webUrl).signin(sim, 'owner', '//evil.test/x');
    expect(r.headers.get('location')).toBe(`/clients/${sim.cid}/base/`);
  });

  it('logs out: the cookie is cleared and pages redirect again', async () => {
    const web = await signedIn();
    await web.raw('/logout');
    expect(web.cookies.has('yc_session')).toBe(false);
    expect((await web.raw(base())).status).toBe(302);
  });
});

describe('the page token', () => {
  it('sits in <head> as ms.auth.user_partner_token, one per session', async () => {
    const a = await signedIn();
    const b = await signedIn();
    const page = await a.get(base());
    const head = page.text.slice(0, page.text.indexOf('</head>'));
    expect(head).toMatch(/ms\.auth\.user_partner_token = '[0-9a-f]{32}'/);
    const ta = await a.pageToken(sim.cid);
    expect(await a.pageToken(sim.cid)).toBe(ta);
    expect(await b.pageToken(sim.cid)).not.toBe(ta);
  });

  it('acts alone on /api/v1 of the web origin, but not on the API origin; partner + user are refused on the web origin', async () => {
    const web = await signedIn();
    const token = await web.pageToken(sim.cid);
    expect((await web.api(fieldsPath(), token)).status).toBe(200);
    expect((await call(sim.apiUrl + fieldsPath(), { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await web.api(fieldsPath(), sim.partnerToken)).status).toBe(401);
  });

  it('dies with its session after sessionMaxRequests (counted from setting the knob)', async () => {
    const web = await signedIn();
    const token = await web.pageToken(sim.cid);
    sim.setKnobs({ sessionMaxRequests: 2 });
    expect((await web.api(fieldsPath(), token)).status).toBe(200);
    expect((await web.get(base())).status).toBe(200);
    expect((await web.api(fieldsPath(), token)).status).toBe(401);
    expect((await web.raw(base())).status).toBe(302);
  });

  it('dies with its session after sessionMaxAgeSec (0: at once)', async () => {
    const web = await signedIn();
    const token = await web.pageToken(sim.cid);
    sim.setKnobs({ sessionMaxAgeSec: 0 });
    expect((await web.raw(`/clients/getClientInfo/${sim.truth.ids()[0]}`)).status).toBe(302);
    sim.setKnobs({ sessionMaxAgeSec: null });
    expect((await web.api(fieldsPath(), token)).status).toBe(401);
  });

  it('restricts nobase on /api/v1 with 403 «Недостаточно прав»', async () => {
    const web = await signedIn('nobase');
    const r = await web.api(`/api/v1/company/${sim.cid}/clients/search`, await web.pageToken(sim.cid), { body: {} });
    expect(r.status).toBe(403);
    expect(r.json.meta.message).toBe('Недостаточно прав');
  });
});
