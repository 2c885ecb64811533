/** Errors in Altegio's own words, and the shapes (no values) a diagnostics file holds. */
import { CrmError, type CrmErrorCode } from '../../errors';

export function altegioError(code: CrmErrorCode, detail?: string, diagnostics?: unknown): CrmError {
  return new CrmError(code, detail, diagnostics, 'Altegio');
}

/** The shape of a value: keys and types, lengths, never the values themselves (personal data). */
export function shapeOf(v: unknown, depth = 0): unknown {
  if (v === null) return 'null';
  if (Array.isArray(v)) return depth > 3 ? `array(${v.length})` : { array: v.length, first: v.length ? shapeOf(v[0], depth + 1) : null };
  if (typeof v === 'string') return `string(${v.length})`;
  if (typeof v !== 'object') return typeof v;
  if (depth > 3) return 'object';
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, shapeOf(x, depth + 1)]));
}
