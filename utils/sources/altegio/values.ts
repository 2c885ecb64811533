/**
 * Values as received, as cell text: strings unchanged, numbers as written, lists joined with
 * `, ` (a category list by its titles), nothing for null. `custom_fields` in any of its forms
 * (`[]`, `{}`, null, absent: none) as code → text, in the order received. Pure.
 */

export function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) {
    return v
      .map((x) => (x && typeof x === 'object' && !Array.isArray(x) && 'title' in x ? text((x as { title: unknown }).title) : text(x)))
      .filter((s) => s !== '')
      .join(', ');
  }
  return JSON.stringify(v);
}

/** Codes holding a value, with the value as received; a list of `{code, value}` pairs is read too. */
export function customEntries(cf: unknown): [code: string, value: unknown][] {
  if (!cf || typeof cf !== 'object') return [];
  if (Array.isArray(cf)) {
    return cf
      .filter((p): p is { code: string; value: unknown } => !!p && typeof p === 'object' && typeof (p as { code?: unknown }).code === 'string')
      .filter((p) => p.value !== null && p.value !== undefined)
      .map((p) => [p.code, p.value]);
  }
  return Object.entries(cf as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined);
}

/** Codes holding a value, with the value as text. */
export function customValues(cf: unknown): [code: string, value: string][] {
  return customEntries(cf).map(([code, v]) => [code, text(v)]);
}

/** Whether a value counts as filled: its cell text is not empty, and it is not an empty `{}`. */
export function isFilled(v: unknown): boolean {
  if (v && typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length) return false;
  return text(v) !== '';
}
