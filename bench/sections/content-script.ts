/**
 * Item 4: what the content script costs on a CRM page that is not an archive/leads page
 * (/company/1/dashboard/index, where it stays idle). The manifest injects only the loader
 * (content-scripts/crm-loader.js); the full UI part (crm-ui.js) must not come in here.
 *
 * - Attributed time: a Chromium trace (devtools.timeline, v8.execute) of each page load; the
 *   renderer main-thread events that name one of the extension's script URLs (EvaluateScript of
 *   crm-loader.js with its compile and run, later FunctionCalls into it, and the same for
 *   crm-ui.js had it been injected), nested ones counted once.
 *   Both wall time (`dur`) and the thread's own CPU time (`tdur`): on a shared, loaded machine
 *   wall time also counts the moments the OS ran something else; CPU time does not.
 * - A/B: the page's whole main-thread task time (top-level RunTask on the page's renderer main
 *   thread, from navigation to 1 s after load) with the extension loaded and without it.
 * - Bytes: the size of what the manifest injects on every CRM page (its content_scripts js and
 *   css files). The button's own CSS goes into its shadow root only when the button mounts (it
 *   is inlined in crm-ui.js); that neither the button nor crm-ui.js is here is checked below.
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RemoteSim } from '../lib/remote-sim';
import { DASHBOARD, inContentScriptWorld } from '../../tests/e2e/harness';
import { launch, loginToCrm, type BenchBrowser } from '../lib/browser';
import { median, sleep } from '../lib/stats';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread clock: start and duration in CPU time of the thread. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: Record<string, unknown>;
}

export interface ContentScriptLoad {
  /** Main-thread wall time in events naming the extension's scripts (ms). */
  attributedMs: number;
  /** The same events' CPU time on the main thread (ms). */
  attributedCpuMs: number;
  evaluateScriptMs: number;
  /** All top-level task time of the page's renderer main thread in the window: wall and CPU (ms). */
  pageMainThreadMs: number;
  pageMainThreadCpuMs: number;
}

export interface ContentScriptResult {
  withExtension: ContentScriptLoad[];
  withoutExtension: ContentScriptLoad[];
  bytes: { js: number; jsGzip: number; css: number; files: string[]; buttonMounted: boolean };
  state: string;
  /** Whether the full UI part (crm-ui.js) was injected on the page (it should not be). */
  uiPartLoaded: boolean;
}

function union(intervals: [number, number][]): number {
  const sorted = intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

function analyse(events: TraceEvent[], pageUrl: string, scriptUrl: string | null): ContentScriptLoad {
  // The page's renderer main thread: where its HTML was parsed.
  const parse = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(pageUrl));
  if (!parse) throw new Error('trace: no ParseHTML for the page');
  const onThread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur !== undefined);
  const nav = events.find((e) => e.pid === parse.pid && e.name === 'ResourceSendRequest' && JSON.stringify(e.args ?? {}).includes(pageUrl));
  const start = nav?.ts ?? parse.ts - 50_000;
  const wall = (list: TraceEvent[]) => union(list.map((e) => [e.ts, e.ts + e.dur!])) / 1000;
  const cpu = (list: TraceEvent[]) => union(list.filter((e) => e.tts !== undefined && e.tdur !== undefined).map((e) => [e.tts!, e.tts! + e.tdur!])) / 1000;
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ts >= start);
  const pageMainThreadMs = wall(tasks);
  const pageMainThreadCpuMs = cpu(tasks);
  if (!scriptUrl) return { attributedMs: 0, attributedCpuMs: 0, evaluateScriptMs: 0, pageMainThreadMs, pageMainThreadCpuMs };
  const ours = onThread.filter((e) => JSON.stringify(e.args ?? {}).includes(scriptUrl));
  const evaluateScriptMs = ours.filter((e) => e.name === 'EvaluateScript').reduce((n, e) => n + e.dur!, 0) / 1000;
  return { attributedMs: wall(ours), attributedCpuMs: cpu(ours), evaluateScriptMs, pageMainThreadMs, pageMainThreadCpuMs };
}

async function tracedLoad(b: BenchBrowser, page: Page, url: string): Promise<TraceEvent[]> {
  await page.goto('about:blank');
  const browser = b.ctx.browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'toplevel', 'disabled-by-default-devtools.timeline'] });
  await page.goto(url);
  await page.waitForLoadState('load');
  await sleep(1000);
  const buf = await browser.stopTracing();
  const parsed = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export async function contentScriptBench(opts: { extDir: string; sim: RemoteSim; loads: number; log: (s: string) => void }): Promise<ContentScriptResult> {
  const { sim } = opts;
  const url = sim.url + DASHBOARD;
  const manifest = JSON.parse(readFileSync(path.join(opts.extDir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
  const jsFiles = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const cssFiles = (manifest.content_scripts ?? []).flatMap((c) => c.css ?? []);
  const size = (f: string) => statSync(path.join(opts.extDir, f)).size;
  const result: ContentScriptResult = {
    withExtension: [],
    withoutExtension: [],
    bytes: {
      js: jsFiles.reduce((n, f) => n + size(f), 0),
      jsGzip: jsFiles.reduce((n, f) => n + gzipSync(readFileSync(path.join(opts.extDir, f))).length, 0),
      css: cssFiles.reduce((n, f) => n + size(f), 0),
      files: [...jsFiles, ...cssFiles],
      buttonMounted: false,
    },
    state: '',
    uiPartLoaded: false,
  };

  for (const withExt of [true, false]) {
    const b = await launch({ extDir: withExt ? opts.extDir : null });
    try {
      const page = await b.ctx.newPage();
      await loginToCrm(page, sim.url, sim.credentials.uiLogin, sim.credentials.uiPassword, DASHBOARD);
      // Every script of the extension: the loader, and the UI part if it were injected here.
      const scriptUrl = withExt ? `chrome-extension://${b.extensionId}/` : null;
      // One untraced load first, so both sides start with warm caches.
      await page.goto(url);
      for (let i = 0; i < opts.loads; i++) {
        const events = await tracedLoad(b, page, url);
        const load = analyse(events, url, scriptUrl);
        (withExt ? result.withExtension : result.withoutExtension).push(load);
      }
      if (withExt) {
        result.bytes.buttonMounted = (await page.locator('crm-archive-export').count()) > 0;
        result.state = String(await inContentScriptWorld(page, 'globalThis.__crmArchiveExport?.() ?? "not-ready"'));
        result.uiPartLoaded = (await inContentScriptWorld(page, 'globalThis.__crmArchiveUiPart !== undefined')) === true;
      }
    } finally {
      await b.close();
    }
    const loads = withExt ? result.withExtension : result.withoutExtension;
    opts.log(
      `  ${withExt ? 'with' : 'without'} the extension: page main thread ${median(loads.map((l) => l.pageMainThreadMs)).toFixed(1)} ms wall, ${median(loads.map((l) => l.pageMainThreadCpuMs)).toFixed(1)} ms CPU` +
        (withExt
          ? `; content script ${median(loads.map((l) => l.attributedMs)).toFixed(2)} ms wall, ${median(loads.map((l) => l.attributedCpuMs)).toFixed(2)} ms CPU`
          : ''),
    );
  }
  return result;
}
