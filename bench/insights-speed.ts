/**
 * `npx tsx bench/insights-speed.ts [records]`: time of the Insights maths on synthetic records.
 * Prints the three steps (load, settings change, filter change), each the median of several runs.
 * The target: a filter change recomputing every table well under 200 ms for 100,000 records.
 */
import { computeInsights, prepareData, prepareView } from '../utils/insights/compute';
import { makeDemoData } from '../utils/insights/demo-data';
import { defaultSettings } from '../utils/insights/settings';
import type { PeriodFilter } from '../utils/insights/types';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = 7;

function median(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1];
}

const data = makeDemoData(N);
const prep = prepareData(data);
const view = prepareView(prep, defaultSettings());
const filters: PeriodFilter[] = [{}, { createdFrom: '2025-01-01', createdTo: '2025-06-30' }, { archivedFrom: '2025-03-01', archivedTo: '2025-03-31' }];
let f = 0;
const rows = [
  ['load (prepareData)', median(() => prepareData(data))],
  ['settings change (prepareView)', median(() => prepareView(prep, defaultSettings()))],
  ['filter change (computeInsights)', median(() => computeInsights(view, filters[f++ % filters.length], 1))],
  ['everything from scratch', median(() => computeInsights(prepareView(prepareData(data), defaultSettings()), {}, 1))],
] as const;
console.log(`Insights maths, ${N.toLocaleString('en')} records, median of ${RUNS} runs (node ${process.version})`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms`);
