/**
 * «Export clients» on Altegio's client base, end to end in real Chromium against the simulated
 * Altegio (shared/altegio-contract.md §4): every client of the location once with every custom
 * value byte-exact and nothing of the decoy location; titles in human headers; the button through
 * the app's redraws and in-app navigation; named errors; masks; the per-card path with an
 * expiring session; and the simulator's limit lowered to the extension's pace, never exceeded.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleContacts } from '../simulator/altegio/mask';
import { startAltegioSimulator, type AltegioSimulator } from '../simulator/altegio/server';
import {
  basePath,
  configureAltegio,
  downloads,
  exportClients,
  exportFile,
  expectLocationFile,
  FIXED,
  setHeaderLanguage,
  signIn,
  storedLocal,
  unescapeCell,
} from './altegio-helpers';
import { launchBrowser, type Browser } from './harness';

const UK_FIXED = [
  'ID',
  'Ім’я',
  'Прізвище',
  'По батькові',
  'Телефон',
  'Додатковий телефон',
  'E-mail',
  'Категорії',
  'Стать',
  'Дата народження',
  'Знижка',
  'Картка',
  'Коментар',
  'Візитів',
  'Сума продажів',
  'Останній візит',
  'Приховано',
  'Походження даних',
];

describe('Export clients (default dataset, bulk list through the page token)', () => {
  let sim: AltegioSimulator;
  let b: Browser;
  beforeAll(async () => {
    sim = await startAltegioSimulator();
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await sim?.close();
  });

  it('writes every client of the location once, custom values byte-exact, nothing of the decoy', async () => {
    const page = await b.ctx.newPage();
    await signIn(page, sim, 'owner');
    sim.resetStats();
    const { csv, fileName } = await exportFile(page, b);
    expect(fileName).toMatch(new RegExp(`^altegio-clients-127\\.0\\.0\\.1_${new URL(sim.webUrl).port}-c${sim.cid}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expectLocationFile(csv, sim, (row, c) => {
      expect(unescapeCell(row.phone)).toBe(String(c.phone));
      expect(row.email).toBe(c.email);
      expect(row.masked).toBe('0');
      expect(row.source).toBe('ui');
    });
    const decoy = new Set(sim.truth.ids(sim.decoyCid));
    expect(csv.rows.filter((r) => decoy.has(Number(r.id)))).toEqual([]);
    // Definitions, 10 search pages, 10 list pages: no card read one by one.
    const stats = sim.stats();
    expect(stats.byKind).toMatchObject({ fields: 1, search: 10, list: 10 });
    expect(stats.byKind['client-info'] ?? 0).toBe(0);
    await page.close();
  });

  it('keeps the button through redraws and in-app navigation, and titles the columns in human headers', async () => {
    sim.setKnobs({ uiRedrawMs: 400 });
    const page = await b.ctx.newPage();
    await page.goto(sim.webUrl + basePath(sim.cid));
    const button = page.getByTestId('export-clients');
    await expect.poll(() => button.textContent(), { timeout: 15_000 }).toBe('Export clients');
    // The README's picture of the button on the client base page.
    await page.screenshot({ path: path.resolve('docs/altegio-button.png'), clip: { x: 0, y: 0, width: 1280, height: 420 } });
    const render = () => page.locator('#clients-base-app').getAttribute('data-render');
    const before = await render();
    await expect.poll(render).not.toBe(before);
    await expect.poll(() => page.locator('#clients-base-app').getByTestId('export-clients').count()).toBe(1);

    await page.evaluate(() => (window as unknown as { __altegioSim: { navigate(p: string): void } }).__altegioSim.navigate('/timetable/517301/'));
    await expect.poll(() => button.count()).toBe(0);
    await page.evaluate(() => (window as unknown as { __altegioSim: { navigate(p: string): void } }).__altegioSim.navigate('/clients/517301/base/'));
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);

    // An export while the app redraws its container every 0.4 s: its progress and result stay on the page.
    await setHeaderLanguage(b, 'uk');
    try {
      const { csv } = await exportFile(page, b);
      const defs = sim.truth.definitions();
      const titles = sim.truth.customCodes().map((code) => {
        const title = defs.find((d) => d.code === code)?.title ?? code;
        return defs.filter((d) => d.title === title).length > 1 ? `${title} (${code})` : title;
      });
      expect(titles).toContain('Примечание (note-2)');
      expect(csv.header.map(unescapeCell)).toEqual([...UK_FIXED, ...titles]);
      expect(csv.header).toContain("'=Бонус, %");
      expect(csv.rows).toHaveLength(sim.truth.ids().length);
    } finally {
      await setHeaderLanguage(b, 'keys');
      sim.setKnobs({ uiRedrawMs: 0 });
    }
    await page.close();
  });

  it('names a broken answer, offers its diagnostics and writes no file', async () => {
    const page = await b.ctx.newPage();
    await page.goto(sim.webUrl + basePath(sim.cid));
    const files = downloads(b);
    sim.setKnobs({ malformedMatch: '/api/v1/clients/', malformedKind: 'v1-array', malformedOnRequest: 3 });
    const res = await exportClients(page, b);
    sim.setKnobs({ malformedMatch: null, malformedOnRequest: null });
    expect(res).toMatchObject({ ok: false, diagnostics: true });
    expect(res.text).toMatch(/^malformed response \(client list: an answer without the v2 envelope\)/);
    expect(downloads(b)).toBe(files);
    await page.close();
  });

  it('completes under a limit below its pace, waiting out every Retry-After', async () => {
    sim.setKnobs({ rateLimitPerSecond: 2 });
    sim.resetStats();
    try {
      const page = await b.ctx.newPage();
      await page.goto(sim.webUrl + basePath(sim.cid));
      const { csv } = await exportFile(page, b);
      expect(csv.rows).toHaveLength(sim.truth.ids().length);
      const stats = sim.stats();
      expect(stats.status429).toBeGreaterThan(0);
      expect(stats.retriesBeforeRetryAfter).toBe(0);
      await page.close();
    } finally {
      sim.setKnobs({ rateLimitPerSecond: 5 });
    }
  });

  it.each([
    ['licence expired', { licenseExpired: 402 as const }, 'owner' as const],
    ['no rights to the client base', {}, 'nobase' as const],
  ])('says «%s»', async (message, knobs, user) => {
    sim.setKnobs(knobs);
    try {
      const page = await b.ctx.newPage();
      await signIn(page, sim, user);
      const res = await exportClients(page, b);
      expect(res.ok).toBe(false);
      expect(res.text).toMatch(new RegExp(`^${message}`));
      await page.close();
    } finally {
      sim.setKnobs({ licenseExpired: null });
    }
  });

  it('with API credentials: keeps the user token (never the password), and merges the API’s bulk list by id', async () => {
    expect(await configureAltegio(b, sim)).toBe('connected (user token kept)');
    const stored = JSON.stringify(await storedLocal(b));
    expect(stored).not.toContain(sim.users.owner.password);
    expect(stored).toContain(sim.partnerToken);
    const page = await b.ctx.newPage();
    await signIn(page, sim, 'owner');
    sim.resetStats();
    const { csv } = await exportFile(page, b);
    expectLocationFile(csv, sim, (row, c) => {
      expect(row.source).toBe('api+ui');
      expect(unescapeCell(row.phone)).toBe(String(c.phone));
    });
    // The API's list from the API origin, the page's from the web origin: one pace for both.
    const stats = sim.stats();
    expect(stats.byOriginKind).toMatchObject({ 'api:list': 10, 'web:list': 10 });
    expect(stats.status429).toBe(0);
    await page.close();
  });

  it('as the restricted user: masks kept as received and flagged', async () => {
    // A profile of its own: a clear value stored earlier is never replaced by a mask.
    const other = await launchBrowser();
    try {
      const page = await other.ctx.newPage();
      await signIn(page, sim, 'restricted');
      const { csv } = await exportFile(page, other);
      let masked = 0;
      expectLocationFile(csv, sim, (row, c) => {
        const v = visibleContacts('restricted', c);
        expect(unescapeCell(row.phone)).toBe(String(v.phone));
        expect(row.email).toBe(v.email);
        const expected = String(v.phone) !== '' || v.email !== '';
        expect(row.masked).toBe(expected ? '1' : '0');
        if (expected) masked++;
      });
      expect(masked).toBeGreaterThan(1500);
      await page.close();
    } finally {
      await other.close();
    }
  });
});

describe('Export clients, per card (small dataset, bulk list refused, limit lowered to 3/s and 150/min)', () => {
  let sim: AltegioSimulator;
  let b: Browser;
  beforeAll(async () => {
    sim = await startAltegioSimulator({ dataset: 'small', knobs: { pageTokenBulkList: '403', rateLimitPerSecond: 3, rateLimitPerMinute: 150 } });
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await sim?.close();
  });

  it('reads one card per client: every client once, with what only the card has', async () => {
    const page = await b.ctx.newPage();
    await signIn(page, sim, 'owner');
    sim.resetStats();
    const { csv } = await exportFile(page, b);
    expectLocationFile(csv, sim, (row, c) => {
      expect(unescapeCell(row.phone)).toBe(String(c.phone));
      expect(unescapeCell(row.additional_phone)).toBe(c.additional_phone);
      expect(row.source).toBe('ui');
    });
    expect(sim.stats().byKind['client-info']).toBe(sim.truth.ids().length);
    expect(csv.header.slice(0, FIXED.length)).toEqual(FIXED);
    await page.close();
  });

  it('says «session expired» when the session ends mid-export, writes no file, then resumes after signing in again', async () => {
    const page = await b.ctx.newPage();
    await page.goto(sim.webUrl + basePath(sim.cid));
    const files = downloads(b);
    const cardsBefore = sim.stats().byKind['client-info'];
    sim.setKnobs({ sessionMaxRequests: 60 });
    const res = await exportClients(page, b);
    expect(res).toMatchObject({ ok: false, text: 'session expired: log in to Altegio again' });
    expect(downloads(b)).toBe(files);
    const firstCards = sim.stats().byKind['client-info'];
    expect(firstCards - cardsBefore).toBeGreaterThan(20);

    sim.setKnobs({ sessionMaxRequests: null });
    await signIn(page, sim, 'owner');
    const { csv } = await exportFile(page, b);
    expectLocationFile(csv, sim);
    // The chunks read before the session ended were not read again.
    expect(sim.stats().byKind['client-info'] - firstCards).toBeLessThan(sim.truth.ids().length);
    await page.close();
  });

  // Three exports back to back (about 300 requests in two minutes): the minute window mattered too.
  it('never went over the lowered limit in any of these exports', () => {
    const stats = sim.stats();
    expect(stats.status429).toBe(0);
    expect(stats.maxIn1s).toBeLessThanOrEqual(3);
    expect(stats.maxIn60s).toBeLessThanOrEqual(150);
  });
});
