/**
 * What a CRM page's own script can and cannot do with the button in its (open) shadow root, what
 * the built content scripts hold, and an export whose tab goes away: it ends, named.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/server';
import { ARCHIVE, clickExportArchive, configureApi, EXTENSION_DIR, launchBrowser, loginToCrm, readJobs, type Browser } from './harness';

interface JobView {
  account: string;
  state: string;
  run?: { exports: { error?: { code: string } }[] };
  finishedExports?: unknown[];
}

/** The button's shadow root, as the page's own script reaches it (it is open). */
const PAGE_CLICKS = `(() => {
  const host = [...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[data-testid=export-archive]'));
  host.shadowRoot.querySelector('[data-testid=export-archive]').click();
  return host.shadowRoot.innerHTML;
})()`;

describe('trust', () => {
  let sim: Simulator;
  let other: Simulator;
  let b: Browser;
  beforeAll(async () => {
    [sim, other] = await Promise.all([startSimulator({ dataset: 'small', knobs: { latencyMs: 30 } }), startSimulator({ dataset: 'small' })]);
    b = await launchBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await Promise.all([sim?.close(), other?.close()]);
  });

  it('a click by the page’s own script starts nothing; the shadow root names no other account', async () => {
    // Another account is configured; this page's is not.
    expect(await configureApi(b, other.url, other.credentials.apiEmail, other.credentials.apiKey)).toMatch(/^connected/);
    const page = await b.ctx.newPage();
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
    await page.getByTestId('export-archive').waitFor({ timeout: 10_000 });
    const before = await page.evaluate(PAGE_CLICKS);
    // A person's click now: had the page's click started an export, this one would join it.
    const res = await clickExportArchive(page, 120_000);
    expect(res.ok).toBe(true);
    const jobs = (await readJobs(b)) as JobView[];
    const mine = jobs.find((j) => j.account === sim.url)!;
    expect(mine.run!.exports).toHaveLength(1);
    expect(mine.finishedExports ?? []).toEqual([]);
    const after = await page.evaluate(
      `[...document.querySelectorAll('*')].find((e) => e.shadowRoot?.querySelector('[data-testid=export-archive]')).shadowRoot.innerHTML`,
    );
    for (const html of [before, after] as string[]) {
      expect(html).not.toContain(other.url);
      expect(html).not.toContain(other.credentials.apiEmail);
    }
    await page.close();
  });

  it('ends an export whose tab is closed in the middle of the read, named', async () => {
    sim.setKnobs({ latencyMs: 150 });
    const page = await b.ctx.newPage();
    await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, ARCHIVE);
    await page.getByTestId('export-archive').click();
    await page.getByTestId('export-progress').waitFor({ timeout: 20_000 });
    await page.close();
    await expect
      .poll(
        async () => {
          const job = ((await readJobs(b)) as JobView[]).find((j) => j.account === sim.url);
          return `${job?.state}|${job?.run?.exports.at(-1)?.error?.code}`;
        },
        { timeout: 20_000 },
      )
      .toBe('error|tab-closed');
    sim.setKnobs({ latencyMs: 30 });
  });
});

describe('the built content scripts', () => {
  it('never touch extension storage (settings and keys are not theirs to read, in any browser)', () => {
    for (const file of ['content-scripts/crm-loader.js', 'crm-ui.js']) {
      const code = readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
      expect(code, file).not.toMatch(/storage\.(local|sync|session|managed)|local:secrets|local:settings|session:tokens/);
    }
  });
});
