/**
 * Recognising LiveTex's cabinet (its host, or the session key off it) without changing what
 * AlfaCRM's pages are; the background's judgement of a sender by the marks the browser read;
 * the Web API origin a cabinet's tokens may go to; and the cabinet's token as a tab gives it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crmTab, needsMarks, type Self } from '@/utils/messages/policy';
import { webApiOrigin } from '@/utils/sources/livetex/api-origin';
import { cabinetTokens, readCabinetAuth, type TabAuth } from '@/utils/sources/livetex/cabinet-session';
import type { CabinetToken } from '@/utils/sources/livetex/api-client';
import { AUTH_KEY } from '@/utils/sources/livetex/pages';
import { pageOf } from '@/utils/sources/pages';

const LOOP = 'http://127.0.0.1:4100';

describe('LiveTex pages', () => {
  it('is every my.livetex.ru page, the sign-in page without a button', () => {
    expect(pageOf('https://my.livetex.ru/settings/touch_points')).toEqual({
      source: 'livetex',
      account: 'https://my.livetex.ru',
      partition: '',
      scope: 'leads',
    });
    expect(pageOf('https://my.livetex.ru/login?return=%2Fleads')?.scope).toBeNull();
  });

  it('is a page off its host only when the origin holds the cabinet’s session key', () => {
    expect(pageOf(`${LOOP}/leads`)).toBeNull();
    expect(pageOf(`${LOOP}/leads`, [AUTH_KEY])).toMatchObject({ source: 'livetex', account: LOOP, scope: 'leads' });
    expect(pageOf('https://evil.example/leads', ['other.key'])).toBeNull();
  });

  it('leaves AlfaCRM’s pages AlfaCRM’s, marks or not', () => {
    for (const marks of [undefined, [AUTH_KEY]]) {
      expect(pageOf(`${LOOP}/company/1/lead/index`, marks)).toMatchObject({ source: 'alfacrm', partition: '1', scope: 'archived-leads' });
      expect(pageOf('https://demo.s20.online/company/2/customer/index', marks)?.source).toBe('alfacrm');
    }
  });

  it('lets the background recognise a sender by the marks the browser read in its document', () => {
    const self: Self = { id: 'ext', baseUrl: 'chrome-extension://ext/', pageOf, marksOf: async () => [AUTH_KEY], hostGranted: async () => true };
    const sender = { id: 'ext', url: `${LOOP}/leads`, tab: { id: 3, url: `${LOOP}/leads` }, frameId: 0 };
    expect(needsMarks(sender, self)).toBe(true);
    expect(crmTab(sender, self)).toBeNull();
    expect(crmTab(sender, self, [AUTH_KEY])?.page.source).toBe('livetex');
    expect(needsMarks({ ...sender, url: `${LOOP}/company/1/lead/index` }, self)).toBe(false);
    expect(needsMarks({ ...sender, id: 'another-extension' }, self)).toBe(false);
  });
});

describe('LiveTex Web API origin', () => {
  it('is web-api.livetex.ru for the cabinet, P+1 for a loopback cabinet in the e2e build only', () => {
    expect(webApiOrigin('https://my.livetex.ru', false)).toBe('https://web-api.livetex.ru');
    expect(webApiOrigin(LOOP, true)).toBe('http://127.0.0.1:4101');
    expect(webApiOrigin(LOOP, false)).toHaveProperty('refused');
    expect(webApiOrigin('https://livetex.example', true)).toHaveProperty('refused');
    expect(webApiOrigin('http://my.livetex.ru', true)).toHaveProperty('refused');
  });
});

describe('the cabinet’s token', () => {
  afterEach(() => vi.unstubAllGlobals());

  function tabWith(value: string | null): TabAuth {
    const store = new Map(value === null ? [] : [[AUTH_KEY, value]]);
    vi.stubGlobal('location', { origin: LOOP });
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null });
    return readCabinetAuth(AUTH_KEY);
  }

  it('is read in the tab with its expiry checked; an unknown form is described by its shape only', () => {
    const later = Date.now() + 60_000;
    expect(tabWith(JSON.stringify({ access_token: 'tok', token_type: 'Bearer', expires_at: later, employee_id: 70007 }))).toEqual({
      origin: LOOP,
      state: 'ok',
      token: 'tok',
      expiresAt: later,
      employeeId: 70007,
    });
    expect(tabWith(JSON.stringify({ access_token: 'tok', expires_at: Date.now() - 1 })).state).toBe('expired');
    expect(tabWith(null).state).toBe('absent');
    expect(tabWith(JSON.stringify({ token: 'secret-value', ttl: 5 }))).toEqual({
      origin: LOOP,
      state: 'unreadable',
      shape: { token: 'string', ttl: 'number' },
    });
  });

  it('comes from the export’s tab first, else the kept one while it lasts; refused or signed out, it is forgotten', async () => {
    const kept = new Map<string, CabinetToken>();
    let tab: TabAuth | null = { origin: LOOP, state: 'ok', token: 'A', expiresAt: Date.now() + 3_600_000, employeeId: 7 };
    const reads: number[][] = [];
    const tokens = cabinetTokens(LOOP, {
      readTabs: async (_, prefer) => (reads.push(prefer), tab),
      kept: { get: async (a) => kept.get(a) ?? null, set: async (a, t) => void (t ? kept.set(a, t) : kept.delete(a)) },
    });
    expect((await tokens.get([5]))?.token).toBe('A');
    expect(kept.get(LOOP)?.token).toBe('A');
    expect((await tokens.get([]))?.token).toBe('A');
    expect(reads).toEqual([[5]]); // the kept token served the sync
    expect(await tokens.reread('A', [])).toBeNull();
    expect(kept.has(LOOP)).toBe(false);
    tab = { origin: LOOP, state: 'ok', token: 'B', expiresAt: Date.now() + 3_600_000, employeeId: 7 };
    expect((await tokens.reread('A', []))?.token).toBe('B');
    tab = { origin: LOOP, state: 'unreadable', shape: { token: 'string' } };
    await expect(tokens.get([5])).rejects.toMatchObject({ code: 'layout-not-recognised', diagnostics: { key: AUTH_KEY, shape: { token: 'string' } } });
  });
});
