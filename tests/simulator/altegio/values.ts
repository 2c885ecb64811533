/** Seeded generators for one client's fields and custom values (formats as observed, some hostile). */
import type { Rng } from '../random';
import type { CustomValue, Definition } from './types';
import { DATA_END, DATA_START, localDateTime, localDay } from './dates';
import { COMMENT_PARTS, HOSTILE_COMMENTS, INSTAGRAM, LATIN, MAIL_DOMAINS, NOTES } from './words';

const UA_CODES = ['50', '63', '66', '67', '68', '73', '93', '95', '96', '97', '98', '99'];

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** '+79261234567', '380671234567' or the number 79261234567 (all observed). */
export function phone(rng: Rng): string | number {
  const plain = rng.chance(0.5) ? `79${digits(rng, 9)}` : `380${rng.pick(UA_CODES)}${digits(rng, 7)}`;
  const form = rng.next();
  if (form < 0.4) return `+${plain}`;
  if (form < 0.75) return plain;
  return Number(plain);
}

export function email(rng: Rng): string {
  const local = rng.pick(LATIN) + (rng.chance(0.5) ? `.${rng.pick(LATIN)}` : String(rng.int(1, 999)));
  return `${rng.chance(0.05) ? local.toUpperCase() : local}@${rng.pick(MAIL_DOMAINS)}`;
}

/** 'Y-m-d', a unix-seconds string, or null (all observed). */
export function birthDate(rng: Rng): string | null {
  const r = rng.next();
  if (r < 0.5) return null;
  const unix = r >= 0.85;
  // The unix-seconds form only after 1970 (as observed: "952041600").
  const ms = Date.UTC(rng.int(unix ? 1971 : 1965, 2006), rng.int(0, 11), rng.int(1, 28));
  return unix ? String(ms / 1000) : new Date(ms).toISOString().slice(0, 10);
}

/** Long text of exactly `n` characters (multi-line, mixed scripts). */
function longText(rng: Rng, n: number): string {
  let s = '';
  while (s.length < n) s += rng.pick(COMMENT_PARTS) + (rng.chance(0.2) ? '\r\n' : ' ');
  return s.slice(0, n);
}

export function comment(rng: Rng): string {
  const r = rng.next();
  if (r < 0.45) return '';
  if (r < 0.75) return rng.pick(COMMENT_PARTS) + (rng.chance(0.4) ? ` ${rng.pick(COMMENT_PARTS)}` : '');
  if (r < 0.85) return `${rng.pick(COMMENT_PARTS)}\r\n${rng.pick(COMMENT_PARTS)}\n${rng.pick(COMMENT_PARTS)}`;
  if (r < 0.95) return rng.pick(HOSTILE_COMMENTS);
  return longText(rng, rng.chance(0.3) ? 2000 : rng.int(300, 1999));
}

export function randomMoment(rng: Rng, from = DATA_START, to = DATA_END): number {
  return from + Math.floor(rng.next() * (to - from));
}

/** A value for one definition, in the shape the CRM stores it. */
export function customValue(rng: Rng, d: Definition): CustomValue {
  switch (d.code) {
    case 'instagram-user-name':
      return rng.chance(0.6) ? `${rng.pick(LATIN)}.${rng.pick(LATIN)}${rng.int(1, 99)}` : rng.pick(INSTAGRAM);
    case 'card_number':
      return String(rng.int(1, 999_999)).padStart(10, '0');
    case 'note':
      return rng.chance(0.15) ? longText(rng, rng.int(120, 255)) : rng.pick(NOTES);
    case 'internal_score':
      return rng.chance(0.7) ? rng.pick([0, 5, 10, 12.5, 15, -3]) : String(rng.int(1, 30));
    default:
      break;
  }
  switch (d.type) {
    case 'select':
      // A few multi-valued (an array, joined by the extension).
      return rng.chance(0.04) ? [d.values[0], d.values[rng.int(1, d.values.length - 1)]] : rng.pick(d.values);
    case 'date':
      return localDay(randomMoment(rng));
    case 'datetime':
      return localDateTime(randomMoment(rng));
    case 'number':
      return rng.int(0, 100);
    default:
      return rng.chance(0.8) ? rng.pick(COMMENT_PARTS) : rng.pick(NOTES);
  }
}

/** How likely each code is to hold a value on a client that has values. */
const FILL: Record<string, number> = {
  'instagram-user-name': 0.5,
  card_number: 0.3,
  note: 0.4,
  'note-2': 0.15,
  source: 0.6,
  contract_date: 0.25,
  last_call_at: 0.3,
  internal_score: 0.35,
};

/** Values for a client that has some (at least one), in definition order. */
export function customValues(rng: Rng, defs: Definition[]): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  for (const d of defs) if (rng.chance(FILL[d.code] ?? 0.3)) out[d.code] = customValue(rng, d);
  if (!Object.keys(out).length) {
    const d = rng.pick(defs);
    out[d.code] = customValue(rng, d);
  }
  return out;
}

export const ORPHAN_VALUES = ['PROMO2019', '-20% до 2021', '=OLD', 'весна; 2020', 'Так'];
