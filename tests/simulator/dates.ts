/**
 * Dates as AlfaCRM prints them. Times are naive local (Kyiv) times; internally they are epoch
 * milliseconds read with the UTC getters, so formatting never depends on the host's zone.
 */

const P2: string[] = [];
for (let i = 0; i < 100; i++) P2.push(i < 10 ? `0${i}` : String(i));

/** The generated data ends here (the captures were taken around 2025-12-10). */
const DAY = 86_400_000;
export const DATA_END = Date.UTC(2025, 11, 10, 12, 0, 0);
export const DATA_START = Date.UTC(2021, 0, 11, 9, 0, 0);

/** `YYYY-MM-DD HH:MM:SS` */
export function stamp(ms: number): string {
  // Civil-from-days (H. Hinnant): no Date objects, it runs ~150k times at start-up.
  const days = Math.floor(ms / DAY);
  let secs = Math.floor((ms - days * DAY) / 1000);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(secs / 3600);
  secs -= h * 3600;
  const mi = Math.floor(secs / 60);
  return `${y}-${P2[m]}-${P2[d]} ${P2[h]}:${P2[mi]}:${P2[secs - mi * 60]}`;
}

/** `YYYY-MM-DD` */
export function isoDay(ms: number): string {
  return stamp(ms).slice(0, 10);
}

/** `DD.MM.YYYY` from `YYYY-MM-DD…` */
export function dmy(isoOrStamp: string): string {
  return `${isoOrStamp.slice(8, 10)}.${isoOrStamp.slice(5, 7)}.${isoOrStamp.slice(0, 4)}`;
}

/** `DD.MM` (board cards print no year) */
export function dm(isoOrStamp: string): string {
  return `${isoOrStamp.slice(8, 10)}.${isoOrStamp.slice(5, 7)}`;
}

/** `DD.MM.YYYY HH:MM` */
export function dmyHm(st: string): string {
  return `${dmy(st)} ${st.slice(11, 16)}`;
}

/** Wall-clock "now" in Kyiv winter time, never earlier than the generated data. */
export function nowMs(): number {
  return Math.max(Date.now() + 2 * 3_600_000, DATA_END + DAY);
}

/**
 * A filter date to `YYYY-MM-DD` (accepts `YYYY-MM-DD[ HH:MM:SS]` and `DD.MM.YYYY`); null when
 * the value is not a date.
 */
export function normDay(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(v);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  return null;
}

export { DAY };
