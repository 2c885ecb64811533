/**
 * For the benchmark's Altegio row (the lead adds it): one «Export clients» timed, its requests
 * counted per channel from the simulator's stats, against the floor the contract's pace allows
 * (3 a second, 150 a minute, one at a time: the extension's own limits, shared by every channel).
 */
import type { AltegioStats } from '../../tests/simulator/altegio/server';

/**
 * The least time `requests` can take at `perSecond` and `perMinute`: the last one's earliest
 * start. Each minute's allowance goes at `perSecond`, then the next minute is waited for.
 */
export function contractFloorMs(requests: number, perSecond = 3, perMinute = 150): number {
  if (requests <= 1) return 0;
  const last = requests - 1;
  const minute = Math.max(60_000, (perMinute / perSecond) * 1000);
  return Math.floor(last / perMinute) * minute + ((last % perMinute) / perSecond) * 1000;
}

export interface AltegioExportMeasure {
  /** `bulk` when the page token read the bulk list, `cards` when it read one card per client. */
  channel: 'bulk' | 'cards';
  ms: number;
  /** Rate-limited requests of the export, both origins. */
  requests: number;
  byOriginKind: Record<string, number>;
  floorMs: number;
  /** Measured time ÷ floor. */
  ratio: number;
}

/** Times one export: `click` resolves once the file is saved; the stats are the simulator's. */
export async function measureAltegioExport(
  sim: { resetStats(): unknown; stats(): AltegioStats | Promise<AltegioStats> },
  click: () => Promise<void>,
): Promise<AltegioExportMeasure> {
  await sim.resetStats();
  const started = performance.now();
  await click();
  const ms = performance.now() - started;
  const stats = await sim.stats();
  const requests = Object.entries(stats.byKind)
    .filter(([kind]) => !['page', 'signin', 'other'].includes(kind))
    .reduce((n, [, c]) => n + c, 0);
  const floorMs = contractFloorMs(requests);
  return {
    channel: (stats.byKind['client-info'] ?? 0) > 0 ? 'cards' : 'bulk',
    ms,
    requests,
    byOriginKind: stats.byOriginKind,
    floorMs,
    ratio: floorMs ? ms / floorMs : 0,
  };
}
