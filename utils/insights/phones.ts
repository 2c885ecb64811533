/**
 * Phone keys for finding duplicates. The same number is written +380 67…, 067…, 8 067… or
 * 7 916…/8 916…: the number formed by the last 10 digits matches all of these for Ukraine and
 * Russia (a leading 0 vanishes, so 67 123 45 67 matches too). Keys are numbers: no strings are
 * built per record, and they sort fast.
 */
const MIN_DIGITS = 7;
const KEEP = 1e10;

/** Keys of every phone in a ', '-joined list; numbers under 7 digits are left out. */
export function phoneKeys(phones: string): number[] {
  const keys: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= phones.length; i++) {
    const c = i < phones.length ? phones.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) {
      value = (value * 10 + c - 48) % KEEP;
      digits++;
    } else if (c === 44 || c === 59) {
      if (digits >= MIN_DIGITS && !keys.includes(value)) keys.push(value);
      value = 0;
      digits = 0;
    }
  }
  return keys;
}

/** A key as the user would read it: 10 digits, with the trunk 0 of a 9-digit number. */
export const phoneLabel = (key: number): string => (key >= 1e8 ? String(key).padStart(10, '0') : String(key));

export interface PhoneGroups {
  /** Group g has key keys[g] and members members[start[g]] … members[start[g + 1] - 1]. */
  keys: Float64Array;
  start: Int32Array;
  members: Int32Array;
}

/** Record indices sharing a phone key, for keys held by two records or more. */
export function groupByPhone(phones: readonly string[]): PhoneGroups {
  const n = phones.length;
  // key * n + index stays an exact double while n < 900,000; past that a Map does the work.
  if (KEEP * n >= Number.MAX_SAFE_INTEGER) return groupWithMap(phones);
  let packed: Float64Array = new Float64Array(n + 16);
  let len = 0;
  for (let i = 0; i < n; i++) {
    for (const key of phoneKeys(phones[i])) {
      if (len === packed.length) packed = growTo(packed, len * 2);
      packed[len++] = key * n + i;
    }
  }
  const sorted = packed.subarray(0, len).sort();
  const keys: number[] = [],
    start: number[] = [],
    members: number[] = [];
  for (let a = 0; a < len;) {
    const key = Math.floor(sorted[a] / n);
    let b = a + 1;
    while (b < len && Math.floor(sorted[b] / n) === key) b++;
    if (b - a > 1) {
      keys.push(key);
      start.push(members.length);
      for (let k = a; k < b; k++) members.push(sorted[k] - key * n);
    }
    a = b;
  }
  start.push(members.length);
  return { keys: Float64Array.from(keys), start: Int32Array.from(start), members: Int32Array.from(members) };
}

function growTo(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

function groupWithMap(phones: readonly string[]): PhoneGroups {
  const byKey = new Map<number, number[]>();
  phones.forEach((p, i) => {
    for (const key of phoneKeys(p)) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  const groups = [...byKey].filter(([, m]) => m.length > 1).sort((x, y) => x[0] - y[0]);
  const start = [0];
  for (const [, m] of groups) start.push(start[start.length - 1] + m.length);
  return { keys: Float64Array.from(groups, ([k]) => k), start: Int32Array.from(start), members: Int32Array.from(groups.flatMap(([, m]) => m)) };
}
