/**
 * Firefox end-to-end harness: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi,
 * with the Firefox e2e build installed as a temporary add-on (BiDi `webExtension.install`).
 * Extension pages cannot be opened there, so tests go through the CRM page and its content
 * script only. Downloads land in a temporary folder without a dialog (profile prefs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIREFOX_EXTENSION_DIR = path.join(ROOT, '.output/firefox-mv3-e2e');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Written after a successful build: WXT leaves unchanged files (manifest too) untouched. */
const STAMP = path.join(ROOT, '.output/.firefox-mv3-e2e.stamp');
/** What the extension is built from. */
const SOURCES = ['entrypoints', 'components', 'utils', 'assets', 'public', 'wxt.config.ts', 'package.json', 'tsconfig.json'];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Builds `.output/firefox-mv3-e2e` unless a build newer than every source is already there. */
export function ensureFirefoxBuild(): void {
  const built = existsSync(path.join(FIREFOX_EXTENSION_DIR, 'manifest.json')) && existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  if (built > sources) return;
  const res = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], { cwd: ROOT, encoding: 'utf8' });
  if (res.status !== 0) {
    throw new Error(`\`wxt build -b firefox --mv3 --mode e2e\` failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  }
  writeFileSync(STAMP, new Date().toISOString());
}

export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
  downloadsDir: string;
  close: () => Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox ESR not found at ${FIREFOX}: install it with \`apt-get update && apt-get install -y firefox-esr\` (.ci/run does)`);
  }
  const downloadsDir = mkdtempSync(path.join(tmpdir(), 'cae-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Downloads go straight to downloadsDir, no dialog, no panel.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'text/csv',
      'browser.download.alwaysOpenPanel': false,
      // English texts on the button line, whatever the machine's locale.
      'intl.locale.requested': 'en-US',
      'intl.accept_languages': 'en-US, en',
    },
  });
  try {
    const extensionId = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return { browser, extensionId, downloadsDir, close: () => browser.close() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Logs into the simulated CRM through its login form, as a person would. */
export async function loginToCrm(page: Page, baseUrl: string, user: string, password: string, backUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login?backUrl=${encodeURIComponent(backUrl)}`);
  await page.locator('#login-form input[name="LoginForm[username]"]').fill(user);
  await page.locator('#login-form input[name="LoginForm[password]"]').fill(password);
  await Promise.all([page.waitForNavigation(), page.locator('#login-form [type="submit"]').click()]);
  if (!new URL(page.url()).pathname.startsWith('/company/')) throw new Error(`login failed: still at ${page.url()}`);
}

/** Selector for an element with this data-testid, looking into open shadow roots too. */
export function byTestId(testId: string): string {
  return `>>> [data-testid="${testId}"]`;
}
