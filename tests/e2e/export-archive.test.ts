/**
 * «Export archive» end to end, in real Chromium against the simulator's default dataset (the
 * real case: 7,788 archived leads in branch 1).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { readCsv, unescapeCell } from './csv-file';
import { ARCHIVE, clickExportArchive, configureApi, launchBrowser, loginToCrm, type Browser } from './harness';

async function exportFrom(page: Page, b: Browser): Promise<ReturnType<typeof readCsv> & { fileName: string }> {
  const res = await clickExportArchive(page);
  if (!res.ok) throw new Error(`export failed: ${res.text}`);
  return { ...readCsv(path.join(b.downloadsDir, res.fileName)), fileName: res.fileName };
}

describe('Export archive (default dataset)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });

  const truthOf = () => {
    const records = new Map(sim.truth.records().map((r) => [r.id as number, r]));
    const reasons = new Map(sim.truth.leadRejectReasons().map((r) => [r.id, r.name]));
    return { records, reasons, archived: sim.truth.archivedLeadIds(1) };
  };

  describe('with the API key', () => {
    let b: Browser;
    beforeAll(async () => {
      b = await launchBrowser();
      const status = await configureApi(b, sim.url, sim.credentials.apiEmail, sim.credentials.apiKey);
      expect(status).toMatch(/^connected/);
    });
    afterAll(async () => b?.close());

    it('writes every archived lead of the branch once, with reason id, text and the API phones', async () => {
      const page = await b.ctx.newPage();
      await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
      const csv = await exportFrom(page, b);
      const { records, reasons, archived } = truthOf();

      expect(csv.fileName).toMatch(new RegExp(`^alfacrm-archive-127\\.0\\.0\\.1_${sim.port}-b1-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(csv.bom).toBe(true);
      expect(csv.header.slice(0, 20)).toEqual([
        'id',
        'name',
        'phone',
        'email',
        'branch_id',
        'is_study',
        'archived',
        'lead_status_id',
        'lead_status',
        'lead_reject_id',
        'lead_reject_reason',
        'customer_reject_id',
        'customer_reject_reason',
        'archived_at',
        'lead_source_id',
        'lead_source',
        'assigned_id',
        'created_at',
        'updated_at',
        'source',
      ]);
      const ids = csv.rows.map((r) => Number(r.id));
      expect(csv.rows.length).toBe(7788);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((a, c) => a - c)).toEqual([...archived].sort((a, c) => a - c));

      let checked = 0;
      for (const row of csv.rows) {
        const truth = records.get(Number(row.id))!;
        expect(row.branch_id).toBe('1');
        expect(row.archived).toBe('1');
        expect(row.is_study).toBe('0');
        expect(row.source).toBe('api+ui');
        const reasonId = truth.lead_reject_id as number | null;
        expect(row.lead_reject_id).toBe(reasonId == null ? '' : String(reasonId));
        expect(row.lead_reject_reason).toBe(reasonId == null ? '' : reasons.get(reasonId));
        expect(row.phone.split(', ').map(unescapeCell).join(', ')).toBe((truth.phone as string[]).join(', '));
        expect(unescapeCell(row.name)).toBe(truth.name);
        checked++;
      }
      expect(checked).toBe(7788);
      await page.close();
    });

    it('completes under a 2 requests/s API limit, retrying every 429 after its Retry-After', async () => {
      sim.setKnobs({ apiRateLimit: 2 });
      sim.resetStats();
      try {
        const page = await b.ctx.newPage();
        await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
        const csv = await exportFrom(page, b);
        const stats = sim.stats();
        expect(csv.rows.length).toBe(7788);
        expect(new Set(csv.rows.map((r) => r.id)).size).toBe(7788);
        expect(stats.status429).toBeGreaterThan(0);
        expect(stats.retriesBeforeRetryAfter).toBe(0);
        await page.close();
      } finally {
        sim.setKnobs({ apiRateLimit: 5 });
      }
    });
  });

  describe('without an API key', () => {
    let b: Browser;
    beforeAll(async () => {
      b = await launchBrowser();
    });
    afterAll(async () => b?.close());

    it('exports what the UI shows, marked source=ui, and says so', async () => {
      const page = await b.ctx.newPage();
      await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
      const csv = await exportFrom(page, b);
      const { records, reasons, archived } = truthOf();
      // Not an account of the options: the page's session alone, said on the button, with a way to add it.
      expect(await page.getByTestId('export-done').textContent()).toMatch(/not in the options: the file holds what the CRM page shows/);
      await expect.poll(() => page.getByTestId('add-account').count()).toBe(1);
      expect(csv.rows.length).toBe(7788);
      expect(new Set(csv.rows.map((r) => Number(r.id)))).toEqual(new Set(archived));
      for (const row of csv.rows) {
        const truth = records.get(Number(row.id))!;
        expect(row.source).toBe('ui');
        expect(row.archived).toBe('1');
        const reasonId = truth.lead_reject_id as number | null;
        expect(row.lead_reject_id).toBe(reasonId == null ? '' : String(reasonId));
        expect(row.lead_reject_reason).toBe(reasonId == null ? '' : reasons.get(reasonId));
        expect(row.name).not.toBe('');
      }
      await page.close();
    });
  });
});
