import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/server';
import { CONTENT_STATE as STATE, inContentScriptWorld, launchBrowser, loginToCrm, type Browser } from './harness';

/** Whether the full UI part (crm-ui.js) was injected next to the loader. */
const UI_PART = 'globalThis.__crmArchiveUiPart ? "loaded" : "not loaded"';

describe('content script', () => {
  let sim: Simulator;
  let b: Browser;
  let other: Server;
  let otherUrl: string;

  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small' });
    b = await launchBrowser();
    // A second site on another loopback address, outside the extension's matches.
    const page = readFileSync(new URL('../fixtures/alfacrm-real/lead-board-page.html', import.meta.url), 'utf8');
    other = createServer((req, res) => {
      if (req.url !== '/company/1/lead/index') return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.2', r));
    otherUrl = `http://127.0.0.2:${(other.address() as { port: number }).port}/company/1/lead/index`;
  });

  afterAll(async () => {
    await b?.close();
    await sim?.close();
    other?.close();
  });

  it('mounts «Export archive» on the leads board and its archive tab', async () => {
    const page = await b.ctx.newPage();
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword);
    const button = page.getByTestId('export-archive');
    // The button comes with the UI part, which the loader fetches first (a message and an
    // injection): more than poll's 1 s default on a busy machine.
    await expect.poll(() => button.textContent(), { timeout: 10_000 }).toBe('Export archive');
    expect(await inContentScriptWorld(page, STATE)).toBe('mounted');

    await page.goto(`${sim.url}/company/1/lead/index?LeadSearch%5Bf_removed%5D=2`);
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
    // The README's picture of the button on the archive tab, taken here rather than drawn.
    await page.locator('li.lead-element').first().waitFor();
    await page.screenshot({ path: path.resolve('docs/export-button.png'), clip: { x: 0, y: 0, width: 1280, height: 560 } });
    await page.close();
  });

  it('says «Експорт архіву» in a Ukrainian browser', async () => {
    const uk = await launchBrowser({ locale: 'uk-UA' });
    try {
      const page = await uk.ctx.newPage();
      await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword);
      await expect.poll(() => page.getByTestId('export-archive').textContent(), { timeout: 10_000 }).toBe('Експорт архіву');
    } finally {
      await uk.close();
    }
  });

  it('stays idle on CRM pages that are not leads or clients', async () => {
    const page = await b.ctx.newPage();
    await page.goto(`${sim.url}/company/1/dashboard/index`);
    await expect.poll(() => inContentScriptWorld(page, STATE)).toBe('idle');
    await page.waitForLoadState('load');
    expect(await inContentScriptWorld(page, UI_PART)).toBe('not loaded');
    expect(await page.getByTestId('export-archive').count()).toBe(0);
    await page.close();
  });

  it("cannot read extension storage (settings, API key) from the CRM page's isolated world", async () => {
    const page = await b.ctx.newPage();
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword);
    await expect.poll(() => inContentScriptWorld(page, STATE), { timeout: 10_000 }).toBe('mounted');
    // The extension's own page can; the content script's world (loader and UI part) cannot.
    const worker = await b.worker();
    await worker.evaluate(() => chrome.storage.local.set({ probe: 'visible' }));
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('probe')).probe)).toBe('visible');
    const fromPage = await inContentScriptWorld(page, 'chrome.storage.local.get("probe").then((r) => "read: " + r.probe, (e) => "refused: " + e.message)');
    expect(String(fromPage)).toMatch(/^refused: /);
    await page.close();
  });

  it('loads the button when the page navigates itself to the leads board, and drops it on leaving', async () => {
    const page = await b.ctx.newPage();
    await page.goto(`${sim.url}/company/1/dashboard/index`);
    await expect.poll(() => inContentScriptWorld(page, STATE)).toBe('idle');
    const button = page.getByTestId('export-archive');

    // The CRM's own in-page navigation (history API, no page load).
    await page.evaluate(() => history.pushState({}, '', '/company/1/lead/index'));
    // The loader fetches the UI part now (see above).
    await expect.poll(() => button.textContent(), { timeout: 10_000 }).toBe('Export archive');
    expect(await inContentScriptWorld(page, STATE)).toBe('mounted');

    await page.evaluate(() => history.pushState({}, '', '/company/1/dashboard/index'));
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(0);
    expect(await inContentScriptWorld(page, STATE)).toBe('idle');
    expect(await inContentScriptWorld(page, UI_PART)).toBe('loaded');
    await page.close();
  });

  it('is absent from sites outside its matches', async () => {
    const page = await b.ctx.newPage();
    await page.goto(otherUrl);
    await page.waitForLoadState('load');
    expect(await inContentScriptWorld(page, STATE)).toBe('absent');
    expect(await page.getByTestId('export-archive').count()).toBe(0);
    await page.close();
  });
});
