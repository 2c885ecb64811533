/**
 * LiveTex's datetimes as instants, only to compare them (contract §1.2, §3): files keep them as
 * received. Without an offset they are Moscow time, UTC+3 all year.
 */
const MSK_OFFSET_MS = 3 * 3600_000;
const WALL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms of a LiveTex datetime; NaN when it is none of the forms LiveTex writes. */
export function datetimeMs(value: unknown): number {
  if (typeof value !== 'string') return NaN;
  const v = value.trim();
  const wall = WALL.exec(v);
  if (wall) {
    const [y, mo, d, h, mi, s] = wall.slice(1).map((x) => Number(x ?? 0));
    return Date.UTC(y, mo - 1, d, h, mi, s) - MSK_OFFSET_MS;
  }
  if (WITH_OFFSET.test(v)) return Date.parse(v.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return NaN;
}

/** -1, 0 or 1 as `a` is earlier, the same or later than `b`; 0 when either cannot be read. */
export function compareDatetimes(a: unknown, b: unknown): number {
  const x = datetimeMs(a);
  const y = datetimeMs(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return 0;
  return Math.sign(x - y);
}
