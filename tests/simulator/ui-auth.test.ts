/** Contract §2 (web UI): login form, CSRF, cookies, logged-out redirects, session expiry. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './server';
import type { Simulator } from './types';
import { UiClient, dom } from './test-helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ dataset: 'small' });
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ sessionExpiresAfter: null }));

describe('login page and form', () => {
  it('serves #login-form posting to /login?backUrl=…, the fields, hidden _csrf = meta csrf-token, and the _csrf cookie', async () => {
    const ui = new UiClient(sim.url);
    const r = await ui.get('/login?backUrl=%2Fcompany%2F3%2Fcustomer%2Findex');
    expect(r.status).toBe(200);
    const doc = dom(r.text);
    const form = doc.querySelector('form#login-form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/login?backUrl=%2Fcompany%2F3%2Fcustomer%2Findex');
    for (const name of ['LoginForm[username]', 'LoginForm[password]', 'LoginForm[rememberMe]', '_csrf']) {
      expect(form.querySelector(`[name="${name}"]`), name).not.toBeNull();
    }
    expect(doc.querySelector('meta[name="csrf-param"]')!.getAttribute('content')).toBe('_csrf');
    const token = doc.querySelector('meta[name="csrf-token"]')!.getAttribute('content');
    expect(token).toMatch(/^[A-Za-z0-9_-]{86}==$/);
    expect((form.querySelector('input[name="_csrf"]') as HTMLInputElement).value).toBe(token);
    expect(ui.cookies.has('_csrf')).toBe(true);
  });

  it('logs in: Set-Cookie PHPSESSID and 302 to backUrl (default /company/1/lead/index)', async () => {
    const ui = new UiClient(sim.url);
    const res = await ui.login(sim);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/company/1/lead/index');
    expect(res.headers.getSetCookie().some((c) => /^PHPSESSID=[0-9a-f]{20,};/.test(c))).toBe(true);
    const page = await ui.get('/company/1/lead/index');
    expect(page.url).toBe('/company/1/lead/index');
    expect(page.text).not.toContain('LoginForm');

    const other = new UiClient(sim.url);
    const back = await other.login(sim, undefined, '/company/3/customer/index?page=2');
    expect(back.headers.get('location')).toBe('/company/3/customer/index?page=2');
  });

  it('rejects a wrong password with the login page and an error (200), and no session', async () => {
    const ui = new UiClient(sim.url);
    const res = await ui.login(sim, 'wrong-password');
    expect(res.status).toBe(200);
    const doc = dom(await res.text());
    expect(doc.querySelector('form#login-form')).not.toBeNull();
    expect(doc.querySelector('.help-block-error')!.textContent).toMatch(/Неправильний/);
    expect(ui.cookies.has('PHPSESSID')).toBe(false);
  });

  it('answers 400 to a login POST with a bad or missing CSRF token', async () => {
    const ui = new UiClient(sim.url);
    await ui.get('/login');
    const body = (csrf: string) =>
      new URLSearchParams({ _csrf: csrf, 'LoginForm[username]': sim.credentials.uiLogin, 'LoginForm[password]': sim.credentials.uiPassword }).toString();
    expect((await ui.raw('/login', { method: 'POST', body: body('A'.repeat(86) + '==') })).status).toBe(400);
    expect((await ui.raw('/login', { method: 'POST', body: body('') })).status).toBe(400);
    // a token from another visitor's cookie does not validate either
    const other = new UiClient(sim.url);
    const token = UiClient.csrf((await other.get('/login')).text);
    expect((await ui.raw('/login', { method: 'POST', body: body(token) })).status).toBe(400);
    expect(ui.cookies.has('PHPSESSID')).toBe(false);
  });
});

describe('logged out', () => {
  it('redirects any /company/… to /login?backUrl=<encoded path>', async () => {
    const ui = new UiClient(sim.url);
    const res = await ui.raw('/company/1/lead/board?id=0&query=%7B%7D');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/login?backUrl=${encodeURIComponent('/company/1/lead/board?id=0&query=%7B%7D')}`);
  });

  it('so an XHR that follows the redirect gets the login page HTML (with LoginForm), not JSON', async () => {
    const ui = new UiClient(sim.url);
    const r = await ui.get('/company/1/lead/board?id=0&query=%7B%22branch%22%3A%221%22%7D&resource_id=292', true);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/text\/html/);
    expect(r.text).toContain('LoginForm');
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it('logout ends the session', async () => {
    const ui = new UiClient(sim.url);
    await ui.login(sim);
    expect((await ui.raw('/company/1/dashboard/index')).status).toBe(200);
    await ui.get('/logout');
    expect((await ui.raw('/company/1/dashboard/index')).status).toBe(302);
  });
});

describe('CSRF on unsafe requests', () => {
  it('answers 400 to a POST to /company/* without a valid token, and accepts the meta token as field or header', async () => {
    const ui = new UiClient(sim.url);
    await ui.login(sim);
    const token = UiClient.csrf((await ui.get('/company/1/lead/index')).text);
    expect((await ui.raw('/company/1/lead/board-sort?id=7', { method: 'POST', body: 'data=1' })).status).toBe(400);
    expect((await ui.raw('/company/1/lead/board-sort?id=7', { method: 'POST', body: 'data=1', headers: { 'X-CSRF-Token': 'nope' } })).status).toBe(400);
    expect((await ui.raw('/company/1/lead/board-sort?id=7', { method: 'POST', body: `_csrf=${encodeURIComponent(token)}` })).status).toBe(200);
    expect((await ui.raw('/company/1/lead/board-sort?id=7', { method: 'POST', body: 'data=1', headers: { 'X-CSRF-Token': token } })).status).toBe(200);
  });
});

describe('session expiry knob', () => {
  it('kills the session after N UI requests; then /company/* redirects to the login page', async () => {
    sim.setKnobs({ sessionExpiresAfter: 2 });
    const ui = new UiClient(sim.url);
    await ui.login(sim);
    expect((await ui.raw('/company/1/lead/index')).status).toBe(200);
    expect((await ui.raw('/company/1/dashboard/index')).status).toBe(200);
    const third = await ui.raw('/company/1/lead/index');
    expect(third.status).toBe(302);
    expect(third.headers.get('location')).toMatch(/^\/login\?backUrl=/);
    // and it stays dead
    expect((await ui.raw('/company/1/dashboard/index')).status).toBe(302);
    // a new login starts a fresh count
    await ui.login(sim);
    expect((await ui.raw('/company/1/lead/index')).status).toBe(200);
  });
});
