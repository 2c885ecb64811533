/**
 * Insights end to end, in real Chromium against the simulator's default dataset after a full
 * sync (API, change log, archive board): every reason, category and campaign number equals what
 * the simulator's ground truth gives; a category change moves leads and survives a reload; a
 * drill-down exports exactly its leads; the popup and the CRM tab lead to the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { readCsv } from './csv-file';
import { ARCHIVE, extensionPage, type Browser } from './harness';
import { insightsTruth, readInsightsPage, type Category } from './insights-truth';
import { syncAndWait, syncSetup } from './sync-helpers';

describe('Insights (default dataset, after a sync)', () => {
  let sim: Simulator;
  let b: Browser;
  let crm: Page;
  let popup: Page;

  beforeAll(async () => {
    sim = await startSimulator();
    ({ b, crm, popup } = await syncSetup(sim));
  });
  afterAll(async () => {
    await b?.close();
    await sim?.close();
  });

  /** The page opened without parameters: the account and branch used last (the sync's). */
  async function openInsights(): Promise<Page> {
    const page = await b.ctx.newPage();
    await page.goto(extensionPage(b, 'insights.html'));
    return page;
  }

  it('first: a full sync of branch 1 (API, change log, archive board)', async () => {
    await syncAndWait(popup, 400_000);
    expect(await popup.getByTestId('count-archived').textContent()).toBe(String(sim.truth.archivedLeadIds(1).length + sim.truth.archivedCustomerIds(1).length));
  });

  it('shows every reject reason with its archived leads and category, and every campaign’s numbers, as the ground truth gives them', async () => {
    const page = await openInsights();
    const shown = await readInsightsPage(page);
    const truth = insightsTruth(sim, 1);
    expect(shown.reasons).toEqual(truth.reasons);
    expect(shown.campaigns).toEqual(truth.campaigns);
    // Both categories and a disabled reason that holds leads are there to be seen.
    expect(new Set([...shown.reasons.values()].map((r) => r.category))).toEqual(new Set(['target', 'non-target', 'unclassified']));
    expect(await page.getByTestId('insights-no-api').count()).toBe(0);

    await page.setViewportSize({ width: 1100, height: 900 });
    await shot(page, '#reasons', 'docs/insights-reasons.png');
    await shot(page, '#campaigns .scroll', 'docs/insights-campaigns.png');
    await shot(page, '#campaigns figure.chart-box', 'docs/insights-chart.png');
    await page.close();
  });

  it('a reason moved to «not target» moves its leads between the two archived columns, and stays so after a reload', async () => {
    const before = insightsTruth(sim, 1);
    // The target reason holding the most leads.
    const [id] = [...before.reasons].filter(([, r]) => r.category === 'target').sort((x, y) => y[1].count - x[1].count)[0];
    const page = await openInsights();
    await readInsightsPage(page);
    await page.locator(`[data-testid="reason-row"][data-reason-id="${id}"] [data-testid="reason-category"]`).selectOption('non-target');
    await expect.poll(() => page.locator(`[data-testid="reason-row"][data-reason-id="${id}"]`).getAttribute('data-category')).toBe('non-target');
    const after = insightsTruth(sim, 1, { [id]: 'non-target' as Category });
    // The truth itself moved: the test would pass on a page that did not move anything otherwise.
    expect([...after.campaigns.values()].reduce((n, c) => n + c.archivedNonTarget, 0)).toBe(
      [...before.campaigns.values()].reduce((n, c) => n + c.archivedNonTarget, 0) + before.reasons.get(id)!.count,
    );
    expect((await readInsightsPage(page)).campaigns).toEqual(after.campaigns);
    await page.reload();
    const reloaded = await readInsightsPage(page);
    expect(reloaded.reasons.get(id)!.category).toBe('non-target');
    expect(reloaded.campaigns).toEqual(after.campaigns);
    // Back to the name's category, for the tests that follow.
    await page.locator(`[data-testid="reason-row"][data-reason-id="${id}"] [data-testid="reason-category"]`).selectOption('target');
    await expect.poll(async () => (await readInsightsPage(page)).campaigns).toEqual(before.campaigns);
    await page.close();
  });

  it('a reason’s drill-down lists its leads and exports exactly them as a file', async () => {
    const truth = insightsTruth(sim, 1);
    const [id, ids] = [...truth.leadsOf].sort((x, y) => y[1].length - x[1].length)[0];
    const page = await openInsights();
    await readInsightsPage(page);
    await page.locator(`[data-testid="reason-row"][data-reason-id="${id}"] button.num`).first().click();
    const drill = page.getByTestId('insights-drill');
    await expect.poll(() => drill.locator('tbody tr').count()).toBe(Math.min(ids.length, 500));
    await drill.getByTestId('export-slice').click();
    const note = drill.locator('[data-testid="export-slice-note"]');
    await note.waitFor({ timeout: 60_000 });
    expect(await note.getAttribute('data-ok')).toBe('1');
    const fileName = /Saved (.+\.csv):/.exec((await note.textContent()) ?? '')?.[1] ?? '';
    expect(fileName).toMatch(/^alfacrm-leads-127\.0\.0\.1_\d+-b1-\d{4}-\d{2}-\d{2}-slice\.csv$/);
    const csv = readCsv(path.join(b.downloadsDir, fileName));
    expect(csv.rows.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(csv.rows.map((r) => r.lead_reject_id))).toEqual(new Set([String(id)]));

    // Excel chosen beside the button: the same slice as an .xlsx, and the choice is the options' too.
    await drill.getByTestId('export-format').selectOption('xlsx');
    await drill.getByTestId('export-slice').click();
    await expect.poll(async () => /Saved (.+):/.exec((await note.textContent()) ?? '')?.[1] ?? '', { timeout: 60_000 }).toMatch(/-slice\.xlsx$/);
    const xlsxName = /Saved (.+):/.exec((await note.textContent()) ?? '')![1];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(b.downloadsDir, xlsxName)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].rowCount - 1).toBe(ids.length);
    const options = await b.ctx.newPage();
    await options.goto(extensionPage(b, 'options.html'));
    await expect.poll(() => options.getByTestId('file-format').inputValue()).toBe('xlsx');
    await options.getByTestId('file-format').selectOption('csv');
    await options.getByTestId('save-settings').click();
    await options
      .getByTestId('settings-status')
      .filter({ hasText: /^connected/ })
      .waitFor();
    await options.close();
    await page.close();
  });

  it('the popup reconciles like with like, says no mismatch, and opens Insights for its account', async () => {
    const archivedLeads = sim.truth.archivedLeadIds(1).length;
    const clients = sim.truth.archivedCustomerIds(1).length;
    const line = (label: string) => popup.locator(`[data-testid="recon-line"][data-label="${label}"]`);
    await line('reconLine.archivedLeads').waitFor();
    const numbers = async (label: string) =>
      Promise.all(['recon-page', 'recon-api', 'recon-stored'].map(async (id) => (await line(label).getByTestId(id).textContent()) ?? ''));
    expect(await numbers('reconLine.archivedLeads')).toEqual([archivedLeads, archivedLeads, archivedLeads].map(String));
    expect(await numbers('reconLine.archivedClients')).toEqual(['—', String(clients), String(clients)]);
    expect(await popup.locator('[data-testid="recon-line"][data-mismatch="1"]').count()).toBe(0);
    const [opened] = await Promise.all([b.ctx.waitForEvent('page'), popup.getByTestId('open-insights').click()]);
    const url = new URL(opened.url());
    expect(url.pathname).toBe('/insights.html');
    expect(url.searchParams.get('account')).toBe(sim.url);
    expect(url.searchParams.get('branch')).toBe('1');
    await readInsightsPage(opened);
    await opened.close();
  });

  it('the CRM archive board shows the line beside the button and a share and category on each column; «Insights» opens its branch', async () => {
    const truth = insightsTruth(sim, 1);
    await crm.goto(sim.url + ARCHIVE);
    const line = crm.getByTestId('tab-insights');
    await line.waitFor({ timeout: 60_000 });
    expect(Number(await line.getAttribute('data-archived'))).toBe(truth.archivedLeads);
    const nonTarget = [...truth.reasons.values()].filter((r) => r.category === 'non-target').reduce((n, r) => n + r.count, 0);
    expect(Number(await line.getAttribute('data-non-target'))).toBeCloseTo(nonTarget / truth.archivedLeads, 9);
    const top = [...truth.reasons].sort((x, y) => y[1].count - x[1].count)[0][0];
    expect(await line.getAttribute('data-top-reason')).toBe(String(top));

    const columns = await crm.locator('.board-column').count();
    await expect.poll(() => crm.getByTestId('column-badge').count(), { timeout: 60_000 }).toBe(columns);
    const badges = await crm.getByTestId('column-badge').evaluateAll((els) =>
      els.map((e) => ({
        id: Number(e.getAttribute('data-reason-id')),
        share: Number(e.getAttribute('data-share')),
        category: e.getAttribute('data-category'),
      })),
    );
    for (const badge of badges.filter((x) => x.id !== 0)) {
      const r = truth.reasons.get(badge.id)!;
      expect(badge.category).toBe(r.category);
      expect(badge.share).toBeCloseTo(r.count / truth.archivedLeads, 9);
    }
    const [opened] = await Promise.all([b.ctx.waitForEvent('page'), line.getByTestId('tab-open-insights').click()]);
    expect(new URL(opened.url()).searchParams.get('branch')).toBe('1');
    expect(new URL(opened.url()).searchParams.get('account')).toBe(sim.url);
    await opened.close();
  });
});

/** A screenshot of an element, at most one screen tall, for the README. */
async function shot(page: Page, selector: string, file: string): Promise<void> {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  const box = (await el.boundingBox())!;
  const png = await page.screenshot({ path: path.resolve(file), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 800) } });
  expect(png.readUInt32BE(16)).toBeGreaterThan(300); // PNG width
}
