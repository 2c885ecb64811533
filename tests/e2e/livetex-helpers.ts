/** Steps of the LiveTex end-to-end tests: the cabinet's sign-in, the button, the options, the file's truth. */
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { EmployeeKey, LivetexSimulator } from '../simulator/livetex/types';
import { readCsv, unescapeCell, type CsvFile } from './csv-file';
import { extensionPage, type Browser, type ExportOutcome } from './harness';

/** The interface's columns (extension-interface.md «LiveTex»), in order: what the file must start with. */
export const INTERFACE_COLUMNS = [
  'id',
  'name',
  'email',
  'phone',
  'type',
  'result',
  'text',
  'answer_text',
  'text_visibility',
  'site_id',
  'site_url',
  'department_id',
  'department',
  'created_at',
  'updated_at',
  'completed_at',
  'duration',
  'created_by',
  'assigned_to',
  'completed_by',
  'city',
  'country',
  'ext_referer',
  'entry_page',
  'int_referer',
  'search_engine',
  'search_query',
  'page_count',
  'visit_count',
  'pulled_by',
];

/** Signs in through the cabinet's own /login, as a person would, and waits for the header. */
export async function signInCabinet(page: Page, sim: LivetexSimulator, who: EmployeeKey, returnTo = '/leads'): Promise<void> {
  const e = sim.employees[who];
  await page.goto(`${sim.cabinetUrl}/login?return=${encodeURIComponent(returnTo)}`);
  await page.fill('#lt-login-form [name=email]', e.email);
  await page.fill('#lt-login-form [name=password]', e.password);
  await Promise.all([page.waitForURL((u) => u.pathname === returnTo), page.click('#lt-login-submit')]);
  await page.locator('header#lt-header').waitFor();
}

/** The cabinet's token in the page (what the simulator's stats count requests by). */
export function cabinetToken(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(localStorage.getItem('livetex.auth') ?? '{}') as { access_token?: string }).access_token ?? '');
}

/** Clicks «Export leads» and waits for the line it ends with: the saved file, or the error. */
export async function clickExportLeads(page: Page, timeout = 240_000): Promise<ExportOutcome> {
  await page.getByTestId('export-leads').click();
  await page.getByTestId('export-done').or(page.getByTestId('export-error')).waitFor({ timeout });
  const error = page.getByTestId('export-error');
  if (await error.count()) return { ok: false, text: (await error.textContent()) ?? '' };
  const text = (await page.getByTestId('export-done').textContent()) ?? '';
  return { ok: true, text, fileName: /Saved (.+\.csv):/.exec(text)?.[1] ?? '' };
}

/** Exports and reads the file back (failing the test with the button's words if it did not save). */
export async function exportedFile(b: Browser, page: Page): Promise<{ fileName: string; csv: CsvFile }> {
  const res = await clickExportLeads(page);
  if (!res.ok) throw new Error(`export failed: ${res.text}`);
  return { fileName: res.fileName, csv: readCsv(path.join(b.downloadsDir, res.fileName)) };
}

/** Saves an employee of the cabinet as the account's second identity; returns `settings-status`. */
export async function saveIdentity(b: Browser, sim: LivetexSimulator, who: EmployeeKey): Promise<string> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'options.html'));
  await page.getByTestId('crm-url').fill(sim.cabinetUrl);
  await page.getByTestId('account-source').selectOption('livetex');
  await page.getByTestId('api-email').fill(sim.employees[who].email);
  await page.getByTestId('api-key').fill(sim.employees[who].password);
  await page.getByTestId('save-settings').click();
  const status = page.getByTestId('settings-status');
  await status.filter({ hasNotText: /checking|^$/ }).waitFor({ timeout: 30_000 });
  const text = (await status.textContent()) ?? '';
  await page.close();
  return text;
}

/**
 * Every row's texts against the simulator's truth for these pullers: visible ones byte-exact
 * (the file's `'` before formula-like cells taken off), hidden ones exactly the marker.
 * Returns how many leads had their texts hidden.
 */
export function expectTexts(csv: CsvFile, sim: LivetexSimulator, pullerIds: number[]): number {
  const truth = sim.truth.expectedTexts(pullerIds);
  expect(csv.rows.map((r) => Number(r.id)).sort((a, c) => a - c)).toEqual([...truth.keys()].sort((a, c) => a - c));
  const wrong: string[] = [];
  let hidden = 0;
  for (const row of csv.rows) {
    const want = truth.get(Number(row.id))!;
    for (const key of ['text', 'answer_text'] as const) {
      const cell = want[key];
      const expected = cell.visible ? (cell.value ?? '') : cell.marker!;
      if (unescapeCell(row[key]) !== expected) wrong.push(`${row.id}.${key}`);
    }
    const visibility = want.text.visible && want.answer_text.visible ? 'visible' : 'hidden';
    if (row.text_visibility !== visibility) wrong.push(`${row.id}.text_visibility`);
    if (visibility === 'hidden') hidden++;
  }
  expect(wrong.slice(0, 10)).toEqual([]);
  return hidden;
}

/** Every row's other cells against the truth's lead (as an admin's pull gets it). */
export function expectLeadCells(csv: CsvFile, sim: LivetexSimulator): void {
  const person = (v: unknown) => {
    const e = v as { id: number; first_name?: string; last_name?: string } | null;
    if (!e) return '';
    const name = [e.first_name, e.last_name].filter(Boolean).join(' ');
    return name ? `${name} (${e.id})` : `(${e.id})`;
  };
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const wrong: string[] = [];
  for (const row of csv.rows) {
    const l = sim.truth.lead(Number(row.id))!;
    const site = l.site as { id: number; url: string };
    const dep = l.department as { id: number; title: string } | null;
    const want: Record<string, string> = {
      name: text(l.name),
      email: text(l.email),
      phone: text(l.phone),
      type: text(l.type),
      result: text(l.result),
      site_id: String(site.id),
      site_url: site.url,
      department_id: dep ? String(dep.id) : '',
      department: dep ? dep.title : '',
      created_at: text(l.created_at),
      updated_at: text(l.updated_at),
      completed_at: text(l.completed_at),
      duration: text(l.duration),
      created_by: person(l.created_by),
      assigned_to: person(l.assigned_to),
      completed_by: person(l.completed_by),
      page_count: text(l.page_count),
    };
    for (const [k, v] of Object.entries(want)) if (unescapeCell(row[k]) !== v) wrong.push(`${row.id}.${k}`);
  }
  expect(wrong.slice(0, 10)).toEqual([]);
}
