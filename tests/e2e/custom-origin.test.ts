/**
 * A self-hosted CRM: the simulator on 127.0.0.2, an origin the e2e build does not declare. The
 * user grants it in the options page; the background then registers the content script there.
 *
 * Headless Chromium cannot answer the permission prompt of `permissions.request` (the call just
 * waits). So the user first allows the site on chrome://extensions («Site access»), through the
 * API that page itself uses: that alone activates nothing (no `permissions.onAdded`, not in
 * `permissions.getAll()`), but Chromium remembers the grant, and the options page's
 * `permissions.request` is then granted without a prompt. Everything after the prompt is the
 * production path.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { readCsv } from './csv-file';
import { ARCHIVE, clickExportArchive, CONTENT_STATE as STATE, extensionPage, inContentScriptWorld, launchBrowser, loginToCrm, type Browser } from './harness';

// The worker answers events after whatever else the shared machine is doing.
const SETTLE = { timeout: 15_000 };

/** chrome://extensions → the extension's details → «Site access» → add a site. */
async function allowSiteOnExtensionsPage(b: Browser, pattern: string): Promise<void> {
  const page = await b.ctx.newPage();
  await page.goto('chrome://extensions');
  const error = await page.evaluate(
    ([id, host]) =>
      new Promise<string | null>((resolve) => {
        const dev = (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string, done: () => void): void } }).developerPrivate;
        dev.addHostPermission(id, host, () => resolve(chrome.runtime.lastError?.message ?? null));
      }),
    [b.extensionId, pattern],
  );
  await page.close();
  expect(error).toBeNull();
}

/** Host patterns of the content scripts the background registered at run time. */
async function registeredMatches(b: Browser): Promise<string[]> {
  const worker = await b.worker();
  return worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []));
}

async function grantedOrigins(b: Browser): Promise<string[]> {
  const worker = await b.worker();
  return worker.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);
}

async function exportFrom(page: Page, b: Browser): Promise<ReturnType<typeof readCsv> & { fileName: string; note: string }> {
  const res = await clickExportArchive(page, 120_000);
  if (!res.ok) throw new Error(`export failed: ${res.text}`);
  return { ...readCsv(path.join(b.downloadsDir, res.fileName)), fileName: res.fileName, note: res.text };
}

describe('custom CRM origin (self-hosted)', () => {
  let sim: Simulator;
  let b: Browser;
  let pattern: string;

  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small', host: '127.0.0.2' });
    pattern = `${sim.url}/*`;
    b = await launchBrowser();
  });

  afterAll(async () => {
    await b?.close();
    await sim?.close();
  });

  it('has no content script there before access is granted', async () => {
    const page = await b.ctx.newPage();
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
    await page.waitForLoadState('load');
    expect(await inContentScriptWorld(page, STATE)).toBe('absent');
    expect(await page.getByTestId('export-archive').count()).toBe(0);
    await page.close();
  });

  it('after the grant in the options page, mounts «Export archive» there and exports the archive', async () => {
    await allowSiteOnExtensionsPage(b, pattern);
    // Remembered, not yet active: the extension has not asked for it.
    expect(await grantedOrigins(b)).not.toContain(pattern);

    const options = await b.ctx.newPage();
    await options.goto(extensionPage(b, 'options.html'));
    await options.getByTestId('crm-url').fill(`${sim.url}/company/1/lead/index`);
    await options.getByTestId('save-settings').click();
    await expect.poll(() => options.getByTestId('settings-status').textContent(), SETTLE).toMatch(/^saved; without an API key/);
    await options.close();
    expect(await grantedOrigins(b)).toContain(pattern);
    // permissions.onAdded → the background registers the content script for the new origin.
    await expect.poll(() => registeredMatches(b), SETTLE).toEqual([pattern]);

    const page = await b.ctx.newPage();
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
    const button = page.getByTestId('export-archive');
    await expect.poll(() => button.textContent(), SETTLE).toBe('Export archive');
    expect(await inContentScriptWorld(page, STATE)).toBe('mounted');

    const csv = await exportFrom(page, b);
    expect(csv.fileName).toMatch(new RegExp(`^alfacrm-archive-127\\.0\\.0\\.2_${sim.port}-b1-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(csv.note).toMatch(/no API key/);
    const archived = sim.truth.archivedLeadIds(1);
    expect(archived.length).toBeGreaterThan(0);
    expect(csv.rows.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual([...archived].sort((x, y) => x - y));
    expect(new Set(csv.rows.map((r) => r.source))).toEqual(new Set(['ui']));
    await page.close();
  });

  it('after access is withdrawn, unregisters the script: a newly loaded page has no button', async () => {
    const options = await b.ctx.newPage();
    await options.goto(extensionPage(b, 'options.html'));
    expect(await options.evaluate((p) => chrome.permissions.remove({ origins: [p] }), pattern)).toBe(true);
    await options.close();
    expect(await grantedOrigins(b)).not.toContain(pattern);
    await expect.poll(() => registeredMatches(b), SETTLE).toEqual([]);

    const page = await b.ctx.newPage();
    await page.goto(sim.url + ARCHIVE); // still logged in: the board itself, not the login form
    await page.locator('li.lead-element').first().waitFor();
    await page.waitForLoadState('load');
    expect(await inContentScriptWorld(page, STATE)).toBe('absent');
    expect(await page.getByTestId('export-archive').count()).toBe(0);
    await page.close();
  });
});
