/**
 * Altegio on the Insights page, end to end in real Chromium against the simulated Altegio: after
 * an export, every custom field's filled and total clients equal what the simulator's ground truth
 * gives; the popup offers «Insights» for the account and opens that page.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAltegioSimulator, type AltegioSimulator } from '../simulator/altegio/server';
import { configureAltegio, expectedCustom, exportFile, signIn } from './altegio-helpers';
import { extensionPage, launchBrowser, type Browser } from './harness';
import { openPopup } from './sync-helpers';

type Fill = { filled: number; total: number };

/** Each field's clients with a value, from the simulator's own data (not the extension's). */
function truthFill(sim: AltegioSimulator): Map<string, Fill> {
  const clients = sim.truth.clients();
  return new Map(
    sim.truth
      .customCodes()
      .map((code) => [code, { filled: clients.filter((c) => expectedCustom(c.custom_fields[code]) !== '').length, total: clients.length }]),
  );
}

/** The rows the page shows, in its order, once it says it is ready. */
async function readFill(page: Page): Promise<Map<string, Fill>> {
  await expect.poll(() => page.getByTestId('insights-status').getAttribute('data-ready'), { timeout: 60_000 }).toBe('1');
  const rows = await page
    .getByTestId('field-fill-row')
    .evaluateAll((els) =>
      els.map(
        (e) => [e.getAttribute('data-code') ?? '', { filled: Number(e.getAttribute('data-filled')), total: Number(e.getAttribute('data-total')) }] as const,
      ),
    );
  return new Map(rows);
}

describe('Insights for Altegio: custom fields’ fill rates (default dataset)', () => {
  let sim: AltegioSimulator;
  let b: Browser;
  let account = '';
  beforeAll(async () => {
    sim = await startAltegioSimulator();
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await sim?.close();
  });

  it('first: an export of the location through the page', async () => {
    const page = await b.ctx.newPage();
    await signIn(page, sim, 'owner');
    const { csv } = await exportFile(page, b);
    expect(csv.rows).toHaveLength(sim.truth.ids().length);
    await page.close();
  });

  it('shows every field, in the file’s column order, with the clients holding a value as the ground truth gives them', async () => {
    const truth = truthFill(sim);
    // The orphan code and a sparse field are there to be seen, and no field is full or empty.
    expect(truth.get('old-promo')!.filled).toBeGreaterThan(0);
    expect([...truth.values()].every((f) => f.filled > 0 && f.filled < f.total)).toBe(true);
    const page = await b.ctx.newPage();
    await page.setViewportSize({ width: 1000, height: 560 });
    await page.goto(extensionPage(b, 'insights.html'));
    const shown = await readFill(page);
    expect([...shown.keys()]).toEqual(sim.truth.customCodes());
    expect(shown).toEqual(truth);
    expect(await page.getByTestId('field-fill-masked').count()).toBe(0);
    account = new URL(page.url()).searchParams.get('account') ?? '';

    // Sorted by share, most filled first: the header works, the rows stay the same.
    await page.locator('button.sort').nth(4).click();
    const sorted = await readFill(page);
    const shares = [...sorted.values()].map((f) => f.filled / f.total);
    expect(shares).toEqual([...shares].sort((x, y) => y - x));
    expect(sorted).toEqual(truth);
    // The README's picture.
    await page.screenshot({ path: path.resolve('docs/altegio-fill.png') });
    await page.close();
  });

  it('the popup offers «Insights» for the account and opens its fill rates', async () => {
    expect(await configureAltegio(b, sim)).toBe('connected (user token kept)');
    const popup = await openPopup(b);
    const link = popup.getByTestId('open-insights');
    await link.waitFor({ timeout: 15_000 });
    const [opened] = await Promise.all([b.ctx.waitForEvent('page'), link.click()]);
    const url = new URL(opened.url());
    expect(url.pathname).toBe('/insights.html');
    expect(url.searchParams.get('account')).toBe(sim.webUrl + `/${sim.cid}`);
    if (account) expect(url.searchParams.get('account')).toBe(account);
    expect(await readFill(opened)).toEqual(truthFill(sim));
    await opened.close();
    await popup.close();
  });
});
