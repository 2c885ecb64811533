/** Rows of a list answer: objects with a positive integer id (under `key`), or a named error. */
import { altegioError, shapeOf } from './errors';
import type { Row } from './pager';

export function rowsOf(data: unknown, key: 'id' | 'client_id', what: string): Row[] {
  if (!Array.isArray(data)) throw altegioError('malformed-response', `${what}: data is not a list`, { route: what, shape: shapeOf(data) });
  return data.map((r, i) => {
    const id = r && typeof r === 'object' ? Number((r as Record<string, unknown>)[key]) : NaN;
    if (!Number.isSafeInteger(id) || id <= 0) throw altegioError('malformed-response', `${what}: row ${i} has no id`, { route: what, shape: shapeOf(r) });
    return r as Row;
  });
}
