/**
 * The period filter. Created-between keeps records created in the range. Archived-between keeps
 * only archived records archived in the range (the question is then «what did we lose then»):
 * active records and archived ones without a known date are left out.
 */
import { dayNumber } from './dates';
import type { PreparedData } from './prepare-data';
import type { PeriodFilter } from './types';

const bound = (s: string | undefined, open: number): number => {
  const d = s ? dayNumber(s) : NaN;
  return Number.isNaN(d) ? open : d;
};

export const isArchivedFilterOn = (f: PeriodFilter): boolean => Boolean(f.archivedFrom || f.archivedTo);
export const isCreatedFilterOn = (f: PeriodFilter): boolean => Boolean(f.createdFrom || f.createdTo);

/** 1 for each record the filter keeps. */
export function filterMask(prep: PreparedData, f: PeriodFilter): Uint8Array {
  const mask = new Uint8Array(prep.n);
  const byCreated = isCreatedFilterOn(f);
  const byArchived = isArchivedFilterOn(f);
  const cFrom = bound(f.createdFrom, -Infinity),
    cTo = bound(f.createdTo, Infinity);
  const aFrom = bound(f.archivedFrom, -Infinity),
    aTo = bound(f.archivedTo, Infinity);
  const { createdDay, archivedDay } = prep;
  for (let i = 0; i < prep.n; i++) {
    // NaN fails every comparison: undated records drop out once their filter is on.
    if (byCreated && !(createdDay[i] >= cFrom && createdDay[i] <= cTo)) continue;
    if (byArchived && !(archivedDay[i] >= aFrom && archivedDay[i] <= aTo)) continue;
    mask[i] = 1;
  }
  return mask;
}
