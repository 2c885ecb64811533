/**
 * Item 6: the Insights page on a store of 100,000 records (seeded as the export section seeds it,
 * in a browser of its own). First paint: from navigating to insights.html until every table shows
 * (`insights-status` data-ready="1"), read in the page (performance.now, navigation start = 0),
 * each load in a fresh tab. Filter change: from setting a date of the period filter until the
 * frame after the page re-rendered, measured in the page; each change alternates with «all time».
 */
import type { Page } from 'playwright-core';
import type { RemoteSim, Truth } from '../lib/remote-sim';
import { extensionPage, launch } from '../lib/browser';
import { seedSpec, storePage, type StoreBenchApi } from './store';

export interface InsightsBenchResult {
  rows: number;
  seed: { rows: number; ms: number };
  firstPaintMs: number[];
  filterMs: number[];
  /** Records the page says it shows (its status line), to check it read them all. */
  shown: string;
}

const FILTERS = ['createdFrom', 'archivedFrom', 'createdTo'] as const;
const DATES = ['2024-01-01', '2025-06-01', '2023-06-30'];

async function firstPaint(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const ready = await page.waitForFunction(() => (document.querySelector('[data-testid="insights-status"][data-ready="1"]') ? performance.now() : 0), null, {
    polling: 'raf',
    timeout: 120_000,
  });
  return (await ready.jsonValue()) as number;
}

/** One filter change, timed in the page: the change event until the frame after the re-render. */
function filterChange(page: Page, key: string, value: string): Promise<number> {
  return page.evaluate(
    async ([k, v]) => {
      const status = document.querySelector('[data-testid="insights-status"]')!;
      const before = status.textContent;
      const input = document.querySelector<HTMLInputElement>(`[data-testid="filter-${k}"]`)!;
      const t0 = performance.now();
      input.value = v;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ms = performance.now() - t0;
      if (status.textContent === before) throw new Error(`the filter ${k}=${v} changed nothing on the page`);
      return ms;
    },
    [key, value],
  );
}

export async function insightsBench(opts: {
  extDir: string;
  bundle: string;
  sim: RemoteSim;
  truth: Truth;
  rows: number;
  log: (s: string) => void;
}): Promise<InsightsBenchResult> {
  const b = await launch({ extDir: opts.extDir });
  try {
    const store = await storePage(b, opts.bundle);
    const seed = await store.evaluate(
      (s) => (globalThis as unknown as { __storeBench: StoreBenchApi }).__storeBench.seed(s),
      seedSpec(opts.sim, opts.truth, opts.rows),
    );
    await store.evaluate((o) => (globalThis as unknown as { __storeBench: StoreBenchApi }).__storeBench.seedJob(o, 1), opts.sim.url);
    await store.close();
    opts.log(`  seeded ${seed.rows} rows in ${(seed.ms / 1000).toFixed(1)} s`);
    const url = `${extensionPage(b, 'insights.html')}?${new URLSearchParams({ account: opts.sim.url, branch: '1' })}`;
    const firstPaintMs: number[] = [];
    const filterMs: number[] = [];
    let shown = '';
    for (let i = 0; i < 3; i++) {
      const page = await b.ctx.newPage();
      firstPaintMs.push(await firstPaint(page, url));
      shown = (await page.getByTestId('insights-status').textContent()) ?? '';
      if (i === 0) {
        for (let k = 0; k < FILTERS.length; k++) {
          filterMs.push(await filterChange(page, FILTERS[k], DATES[k]));
          filterMs.push(await filterChange(page, FILTERS[k], ''));
        }
      }
      await page.close();
    }
    opts.log(
      `  first paint ${firstPaintMs.map((x) => x.toFixed(0)).join(', ')} ms; filter changes ${filterMs.map((x) => x.toFixed(0)).join(', ')} ms; page: ${shown}`,
    );
    return { rows: opts.rows, seed, firstPaintMs, filterMs, shown };
  } finally {
    await b.close();
  }
}
