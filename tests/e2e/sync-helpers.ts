/** Shared steps of the sync tests: a browser with the API set and a CRM tab, and the checks. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../simulator/server';
import { configureApi, DASHBOARD, extensionPage, launchBrowser, loginToCrm, readStore, readTable, type Browser } from './harness';

export { DASHBOARD };

export async function syncSetup(sim: Simulator, userDataDir?: string): Promise<{ b: Browser; crm: Page; popup: Page }> {
  const b = await launchBrowser({ userDataDir });
  expect(await configureApi(b, sim.url, sim.credentials.apiEmail, sim.credentials.apiKey)).toMatch(/^connected/);
  const crm = await b.ctx.newPage();
  // A CRM page with no board of its own, so every board request is the extension's.
  await loginToCrm(crm, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, DASHBOARD);
  const popup = await openPopup(b);
  return { b, crm, popup };
}

export async function openPopup(b: Browser): Promise<Page> {
  const popup = await b.ctx.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(extensionPage(b, 'popup.html'));
  return popup;
}

export function statusText(popup: Page): Promise<string> {
  return popup
    .getByTestId('sync-status')
    .textContent()
    .then((t) => t ?? '');
}

const lastSuccess = (popup: Page) => popup.getByTestId('sync-status').getAttribute('data-last-sync');

/** Clicks «Sync now» and waits until a run that ended after the click is reported done. */
export async function syncAndWait(popup: Page, timeout?: number): Promise<void> {
  const before = (await lastSuccess(popup)) ?? '';
  await popup.getByTestId('sync-now').click();
  await waitForSyncDone(popup, timeout, before);
}

/** Waits until the popup says the sync is done: idle, with a last sync time newer than `after`. */
export async function waitForSyncDone(popup: Page, timeout = 90_000, after = ''): Promise<void> {
  try {
    await expect
      .poll(async () => `${await statusText(popup)}|${(await lastSuccess(popup)) ?? ''}`, { timeout, interval: 100 })
      .toSatisfy((s: string) => s.startsWith('idle — last sync') && s.split('|')[1] > after);
  } catch (e) {
    const jobs = await readTable(popup, 'jobs');
    const brief = JSON.stringify(jobs, (k, v) => (k === 'ids' || k === 'pagesDone' ? v.length : v));
    throw new Error(`sync did not finish: ${await statusText(popup)}\n${brief}`, { cause: e });
  }
}

/** The store holds exactly the simulator's records of branch 1: each once, archived as the CRM says. */
export async function expectStoreExact(b: Browser, sim: Simulator): Promise<void> {
  const rows = await readStore(b);
  const ids = rows.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  const archived = new Set([...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1)]);
  const all = [...archived, ...sim.truth.activeIds(1)].sort((a, c) => a - c);
  expect(
    rows
      .filter((r) => r.api)
      .map((r) => r.id)
      .sort((a, c) => a - c),
  ).toEqual(all);
  const wrong = rows.filter((r) => r.api && r.api.archived !== archived.has(r.id)).map((r) => r.id);
  expect(wrong).toEqual([]);
  const uiArchived = rows
    .filter((r) => r.ui?.archived && r.ui.kind === 'lead')
    .map((r) => r.id)
    .sort((a, c) => a - c);
  expect(uiArchived).toEqual([...sim.truth.archivedLeadIds(1)].sort((a, c) => a - c));
}
