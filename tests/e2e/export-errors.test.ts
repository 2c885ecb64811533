/**
 * Exports that cannot finish: each ends with a named error on the button's line, and what the
 * store held before stays there (a later good export still has it all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import path from 'node:path';
import { readCsv } from './csv-file';
import { ARCHIVE, clickExportArchive, configureApi, extensionPage, launchBrowser, loginToCrm, readJobs, readStore, type Browser } from './harness';

/** The outcome line only (ok and text), as the tests below compare it; an export that never ends shows its job. */
async function exportOutcome(page: Page, b: Browser): Promise<{ ok: boolean; text: string }> {
  try {
    const { ok, text } = await clickExportArchive(page, 120_000);
    return { ok, text };
  } catch (e) {
    const brief = JSON.stringify(await readJobs(b), (k, v) => (k === 'ids' || k === 'novel' ? v.length : v));
    throw new Error(`the export did not end; its job: ${brief}`, { cause: e });
  }
}

describe('export errors (small dataset)', () => {
  let sim: Simulator;
  let b: Browser;
  let page: Page;

  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small' });
    b = await launchBrowser();
    expect(await configureApi(b, sim.url, sim.credentials.apiEmail, sim.credentials.apiKey)).toMatch(/^connected/);
    page = await b.ctx.newPage();
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
  });
  afterAll(async () => {
    await b?.close();
    await sim?.close();
  });

  it('exports the clients archive from the clients archive tab', async () => {
    await page.goto(`${sim.url}/company/1/customer/index?CustomerSearch%5Bf_removed%5D=2`);
    const res = await exportOutcome(page, b);
    expect(res.ok).toBe(true);
    expect(res.text).toContain(`${sim.truth.archivedCustomerIds(1).length} rows`);
  });

  it('writes a file that reads back as a table; the README pictures of it and of the options come from here', async () => {
    await page.goto(sim.url + ARCHIVE);
    const res = await exportOutcome(page, b);
    expect(res.ok).toBe(true);
    const file = /Saved (.+\.csv):/.exec(res.text)![1];
    const csv = readCsv(path.join(b.downloadsDir, file));
    expect(csv.rows).toHaveLength(sim.truth.archivedLeadIds(1).length);
    // The offscreen document that built the file is closed once the download is done.
    const worker = await b.worker();
    const offscreen = () =>
      worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length);
    await expect.poll(offscreen, { timeout: 10_000 }).toBe(0);

    const view = await b.ctx.newPage();
    await view.setViewportSize({ width: 1200, height: 420 });
    const cols = ['id', 'name', 'phone', 'archived', 'lead_reject_id', 'lead_reject_reason', 'archived_at', 'source'];
    const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');
    const rows = csv.rows
      .slice(0, 12)
      .map((r) => `<tr>${cols.map((c) => `<td>${esc(r[c])}</td>`).join('')}</tr>`)
      .join('');
    await view.setContent(`<style>body{font:12px system-ui;margin:8px}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}th{background:#e8eef4}</style>
      <table><tr>${cols.map((c) => `<th>${c}</th>`).join('')}</tr>${rows}</table>`);
    await view.screenshot({ path: path.resolve('docs/csv-table.png') });
    await view.goto(extensionPage(b, 'options.html'));
    await view.setViewportSize({ width: 560, height: 600 });
    await expect.poll(() => view.getByTestId('crm-url').inputValue()).toBe(sim.url);
    await view.screenshot({ path: path.resolve('docs/options.png') });
    await view.close();
  });

  it('says «session expired» when the CRM session ends in the middle of the read', async () => {
    await page.goto(sim.url + ARCHIVE);
    sim.setKnobs({ sessionExpiresAfter: 5 });
    const res = await exportOutcome(page, b);
    sim.setKnobs({ sessionExpiresAfter: null });
    expect(res).toEqual({ ok: false, text: 'session expired: log in to AlfaCRM again' });
  });

  const storedArchived = async () => (await readStore(b)).filter((r) => r.ui?.archived).length;

  it.each([
    ['the archive tab page', 'lead/index'],
    ['an API page', 'customer/index'],
  ])('says «malformed response» for a half-written %s and keeps the stored data', async (_, match) => {
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
    expect((await exportOutcome(page, b)).ok).toBe(true);
    const before = await storedArchived();
    expect(before).toBe(sim.truth.archivedLeadIds(1).length + sim.truth.archivedCustomerIds(1).length);

    await page.reload();
    sim.setKnobs({ malformedMatch: match, malformedOnRequest: 1 });
    const bad = await exportOutcome(page, b);
    sim.setKnobs({ malformedMatch: null, malformedOnRequest: null });
    expect(bad.ok).toBe(false);
    expect(bad.text).toMatch(/^malformed response/);
    expect(sim.stats().malformed).toBeGreaterThan(0);
    expect(await storedArchived()).toBe(before);
  });

  it('says «API key rejected» when the key stops working', async () => {
    expect(await configureApi(b, sim.url, sim.credentials.apiEmail, '0'.repeat(36))).toBe('API key rejected');
    await page.reload();
    const res = await exportOutcome(page, b);
    expect(res).toEqual({ ok: false, text: 'API key rejected' });
  });
});
