/** Contract §2: the cabinet's login page and single-page app, run in jsdom against the simulator. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLivetexSimulator } from './server';
import type { EmployeeKey, LivetexSimulator } from './types';
import { NO_LIMITS, apiGet, tokenFor } from './test-helpers';

let sim: LivetexSimulator;
const open: JSDOM[] = [];

interface CabinetHooks {
  idle: Promise<unknown>;
  redirects: string[];
  headerDraws: number;
  renders: number;
  redraw(): Promise<unknown>;
  navigate(p: string): Promise<unknown>;
  logout(): Promise<unknown>;
}
type Win = JSDOM['window'] & { __livetexCabinet: CabinetHooks; __livetexLogin: { idle: Promise<unknown>; redirects: string[] }; marker?: number };

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small', knobs: { cabinetDrawDelayMs: 30 } });
  sim.setKnobs(NO_LIMITS);
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ ...NO_LIMITS, cabinetDrawDelayMs: 30, sessionExpiresAfterRequests: null }));
afterEach(() => {
  for (const d of open.splice(0)) d.window.close();
});

/** A cabinet page with its scripts running; fetch goes to the simulator with the page's Origin, as a browser's would. */
async function page(path: string, auth?: unknown): Promise<Win> {
  const html = await (await fetch(sim.cabinetUrl + path)).text();
  const dom = new JSDOM(html, {
    url: sim.cabinetUrl + path,
    runScripts: 'dangerously',
    virtualConsole: new VirtualConsole(),
    beforeParse(window) {
      if (auth !== undefined) window.localStorage.setItem('livetex.auth', typeof auth === 'string' ? auth : JSON.stringify(auth));
      (window as unknown as { fetch: typeof fetch }).fetch = (url, init = {}) => {
        let body = init.body as unknown;
        if (body instanceof window.FormData) {
          const fd = new FormData();
          for (const [k, v] of body.entries()) fd.append(k, String(v));
          body = fd;
        }
        return fetch(url, { ...init, body: body as BodyInit, headers: { ...(init.headers as Record<string, string>), Origin: sim.cabinetUrl } });
      };
    },
  });
  open.push(dom);
  return dom.window as Win;
}

async function session(who: EmployeeKey) {
  const token = await tokenFor(sim, who, sim.cabinetUrl);
  return { access_token: token, token_type: 'Bearer', expires_at: Date.now() + 3_600_000, employee_id: sim.employees[who].id };
}

async function signIn(w: Win, email: string, password: string): Promise<void> {
  (w.document.querySelector('[name=email]') as HTMLInputElement).value = email;
  (w.document.querySelector('[name=password]') as HTMLInputElement).value = password;
  w.document.getElementById('lt-login-form')!.dispatchEvent(new w.Event('submit', { cancelable: true }));
  await w.__livetexLogin.idle;
}

