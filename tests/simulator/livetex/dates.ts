/**
 * Datetimes as LiveTex writes and reads them (contract §1.2): stored as epoch ms, written in
 * Moscow time (UTC+3 all year) without offset, read in many forms.
 */
import type { DatetimeForm } from './types';

export const DAY = 86_400_000;
const MSK = 3 * 3_600_000;
/** The generated leads end here (12:00 Moscow); they span the 24 months before it. */
export const DATA_END = Date.UTC(2025, 11, 10, 9, 0, 0);
export const DATA_START = DATA_END - 730 * DAY;

/** Now, never earlier than the day after the generated data (so new leads always come last). */
export function nowMs(): number {
  return Math.max(Math.floor(Date.now() / 1000) * 1000, DATA_END + DAY);
}

export function formatDatetime(ms: number, form: DatetimeForm = 'msk'): string {
  if (form === 'utc_z') return new Date(ms).toISOString().slice(0, 19) + 'Z';
  const msk = new Date(ms + MSK).toISOString().slice(0, 19);
  if (form === 'space') return msk.replace('T', ' ');
  if (form === 'offset') return `${msk}+03:00`;
  return msk;
}

/** A half-open interval [from, to) of epoch ms: what a datetime input denotes at its precision. */
export interface Span {
  from: number;
  to: number;
}

function mskSpan(y: number, mo: number, d: number, h: number, mi: number, s: number, unit: number, offsetMs = MSK): Span | null {
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const from = utc - offsetMs;
  return { from, to: from + unit };
}

function offsetOf(z: string | undefined): number | null {
  if (!z) return MSK;
  if (z === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

const startOfMskDay = (ms: number) => Math.floor((ms + MSK) / DAY) * DAY - MSK;

function relative(word: string, now: number): Span | null {
  const today = startOfMskDay(now);
  switch (word) {
    case 'today':
      return { from: today, to: today + DAY };
    case 'lastday':
      return { from: now - DAY, to: now + 1000 };
    case 'last3days':
      return { from: now - 3 * DAY, to: now + 1000 };
    case 'lastweek':
      return { from: now - 7 * DAY, to: now + 1000 };
    case 'lastmonth':
      return { from: now - 30 * DAY, to: now + 1000 };
    case 'lastyear':
      return { from: now - 365 * DAY, to: now + 1000 };
    default:
      return null;
  }
}

/** The span a datetime input names, or null when it is not a datetime. */
export function parseDatetimeInput(raw: string, now = nowMs()): Span | null {
  const v = raw.trim();
  const n = (s: string | undefined) => (s === undefined ? 0 : Number(s));
  let m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (m) {
    const off = offsetOf(m[7]);
    if (off === null) return null;
    return mskSpan(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]), m[6] === undefined ? 60_000 : 1000, off);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return mskSpan(n(m[1]), n(m[2]), n(m[3]), 0, 0, 0, DAY);
  m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(v);
  if (m) return mskSpan(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]), 1000);
  m = /^(\d{2})\.(\d{2})\.(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (m) {
    const unit = m[4] === undefined ? DAY : m[6] === undefined ? 60_000 : 1000;
    return mskSpan(n(m[3]), n(m[2]), n(m[1]), n(m[4]), n(m[5]), n(m[6]), unit);
  }
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  if (m) return mskSpan(n(m[3]), n(m[1]), n(m[2]), 0, 0, 0, DAY);
  return relative(v.toLowerCase(), now);
}
