/**
 * Masking for users without phone/e-mail rights (assumed form, contract §2): a phone keeps its
 * first digit and last two (`+7********78`), an e-mail its first letter and domain (`p***@mail.ru`).
 */
import type { SimClient, UserKey } from './types';
import { RIGHTS } from './users';

export function maskPhone(value: string | number): string {
  const s = String(value);
  const d = s.replace(/\D/g, '');
  if (d.length < 4) return s ? '*'.repeat(s.length) : s;
  return `${s.trim().startsWith('+') ? '+' : ''}${d[0]}${'*'.repeat(d.length - 3)}${d.slice(-2)}`;
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (!value) return value;
  if (at < 1) return `${value[0]}***`;
  return `${value[0]}***${value.slice(at)}`;
}

/** Whether this user sees any of the client's phones or e-mail masked. */
export function isMaskedFor(user: UserKey, c: SimClient): boolean {
  const r = RIGHTS[user];
  if (!r.clients_access) return false;
  const phones = c.phone !== '' || c.additional_phone !== '';
  return (phones && !r.client_phones_access) || (c.email !== '' && !r.clients_phones_email_access);
}

/** What the user sees: values unchanged, or masked (a number phone becomes a masked string). */
export function visibleContacts(user: UserKey, c: SimClient): { phone: string | number; additional_phone: string; email: string } {
  const r = RIGHTS[user];
  const showPhones = r.client_phones_access;
  return {
    phone: showPhones || c.phone === '' ? c.phone : maskPhone(c.phone),
    additional_phone: showPhones || !c.additional_phone ? c.additional_phone : maskPhone(c.additional_phone),
    email: r.clients_phones_email_access || !c.email ? c.email : maskEmail(c.email),
  };
}
