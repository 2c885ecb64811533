/** What the Altegio e2e tests share: signing in through the simulator's form, the click, the file against the truth. */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AltegioSimulator, SimClient, UserKey } from '../simulator/altegio/server';
import { readCsv, unescapeCell, type CsvFile } from './csv-file';
import { extensionPage, listDownloads, type Browser } from './harness';

export const basePath = (cid: number) => `/clients/${cid}/base/`;

/** Signs out, then in through `/signin/<return-url>` as a person would; lands on the client base. */
export async function signIn(page: Page, sim: AltegioSimulator, user: UserKey, cid = sim.cid): Promise<void> {
  await page.goto(`${sim.webUrl}/logout`);
  await page.goto(`${sim.webUrl}/signin/${encodeURIComponent(basePath(cid))}`);
  await page.fill('input[name="login"]', sim.users[user].login);
  await page.fill('input[name="password"]', sim.users[user].password);
  await Promise.all([page.waitForURL((u) => u.pathname === basePath(cid)), page.click('[data-locator="signin_submit"]')]);
}

export type Outcome = { ok: true; text: string; csv: CsvFile; fileName: string } | { ok: false; text: string; diagnostics: boolean };

/** Clicks «Export clients» and waits for the saved file or the named error. */
export async function exportClients(page: Page, b: Browser, timeout = 300_000): Promise<Outcome> {
  const button = page.getByTestId('export-clients');
  await button.waitFor({ timeout: 15_000 });
  await button.click();
  await page.getByTestId('export-done').or(page.getByTestId('export-error')).waitFor({ timeout });
  const error = page.getByTestId('export-error');
  if (await error.count())
    return { ok: false, text: (await error.textContent()) ?? '', diagnostics: (await page.getByTestId('export-diagnostics').count()) > 0 };
  const text = (await page.getByTestId('export-done').textContent()) ?? '';
  const fileName = /Saved (.+\.csv):/.exec(text)?.[1] ?? '';
  return { ok: true, text, csv: readCsv(path.join(b.downloadsDir, fileName)), fileName };
}

/** The file, or the test fails with the error the button showed. */
export async function exportFile(page: Page, b: Browser): Promise<{ csv: CsvFile; fileName: string }> {
  const res = await exportClients(page, b);
  if (!res.ok) throw new Error(`export failed: ${res.text}`);
  return res;
}

/** Sets the header row's language in the options page (file settings only, no account). */
export async function setHeaderLanguage(b: Browser, lang: 'keys' | 'uk' | 'ru'): Promise<void> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'options.html'));
  await page.getByTestId('header-language').selectOption(lang);
  await page.getByTestId('save-settings').click();
  await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('saved');
  await page.close();
}

export const downloads = (b: Browser) => listDownloads(b.downloadsDir).length;

export const FIXED = [
  'id',
  'name',
  'surname',
  'patronymic',
  'phone',
  'additional_phone',
  'email',
  'categories',
  'sex',
  'birth_date',
  'discount',
  'card',
  'comment',
  'visits_count',
  'sold_amount',
  'last_visit_date',
  'masked',
  'source',
];

/** A custom value as the file must hold it: strings as stored, numbers as written, lists joined. */
export function expectedCustom(v: SimClient['custom_fields'][string] | undefined): string {
  if (v === undefined) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/**
 * Every client of the location once and nothing else, the header in column order, every custom
 * value byte-exact; `check` looks at each row beside its client. Returns the rows by id.
 */
export function expectLocationFile(
  csv: CsvFile,
  sim: AltegioSimulator,
  check: (row: Record<string, string>, c: SimClient) => void = () => undefined,
  cid = sim.cid,
): void {
  const truth = sim.truth.clients(cid);
  const codes = sim.truth.customCodes(cid);
  expect(csv.bom).toBe(true);
  expect(csv.header).toEqual([...FIXED, ...codes.map((c) => `custom:${c}`)]);
  const ids = csv.rows.map((r) => Number(r.id));
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort((a, c) => a - c)).toEqual(truth.map((c) => c.id));
  const byId = new Map(truth.map((c) => [c.id, c]));
  let checked = 0;
  for (const row of csv.rows) {
    const t = byId.get(Number(row.id))!;
    for (const code of codes) expect(unescapeCell(row[`custom:${code}`]), `${t.id} ${code}`).toBe(expectedCustom(t.custom_fields[code]));
    expect(unescapeCell(row.name)).toBe(t.name);
    expect(unescapeCell(row.surname)).toBe(t.surname);
    expect(unescapeCell(row.comment)).toBe(t.comment);
    check(row, t);
    checked++;
  }
  expect(checked).toBe(truth.length);
}

export { unescapeCell };

/** Saves an Altegio account with API credentials in the options (the partner token beside it); returns the status line. */
export async function configureAltegio(b: Browser, sim: AltegioSimulator, user: UserKey = 'owner'): Promise<string> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'options.html'));
  await page.getByTestId('crm-url').fill(sim.webUrl);
  // A loopback address does not tell its CRM: the user picks it.
  await page.getByTestId('account-source').selectOption('altegio');
  await page.getByTestId('app-secret').fill(sim.partnerToken);
  await page.getByTestId('api-email').fill(sim.users[user].login);
  await page.getByTestId('api-key').fill(sim.users[user].password);
  await page.getByTestId('save-settings').click();
  const status = page.getByTestId('settings-status');
  await status.filter({ hasNotText: /checking|^$/ }).waitFor();
  const text = (await status.textContent()) ?? '';
  await page.close();
  return text;
}

/** What the extension keeps in its local storage (read from one of its pages). */
export async function storedLocal(b: Browser): Promise<Record<string, unknown>> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'popup.html'));
  const all = await page.evaluate(() => chrome.storage.local.get(null));
  await page.close();
  return all;
}
