/**
 * Phone keys for finding duplicates. The same number is written +380 67…, 067…, 8 067… or
 * 7 916…/8 916…: comparing the last 10 digits matches all of these for Ukraine and Russia.
 */
const MIN_DIGITS = 7;
const KEEP_DIGITS = 10;

/** Keys of every phone in a ', '-joined list; too-short numbers are left out. */
export function phoneKeys(phones: string): string[] {
  if (!phones) return [];
  const keys: string[] = [];
  for (const part of phones.split(/[,;]/)) {
    const digits = part.replace(/\D+/g, '');
    if (digits.length < MIN_DIGITS) continue;
    const key = digits.length > KEEP_DIGITS ? digits.slice(-KEEP_DIGITS) : digits.length === KEEP_DIGITS - 1 ? `0${digits}` : digits;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
