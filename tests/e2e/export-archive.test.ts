/**
 * «Export archive» end to end, in real Chromium against the simulator's default dataset (the
 * real case: 7,788 archived leads in branch 1).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { readCsv, unescapeCell } from './csv-file';
import { ARCHIVE, clickExportArchive, configureApi, extensionPage, launchBrowser, loginToCrm, type Browser } from './harness';

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
    let firstCsv: ReturnType<typeof readCsv>;
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
      firstCsv = csv;
      await page.close();
    });

    const setFileFormat = async (format: 'csv' | 'xlsx') => {
      const options = await b.ctx.newPage();
      await options.goto(extensionPage(b, 'options.html'));
      await expect.poll(() => options.getByTestId('crm-url').inputValue()).toBe(sim.url);
      await options.getByTestId('file-format').selectOption(format);
      await options.getByTestId('save-settings').click();
      await options
        .getByTestId('settings-status')
        .filter({ hasText: /^connected/ })
        .waitFor();
      await options.close();
    };

    it('writes the same rows and cells as an .xlsx (no formula, ids as numbers), its header styled and frozen', async () => {
      await setFileFormat('xlsx');
      onTestFinished(() => setFileFormat('csv'));
      const page = await b.ctx.newPage();
      await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
      const res = await clickExportArchive(page);
      if (!res.ok) throw new Error(`export failed: ${res.text}`);
      expect(res.fileName).toMatch(/^alfacrm-archive-.*\.xlsx$/);
      const file = readFileSync(path.join(b.downloadsDir, res.fileName));
      const sheetXml = strFromU8(unzipSync(file)['xl/worksheets/sheet1.xml']);
      expect(sheetXml).not.toContain('<f>');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.getRow(1).getCell(1).fill).toMatchObject({ type: 'pattern' });
      const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header).toEqual(firstCsv.header);
      expect(ws.rowCount - 1).toBe(firstCsv.rows.length);
      // Each cell as the CSV has it: the CSV neutralises formula-like text with a ', the .xlsx
      // needs no such quote (inline strings are never formulas); dates are dates, ids numbers.
      const asText = (v: unknown): string => {
        if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
        if (v && typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
        return v == null ? '' : String(v);
      };
      const byId = new Map(firstCsv.rows.map((r) => [r.id, r]));
      let multiLine = 0;
      let hostile = 0;
      for (let i = 2; i <= ws.rowCount; i++) {
        const values = (ws.getRow(i).values as unknown[]).slice(1);
        const want = byId.get(asText(values[0]))!;
        expect(typeof values[0]).toBe('number');
        header.forEach((h, c) => {
          const got = asText(values[c]).replace(/_x([0-9A-F]{4})_/g, (_, x: string) => String.fromCharCode(parseInt(x, 16)));
          expect(/^[=+\-@\t\r]/.test(got) ? `'${got}` : got, `${want.id} ${h}`).toBe(want[h]);
          if (got.includes('\n')) multiLine++;
          if (/^[=+\-@]/.test(got)) hostile++;
        });
      }
      expect(multiLine).toBeGreaterThan(0);
      expect(hostile).toBeGreaterThan(0);
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
