/**
 * Firefox smoke test: the Firefox MV3 build (event-page background, no offscreen document) in
 * Debian's Firefox ESR. The content script mounts «Export archive» on the archive tab and a UI-only
 * export (no API key) completes: the CSV is built in the background and lands on disk.
 * Builds `.output/firefox-mv3-e2e` itself when it is missing or older than the sources.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startSimulator, type Simulator } from '../simulator/server';
import { readCsv } from './csv-file';
import { byTestId, ensureFirefoxBuild, launchFirefox, loginToCrm, type FirefoxSession } from '../e2e-firefox/harness';
import { ARCHIVE } from './harness';

describe('Firefox ESR smoke (small dataset)', () => {
  let sim: Simulator;
  let ff: FirefoxSession;
  let page: Page;

  // A setup failure (no Firefox, a failed build) fails every test with its message: a failure in
  // beforeAll alone would only mark them skipped.
  let setupError: unknown;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      ensureFirefoxBuild();
      sim = await startSimulator({ dataset: 'small' });
      ff = await launchFirefox();
      page = await ff.browser.newPage();
    } catch (e) {
      setupError = e;
    }
  }, 180_000);
  afterAll(async () => {
    await ff?.close();
    await sim?.close();
  });

  it('mounts «Export archive» on the archive tab in an open shadow root', async () => {
    ready();
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
    const button = await page.waitForSelector(byTestId('export-archive'), { timeout: 30_000 });
    expect(await button!.evaluate((el) => el.textContent)).toBe('Export archive');
    expect(await button!.evaluate((el) => el.getRootNode() instanceof ShadowRoot)).toBe(true);
  });

  it('exports the archived leads of the branch without an API key, to a file on disk', async () => {
    ready();
    await (await page.waitForSelector(byTestId('export-archive')))!.click();
    const outcome = await page.waitForSelector(`${byTestId('export-done')}, ${byTestId('export-error')}`, { timeout: 120_000 });
    const { testId, text } = await outcome!.evaluate((el) => ({ testId: el.getAttribute('data-testid'), text: el.textContent ?? '' }));
    expect(testId, `the export ended with: ${text}`).toBe('export-done');

    const expected = sim.truth.archivedLeadIds(1);
    const m = /Saved (.+\.csv): (\d+) rows/.exec(text);
    expect(m, text).not.toBeNull();
    const [, fileName, rows] = m!;
    expect(Number(rows)).toBe(expected.length);
    expect(fileName).toMatch(new RegExp(`^alfacrm-archive-127\\.0\\.0\\.1_${sim.port}-b1-\\d{4}-\\d{2}-\\d{2}\\.csv$`));

    const file = path.join(ff.downloadsDir, fileName);
    expect(existsSync(file), `${file} was not written`).toBe(true);
    const csv = readCsv(file);
    expect(csv.bom).toBe(true);
    expect(csv.rows.length).toBe(expected.length);
    expect(new Set(csv.rows.map((r) => Number(r.id)))).toEqual(new Set(expected));
    expect(new Set(csv.rows.map((r) => r.source))).toEqual(new Set(['ui']));
  });
});
