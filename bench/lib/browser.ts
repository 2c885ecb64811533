/**
 * Chromium for the benchmark: Debian's /usr/bin/chromium through playwright-core, with the built
 * e2e extension loaded from a private snapshot (or with no extension at all, for baselines).
 * Flags and the options-page helper come from tests/e2e/harness.ts; downloads land under their real names.
 */
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';

import { CHROMIUM, CHROMIUM_FLAGS, configureApi as configureInOptions } from '../../tests/e2e/harness';

export interface BenchBrowser {
  ctx: BrowserContext;
  /** null when launched without the extension. */
  extensionId: string | null;
  downloadsDir: string;
  userDataDir: string;
  /** Browser-level CDP session (SystemInfo, Browser domains). */
  cdp: CDPSession;
  /** Closes the browser and deletes its profile and downloads, unless `keepProfile`. */
  close: (opts?: { keepProfile?: boolean }) => Promise<void>;
}

/**
 * A new browser; with `userDataDir` and `downloadsDir` of an earlier launch it starts again on
 * that profile (store, settings) with fresh processes.
 */
export async function launch(opts: { extDir: string | null; userDataDir?: string; downloadsDir?: string }): Promise<BenchBrowser> {
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'cae-bench-profile-'));
  const downloadsDir = opts.downloadsDir ?? mkdtempSync(path.join(tmpdir(), 'cae-bench-downloads-'));
  const prefs = path.join(userDataDir, 'Default', 'Preferences');
  if (!existsSync(prefs)) {
    mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(prefs, JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }));
  }
  const ext = opts.extDir ? [`--disable-extensions-except=${opts.extDir}`, `--load-extension=${opts.extDir}`] : [];
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    acceptDownloads: false,
    viewport: { width: 1280, height: 900 },
    // English texts in the extension too (its _locales follow the UI language), whatever the machine's.
    args: [...ext, ...CHROMIUM_FLAGS, '--lang=en-US'],
  });
  const browser = ctx.browser();
  if (!browser) throw new Error('no browser handle for the persistent context');
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  let extensionId: string | null = null;
  if (opts.extDir) {
    const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    ctx,
    extensionId,
    downloadsDir,
    userDataDir,
    cdp,
    close: async (o) => {
      await ctx.close().catch(() => undefined);
      if (!o?.keepProfile) for (const dir of [userDataDir, downloadsDir]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The e2e harness's helpers the benchmark uses as they are. */
export { extensionPage, listDownloads, loginToCrm } from '../../tests/e2e/harness';

/** The e2e harness's options-page helper, with the benchmark's longer patience. */
export function configureApi(b: BenchBrowser, crmUrl: string, email: string, apiKey: string): Promise<string> {
  return configureInOptions(b, crmUrl, email, apiKey, 60_000);
}

// ---------------------------------------------------------------------------------------------
// Process memory: Chromium's own process list (SystemInfo.getProcessInfo) gives the PIDs of this
// browser; /proc gives their memory. Extension renderers carry --extension-process.

export interface ProcInfo {
  pid: number;
  type: string;
  extension: boolean;
}

export async function browserProcesses(b: BenchBrowser): Promise<ProcInfo[]> {
  const res = (await b.cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  return res.processInfo.map((p) => {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${p.id}/cmdline`, 'utf8');
    } catch {
      // gone meanwhile
    }
    return { pid: p.id, type: p.type, extension: cmd.includes('--extension-process') };
  });
}

/** Resident, proportional and private set size of a process in bytes (zeros when it is gone). */
export function processMemory(pid: number): { rss: number; pss: number; priv: number } {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('Rss'), pss: kb('Pss'), priv: kb('Private_Clean') + kb('Private_Dirty') };
  } catch {
    return { rss: 0, pss: 0, priv: 0 };
  }
}
