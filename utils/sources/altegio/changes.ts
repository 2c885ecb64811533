/**
 * Changes since the last good run (contract §1.3, §2.3): `changed_after` is the run's start minus
 * 10 minutes, written in the location's wall-clock time (the CRM reads it so), which the offset of
 * its own stamps (`2024-05-01T12:00:00+0300`) tells; an hour more covers a clock change between.
 * Rows of such an answer are checked against it (the fallback trap). Pure.
 */

const MARGIN_MS = 10 * 60_000 + 3600_000;
/** No offset known yet: the furthest any zone is ahead of UTC. */
const WIDEST_OFFSET_MIN = 14 * 60;

/** The UTC offset in minutes of a stamp like `2024-05-01T12:00:00+0300`, or null. */
export function offsetOf(stamp: unknown): number | null {
  const m = typeof stamp === 'string' ? /[T ]\d{2}:\d{2}(?::\d{2})?([+-])(\d{2}):?(\d{2})$/.exec(stamp) : null;
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
}

/** `changed_after` for changes since `sinceIso` (UTC), as the location's wall clock `YYYY-MM-DDTHH:MM:SS`. */
export function changedAfter(sinceIso: string, offsetMin: number | null): string {
  const offset = offsetMin ?? -WIDEST_OFFSET_MIN;
  const local = Date.parse(sinceIso) - MARGIN_MS + offset * 60_000;
  return new Date(local).toISOString().slice(0, 19);
}

/** Whether a row's `last_change_date` is at or after `changed_after` (wall clock against wall clock). */
export function changedSince(row: Record<string, unknown>, since: string): boolean {
  const stamp = row.last_change_date;
  if (typeof stamp !== 'string' || !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}/.test(stamp)) return false;
  return stamp.slice(0, 19).replace(' ', 'T') >= since;
}