describe('routes', () => {
  it('serves /login with the email and password fields, redirects / to /leads, 404s unknown paths', async () => {
    const login = await fetch(`${sim.cabinetUrl}/login`);
    expect(login.status).toBe(200);
    const doc = new JSDOM(await login.text()).window.document;
    expect(doc.querySelector('form#lt-login-form input[name=email]')).not.toBeNull();
    expect(doc.querySelector('form#lt-login-form input[name=password][type=password]')).not.toBeNull();
    const root = await fetch(`${sim.cabinetUrl}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/leads']);
    for (const p of ['/leads', '/dashboard', '/settings/touch_points', '/channels/bot', '/leads/123'])
      expect((await fetch(sim.cabinetUrl + p)).status, p).toBe(200);
    expect((await fetch(`${sim.cabinetUrl}/nowhere`)).status).toBe(404);
  });
});

describe('login page', () => {
  it('gets a token from the Web API, stores livetex.auth and goes to the return path', async () => {
    const w = await page('/login?return=%2Fchannels%2Fbot');
    const e = sim.employees.operator1;
    const before = Date.now();
    await signIn(w, e.email, e.password);
    const auth = JSON.parse(w.localStorage.getItem('livetex.auth')!) as Record<string, unknown>;
    expect(Object.keys(auth)).toEqual(['access_token', 'token_type', 'expires_at', 'employee_id']);
    expect(auth).toMatchObject({ token_type: 'Bearer', employee_id: e.id });
    expect(auth.expires_at).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(auth.expires_at).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(w.__livetexLogin.redirects).toEqual(['/channels/bot']);
    expect((await apiGet(sim, '/employees/me', auth.access_token as string)).status).toBe(200);
    expect(sim.stats().tokenEmployee[auth.access_token as string]).toBe(e.id);
  });

  it('shows an error for a wrong password and keeps no key; refuses an off-site return path', async () => {
    const w = await page('/login');
    await signIn(w, sim.employees.operator1.email, 'wrong');
    expect(w.document.getElementById('lt-login-error')!.textContent).toMatch(/Неверный/);
    expect(w.localStorage.getItem('livetex.auth')).toBeNull();
    const off = await page('/login?return=%2F%2Fevil.example%2F');
    await signIn(off, sim.employees.admin.email, sim.employees.admin.password);
    expect(off.__livetexLogin.redirects).toEqual(['/leads']);
  });
});

describe('the app', () => {
  it('sends a visitor without a valid key to /login?return=<path>', async () => {
    const none = await page('/leads?x=1');
    expect(none.__livetexCabinet.redirects).toEqual(['/login?return=%2Fleads%3Fx%3D1']);
    const expired = await page('/dashboard', { ...(await session('operator1')), expires_at: Date.now() - 1 });
    expect(expired.__livetexCabinet.redirects).toEqual(['/login?return=%2Fdashboard']);
    const junk = await page('/dashboard', '{not json');
    expect(junk.__livetexCabinet.redirects).toHaveLength(1);
  });

  it('draws its header by script after a delay, and the leads table from /leads/list', async () => {
    const w = await page('/leads', await session('operator1'));
    expect(w.document.getElementById('lt-header')).toBeNull();
    await w.__livetexCabinet.idle;
    const header = w.document.getElementById('lt-header')!;
    expect(header.querySelector('.lt-header__actions #lt-logout')).not.toBeNull();
    expect(header.querySelector('#lt-user-name')!.textContent).toBe('Анна Петренко');
    expect(w.document.querySelectorAll('#lt-leads tr[data-lead-id]')).toHaveLength(20);
    expect(w.document.getElementById('lt-leads-total')!.textContent).toBe('Всего: 300');
  });

  it('navigates between sections with pushState, without a reload, and redraws on demand', async () => {
    const w = await page('/leads', await session('manager1'));
    await w.__livetexCabinet.idle;
    w.marker = 42;
    const first = w.document.getElementById('lt-header')!;
    (w.document.querySelector('#lt-nav a[href="/channels/bot"]') as HTMLElement).click();
    await w.__livetexCabinet.idle;
    expect(w.location.pathname).toBe('/channels/bot');
    expect(w.marker).toBe(42);
    expect(w.history.length).toBe(2);
    expect(w.document.getElementById('lt-content')!.getAttribute('data-section')).toBe('/channels/bot');
    expect(w.document.querySelector('#lt-nav a.active')!.getAttribute('href')).toBe('/channels/bot');
    const second = w.document.getElementById('lt-header')!;
    expect(second).not.toBe(first);
    const redraw = w.__livetexCabinet.redraw();
    expect(w.document.getElementById('lt-header')).toBeNull();
    await redraw;
    expect(w.document.getElementById('lt-header')!.getAttribute('data-draw')).toBe('3');
    await w.__livetexCabinet.navigate('/settings/touch_points');
    expect(w.document.getElementById('lt-content')!.getAttribute('data-section')).toBe('/settings/touch_points');
    expect(w.__livetexCabinet.redirects).toEqual([]);
  });

  it('logs out: revokes the token, removes the key, goes to /login', async () => {
    const auth = await session('operator2');
    const w = await page('/dashboard', auth);
    await w.__livetexCabinet.idle;
    (w.document.getElementById('lt-logout') as HTMLElement).click();
    await w.__livetexCabinet.idle;
    expect(w.localStorage.getItem('livetex.auth')).toBeNull();
    expect(w.__livetexCabinet.redirects).toEqual(['/login']);
    expect((await apiGet(sim, '/employees/me', auth.access_token)).status).toBe(401);
  });

  it('drops the key and goes to /login when the Web API says 401 (session expiry knob)', async () => {
    sim.setKnobs({ sessionExpiresAfterRequests: 2 });
    const w = await page('/leads', await session('chief'));
    await w.__livetexCabinet.idle;
    await w.__livetexCabinet.navigate('/leads');
    expect(w.localStorage.getItem('livetex.auth')).toBeNull();
    expect(w.__livetexCabinet.redirects).toEqual(['/login?return=%2Fleads']);
  });
});
