/**
 * Masked contacts (contract §2, §3): a user without the rights sees `+7********78` or
 * `p***@mail.ru`. Such a value is exported as received and flagged, and never replaces a clear
 * one that fits it. Pure.
 */

const MASK = /[*•]/;
const PHONE_FORMATTING = /[\s()+.-]/g;

export function isMaskedPhone(v: string): boolean {
  const s = v.replace(PHONE_FORMATTING, '');
  // `*` or `•` anywhere, or `x` standing for digits among digits (`7xxxxxxx78`).
  return /\d/.test(s) && /^[\d*•xX]+$/.test(s) && /[*•xX]/.test(s);
}

export function isMaskedEmail(v: string): boolean {
  return MASK.test(v);
}

export type ContactField = 'phone' | 'additional_phone' | 'email';
export const CONTACTS: ContactField[] = ['phone', 'additional_phone', 'email'];

export function isMasked(field: ContactField, v: string): boolean {
  return field === 'email' ? isMaskedEmail(v) : isMaskedPhone(v);
}

/** Whether `clear` could be what `masked` hides: its visible parts, in order, where they stand. */
export function maskFits(field: ContactField, masked: string, clear: string): boolean {
  if (isMasked(field, clear)) return false;
  const hidden = field === 'email' ? /[*•]+/ : /[*•xX]+/;
  const m = field === 'email' ? masked : masked.replace(PHONE_FORMATTING, '');
  const c = field === 'email' ? clear : clear.replace(PHONE_FORMATTING, '');
  if (field !== 'email' && m.length !== c.length) return false;
  const parts = m.split(hidden);
  if (!c.startsWith(parts[0]) || !c.endsWith(parts[parts.length - 1])) return false;
  let at = parts[0].length;
  for (const p of parts.slice(1, -1)) {
    const i = c.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return at <= c.length - parts[parts.length - 1].length;
}
