/**
 * `POST /company/{cid}/clients/search` (§1.1): the id set, `total_count` and a projection; never
 * custom fields (unknown `fields` are dropped). Always the v2 envelope.
 */
import type { Reply } from '../http';
import { fail, MSG, ok } from './envelope';
import type { AltegioState } from './state';
import type { SimClient, UserKey } from './types';
import { FIXED_FIVE, searchShape } from './shapes';

export const SEARCH_MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 25;
/** Filter types the route knows; only id, quick_search and category narrow anything here. */
const KNOWN_FILTERS = [
  'id',
  'quick_search',
  'category',
  'record',
  'sold_amount',
  'visits_count',
  'birthday',
  'gender',
  'importance',
  'has_mobile_app',
  'passteam',
  'last_visit_date',
  'first_visit_date',
  'abonement',
  'certificate',
];
const ORDER_KEYS: Record<string, (c: SimClient) => string | number> = {
  id: (c) => c.id,
  name: (c) => c.name,
  sold_amount: (c) => c.sold_amount,
  visits_count: (c) => c.visits,
  last_visit_date: (c) => c.last_visit_date ?? '',
  first_visit_date: (c) => c.first_visit_date ?? '',
  discount: (c) => c.discount,
};

const toInt = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
};

type Pred = (c: SimClient) => boolean;

function filterPredicate(f: unknown): Pred | string {
  if (!f || typeof f !== 'object') return 'filter is not an object';
  const { type, state } = f as { type?: unknown; state?: { value?: unknown } };
  if (typeof type !== 'string' || !KNOWN_FILTERS.includes(type)) return `unknown filter type ${String(type)}`;
  const value = state && typeof state === 'object' ? state.value : undefined;
  if (type === 'id' || type === 'category') {
    const list = (Array.isArray(value) ? value : [value]).map(toInt);
    if (list.some((x) => x === null)) return `${type}: value must be a list of ids`;
    const set = new Set(list as number[]);
    return type === 'id' ? (c) => set.has(c.id) : (c) => c.categories.some((x) => set.has(x.id));
  }
  if (type === 'quick_search') {
    if (typeof value !== 'string') return 'quick_search: value must be a string';
    const q = value.trim().toLowerCase();
    const digits = q.replace(/\D/g, '');
    return (c) =>
      [c.name, c.surname, c.patronymic, c.email].some((s) => s.toLowerCase().includes(q)) ||
      (digits.length > 2 && String(c.phone).replace(/\D/g, '').includes(digits));
  }
  return () => true;
}

export function search(body: Record<string, unknown>, st: AltegioState, cid: number, user: UserKey): Reply {
  const page = Math.max(1, toInt(body.page) ?? 1);
  const askedSize = toInt(body.page_size);
  const size = askedSize === null || askedSize < 1 ? DEFAULT_PAGE_SIZE : Math.min(askedSize, SEARCH_MAX_PAGE_SIZE);
  const fields =
    st.knobs.current.searchFields === 'fixed-five'
      ? FIXED_FIVE
      : Array.isArray(body.fields)
        ? body.fields.filter((x): x is string => typeof x === 'string')
        : ['id'];
  const preds: Pred[] = [];
  const errors: string[] = [];
  for (const f of Array.isArray(body.filters) ? body.filters : []) {
    const p = filterPredicate(f);
    if (typeof p === 'string') errors.push(p);
    else preds.push(p);
  }
  if (errors.length) return fail(400, MSG.badFilter, { errors: { filters: errors } });
  const any = String(body.operation ?? 'AND').toUpperCase() === 'OR';
  let rows = st.store.list(cid).filter((c) => !preds.length || (any ? preds.some((p) => p(c)) : preds.every((p) => p(c))));
  const key = ORDER_KEYS[String(body.order_by ?? 'id')] ?? ORDER_KEYS.id;
  const dir = String(body.order_by_direction ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1;
  rows = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.id - b.id) * dir;
  });
  const data = rows.slice((page - 1) * size, page * size).map((c) => searchShape(c, user, fields));
  return ok(data, { total_count: rows.length });
}
