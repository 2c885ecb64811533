/** Section 7 of the report (Altegio's and LiveTex's exports) and its targets; bench/report.ts calls these. */
import { fmtMs } from './lib/stats';
import { results, type Target } from './lib/results';

/**
 * Ratios are judged at ≤ 1.25× the contract's floor: both pacers keep a margin under the
 * contract's pace by design (Altegio 3 per 1.05 s, a turn counted until its answer; LiveTex one
 * start per 550 ms where 2/s allows 500, itself 1.10×), so 1.10× as for AlfaCRM's sync would
 * leave nothing for the requests' own time.
 */
const RATIO_LIMIT = 1.25;

export function sourcesTargets(add: (t: Omit<Target, 'pass'>) => void): void {
  const s = results.sources;
  if (!s) return;
  for (const r of s.runs) {
    add({
      id: `${r.id}-floor`,
      target: `${r.what}: ≤ ${RATIO_LIMIT.toFixed(2)}× the floor at the contract's pace (${r.floorRule})`,
      value: r.ok && r.fileRows === r.expectedRows ? r.ratio : null,
      limit: RATIO_LIMIT,
      measured: r.ok
        ? `${r.ratio.toFixed(2)}× (${fmtMs(r.ms)}; floor ${fmtMs(r.floorMs)} for ${r.requests} requests)${r.fileRows === r.expectedRows ? '' : `; file ${r.fileRows} of ${r.expectedRows} rows`}`
        : `FAILED: ${r.error} after ${fmtMs(r.ms)}`,
    });
  }
  const over = s.runs.reduce((n, r) => n + r.status429, 0);
  add({
    id: 'sources-429',
    target: "0 requests over the simulators' limits (429s) in Altegio's and LiveTex's exports",
    value: over,
    limit: 0,
    measured: `${over} (${s.runs.map((r) => `${r.id}: ${r.status429}`).join(', ')})`,
  });
}

function table(headers: string[], rows: string[][]): string {
  const cells = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function reportSources(out: string[]): void {
  const s = results.sources;
  if (!s) return;
  out.push(`\n## 7. Altegio and LiveTex exports (their buttons → CSV on disk; a fresh browser and simulator each, ${s.latencyMs} ms per request; n = 1 each)`);
  out.push(
    table(
      ['export', 'file rows', 'time', 'requests', 'by channel', '429s', 'floor', '× floor'],
      s.runs.map((r) => [
        r.what,
        `${r.fileRows}/${r.expectedRows}`,
        r.ok ? fmtMs(r.ms) : `FAILED: ${r.error}`,
        String(r.requests),
        Object.entries(r.byChannel)
          .map(([k, n]) => `${k} ${n}`)
          .join(', '),
        String(r.status429),
        `${fmtMs(r.floorMs)} at ${r.floorRule}`,
        `${r.ratio.toFixed(2)}×`,
      ]),
    ),
  );
  const lt = s.runs.find((r) => r.pacerFloorMs !== undefined);
  out.push(
    "floor: the last request's earliest start when requests go at the contract's pace, one at a time (bench/lib/altegio-export.ts contractFloorMs): " +
      'Altegio 3 a second and 150 a minute, every channel together (the official limit is 5 and 200); LiveTex 2 a second (contract §1.6; the simulator refuses past 5/s per token, 120/min per account)' +
      (lt?.pacerFloorMs
        ? `; at the LiveTex pacer's own 550 ms gap the floor is ${fmtMs(lt.pacerFloorMs)} (${(lt.ms / lt.pacerFloorMs).toFixed(2)}× of it measured).`
        : '.') +
      ' Time runs from the click to the «Saved» line. Per card, each client is one request: the whole location (BENCH_ALTEGIO_CARDS=full) is over 12 minutes at 150 a minute.',
  );
}
