/**
 * Dates in the location's local time (Kyiv: +0200, +0300 in summer), formatted as YCLIENTS does:
 * `2024-05-01T12:00:00+0300`. `changed_after` compares the local wall-clock part.
 */
import { stamp } from '../dates';

const HOUR = 3_600_000;
/** Generated data lies between these; mutations use the real clock, so they are always newer. */
export const DATA_START = Date.UTC(2022, 0, 10, 8, 0, 0);
export const DATA_END = Date.UTC(2025, 5, 30, 18, 0, 0);

/** UTC ms of 01:00 UTC on the last Sunday of the month (the EU switch moment). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1, 0, 0));
  return last.getTime() - last.getUTCDay() * 24 * HOUR;
}

export function kyivOffsetHours(utcMs: number): 2 | 3 {
  const year = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSunday(year, 2) && utcMs < lastSunday(year, 9) ? 3 : 2;
}

/** `YYYY-MM-DDTHH:MM:SS+0300` */
export function localStamp(utcMs: number): string {
  const off = kyivOffsetHours(utcMs);
  return `${stamp(utcMs + off * HOUR).replace(' ', 'T')}+0${off}00`;
}

/** `YYYY-MM-DD HH:MM:SS` local (custom datetime fields). */
export function localDateTime(utcMs: number): string {
  return stamp(utcMs + kyivOffsetHours(utcMs) * HOUR);
}

/** `YYYY-MM-DD` local. */
export function localDay(utcMs: number): string {
  return localDateTime(utcMs).slice(0, 10);
}

/** The wall-clock part of a stamp, comparable as a string: `YYYY-MM-DDTHH:MM:SS`. */
export function wallClock(s: string): string {
  return s.slice(0, 19);
}

/** A `changed_after` value (`2000-01-01T00:00:00`, or a space, or a bare date) to wall-clock form; null if invalid. */
export function parseFilterDate(raw: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$/.exec(raw.trim());
  if (!m) return null;
  const time = m[2] ? (m[2].length === 5 ? `${m[2]}:00` : m[2]) : '00:00:00';
  return `${m[1]}T${time}`;
}
