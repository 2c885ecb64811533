/**
 * End-to-end harness: Debian's Chromium, driven by playwright-core, with the built e2e
 * extension loaded; downloads land under their real names in a temporary folder.
 */
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags of every test and benchmark browser: quiet (no background traffic), headless-safe. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface Browser {
  ctx: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  downloadsDir: string;
  userDataDir: string;
  close: () => Promise<void>;
}

export async function launchBrowser(opts: { userDataDir?: string; downloadsDir?: string; locale?: string } = {}): Promise<Browser> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no e2e build in ${EXTENSION_DIR}: run \`npm run build:e2e\``);
  }
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'cae-profile-'));
  const downloadsDir = opts.downloadsDir ?? mkdtempSync(path.join(tmpdir(), 'cae-downloads-'));
  // Downloads started by the extension are renamed to GUIDs by Playwright unless Chromium's own
  // download settings are in force (toolchain notes).
  mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }),
  );
  const locale = opts.locale ?? 'en-US';
  // Chrome names its UI languages bare (uk, ru) but for a few such as en-US; an unknown one means English.
  const uiLanguage = locale.startsWith('en-') ? locale : locale.split('-')[0];
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    acceptDownloads: false,
    viewport: { width: 1280, height: 900 },
    // `locale` is the pages'; the extension's texts (_locales) follow the browser's UI language, set by --lang.
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CHROMIUM_FLAGS, `--lang=${uiLanguage}`],
  });
  const browserSession = await ctx.browser()?.newBrowserCDPSession();
  await browserSession?.send('Browser.setDownloadBehavior', { behavior: 'default' });

  const worker = async () => ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    ctx,
    extensionId,
    worker,
    downloadsDir,
    userDataDir,
    close: () => ctx.close(),
  };
}

/** What the helpers below need of a browser: the e2e harness's, or the benchmark's. */
type WithExtension = { ctx: BrowserContext; extensionId: string | null };

export function extensionPage(b: WithExtension, page: 'popup.html' | 'options.html' | 'insights.html'): string {
  return `chrome-extension://${b.extensionId}/${page}`;
}

/** Pages of the simulated CRM the tests and the benchmark open. */
export const ARCHIVE = '/company/1/lead/index?LeadSearch%5Bf_removed%5D=2';
export const DASHBOARD = '/company/1/dashboard/index';
/** Evaluated in the content script's world: 'mounted' | 'idle', 'not-ready' before it runs. */
export const CONTENT_STATE = 'globalThis.__crmArchiveExport?.() ?? "not-ready"';

export type ExportOutcome = { ok: true; text: string; fileName: string } | { ok: false; text: string };

/** Clicks «Export archive» and waits for the line it ends with: the saved file, or the error. */
export async function clickExportArchive(page: Page, timeout = 300_000): Promise<ExportOutcome> {
  await page.getByTestId('export-archive').click();
  return exportOutcome(page, timeout);
}

/** The line an export that was clicked ends with: the saved file, or the error. */
export async function exportOutcome(page: Page, timeout = 300_000): Promise<ExportOutcome> {
  await page.getByTestId('export-done').or(page.getByTestId('export-error')).waitFor({ timeout });
  const error = page.getByTestId('export-error');
  if (await error.count()) return { ok: false, text: (await error.textContent()) ?? '' };
  const text = (await page.getByTestId('export-done').textContent()) ?? '';
  return { ok: true, text, fileName: /Saved (.+\.(?:csv|xlsx)):/.exec(text)?.[1] ?? '' };
}

/** Logs into the simulated CRM through its login form, as a person would. */
export async function loginToCrm(page: Page, baseUrl: string, user: string, password: string, backUrl = '/company/1/lead/index'): Promise<void> {
  await page.goto(`${baseUrl}/login?backUrl=${encodeURIComponent(backUrl)}`);
  if (new URL(page.url()).pathname.startsWith('/company/')) {
    // Still logged in from an earlier test: the CRM sends the login page on to the app.
    if (!page.url().endsWith(backUrl)) await page.goto(baseUrl + backUrl);
    return;
  }
  await page.fill('input[name="LoginForm[username]"]', user);
  await page.fill('input[name="LoginForm[password]"]', password);
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/company/')), page.click('#login-form [type="submit"]')]);
}

/** Fills and saves the options page; returns the text of `settings-status` once it settles. */
export async function configureApi(b: WithExtension, crmUrl: string, email: string, apiKey: string, timeout?: number): Promise<string> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'options.html'));
  await page.getByTestId('crm-url').fill(crmUrl);
  await page.getByTestId('api-email').fill(email);
  await page.getByTestId('api-key').fill(apiKey);
  await page.getByTestId('save-settings').click();
  const status = page.getByTestId('settings-status');
  await status.filter({ hasNotText: /checking|^$/ }).waitFor({ timeout });
  const text = (await status.textContent()) ?? '';
  await page.close();
  return text;
}

export function listDownloads(dir: string): string[] {
  return readdirSync(dir).filter((f) => !f.endsWith('.crdownload'));
}

/**
 * Evaluates `expression` in the extension's content-script world of `page` (an isolated world
 * the page cannot see), or returns `absent` when no content script runs there.
 */
export async function inContentScriptWorld(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; name: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    const aux = e.context.auxData as { type?: string } | undefined;
    worlds.push({ id: e.context.id, name: e.context.name, type: aux?.type });
  });
  await cdp.send('Runtime.enable'); // replays the contexts that already exist
  await cdp.send('Runtime.disable');
  const world = worlds.find((w) => w.type === 'isolated' && w.name === 'CRM Archive Export');
  if (!world) {
    await cdp.detach();
    return 'absent';
  }
  const res = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true });
  await cdp.detach();
  return res.result.value;
}

/** Stops the extension's service worker, as Chromium does when it idles (CDP from an extension page). */
export async function stopServiceWorker(b: Browser): Promise<void> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'options.html'));
  const cdp = await b.ctx.newCDPSession(page);
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated' as never, (e: { versions: { runningStatus: string; scriptURL: string }[] }) => {
      if (e.versions.some((v) => v.scriptURL.includes(b.extensionId) && v.runningStatus === 'stopped')) resolve();
    }),
  );
  await cdp.send('ServiceWorker.enable' as never);
  await cdp.send('ServiceWorker.stopAllWorkers' as never);
  await stopped;
  await cdp.detach();
  await page.close();
}

export interface StoredRow {
  id: number;
  api?: { archived: boolean; record: { is_study: number } };
  ui?: { archived: boolean; kind: string; columnId: number | null };
}

/** All rows of one table of the extension's store, read in an extension page. */
export function readTable<T>(page: Page, table: 'rows' | 'jobs'): Promise<T[]> {
  return page.evaluate(async (name) => {
    const req = indexedDB.open('crm-archive-export');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<unknown[]>((resolve) => {
      const q = db.transaction(name).objectStore(name).getAll();
      q.onsuccess = () => resolve(q.result);
    });
    db.close();
    return all;
  }, table) as Promise<T[]>;
}

async function withExtensionPage<T>(b: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await b.ctx.newPage();
  await page.goto(extensionPage(b, 'popup.html'));
  try {
    return await work(page);
  } finally {
    await page.close();
  }
}

/** Every record in the extension's store. */
export function readStore(b: Browser): Promise<StoredRow[]> {
  return withExtensionPage(b, (page) => readTable<StoredRow>(page, 'rows'));
}

/** The sync jobs in the extension's store (for diagnostics in failing tests). */
export function readJobs(b: Browser): Promise<unknown[]> {
  return withExtensionPage(b, (page) => readTable(page, 'jobs'));
}
