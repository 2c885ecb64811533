/**
 * The deprecated bulk list `GET /clients/{cid}` (§1.3): full cards, ascending id, with its traps:
 * `count` above 300 silently gives 20 rows, a lone `paid_min` implies `paid_max=0`, and a filter
 * matching nobody falls back to the whole base with its full total.
 */
import { html, json, type Reply } from '../http';
import { fail, MSG, ok, type ACtx } from './envelope';
import type { AltegioState } from './state';
import type { SimClient } from './types';
import type { Caller } from './api';
import { listShape } from './shapes';
import { parseFilterDate, wallClock } from './dates';

export const LIST_DEFAULT_COUNT = 20;
export const LIST_MAX_COUNT = 300;

const SPA_SHELL = '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>YCLIENTS</title></head><body><div id="app"></div></body></html>';

const int = (v: string | null): number | null => (v !== null && /^-?\d+$/.test(v.trim()) ? Number(v) : null);

/** `id`, `id[]`, `id[0]`…, also `id=1,2`. */
function idFilter(q: URLSearchParams): Set<number> | null {
  const raw: string[] = [];
  q.forEach((v, k) => {
    if (k === 'id' || /^id\[\d*\]$/.test(k)) raw.push(...v.split(','));
  });
  if (!raw.length) return null;
  return new Set(raw.map((s) => Number(s.trim())).filter((n) => Number.isInteger(n)));
}

type Pred = (c: SimClient) => boolean;

/** The filters present, or the names of invalid ones. */
function filters(q: URLSearchParams): { preds: Pred[]; bad: string[] } {
  const preds: Pred[] = [];
  const bad: string[] = [];
  const text = (key: string, get: (c: SimClient) => string) => {
    const v = q.get(key);
    if (v !== null && v.trim() !== '') preds.push((c) => get(c).toLowerCase().includes(v.trim().toLowerCase()));
  };
  // Either order of the name parts matches ("Коваль Анна" and "Анна Коваль").
  text('fullname', (c) => `${[c.surname, c.name, c.patronymic].join(' ')}\n${c.name} ${c.surname}`);
  text('email', (c) => c.email);
  text('card', (c) => c.card);
  const phone = q.get('phone')?.replace(/\D/g, '');
  if (phone) preds.push((c) => String(c.phone).replace(/\D/g, '').includes(phone));
  const ids = idFilter(q);
  if (ids) preds.push((c) => ids.has(c.id));
  const min = q.get('paid_min');
  const max = q.get('paid_max');
  if (min !== null || max !== null) {
    const lo = min === null ? 0 : int(min);
    // Observed live: a lone paid_min implies paid_max = 0.
    const hi = max === null ? 0 : int(max);
    if (lo === null) bad.push('paid_min');
    if (hi === null) bad.push('paid_max');
    if (lo !== null && hi !== null) preds.push((c) => c.spent >= lo && c.spent <= hi);
  }
  for (const key of ['changed_after', 'changed_before'] as const) {
    const v = q.get(key);
    if (v === null) continue;
    const at = parseFilterDate(v);
    if (!at) bad.push(key);
    else if (key === 'changed_after') preds.push((c) => wallClock(c.last_change_date) >= at);
    else preds.push((c) => wallClock(c.last_change_date) <= at);
  }
  return { preds, bad };
}

export function bulkList(ctx: ACtx, st: AltegioState, cid: number, caller: Caller, v2: boolean): Reply {
  const refusal = caller.viaPageToken ? st.knobs.current.pageTokenBulkList : 'allow';
  if (refusal === '401') return fail(401, MSG.unauthorized);
  if (refusal === '403') return fail(403, MSG.forbidden);
  if (refusal === '404') return fail(404, MSG.notFound);
  if (refusal === 'html') return html(200, SPA_SHELL);
  const q = ctx.url.searchParams;
  const page = Math.max(1, int(q.get('page')) ?? 1);
  const asked = int(q.get('count'));
  const count = asked === null || asked < 1 || asked > LIST_MAX_COUNT ? LIST_DEFAULT_COUNT : asked;
  const { preds, bad } = filters(q);
  if (bad.length) return fail(400, MSG.badFilter, { errors: { filters: bad } });
  const all = st.store.list(cid);
  let rows = preds.length ? all.filter((c) => preds.every((p) => p(c))) : all;
  if (!rows.length) rows = all;
  const mode = st.knobs.current.emptyCustomFields;
  const data = rows.slice((page - 1) * count, page * count).map((c) => listShape(c, caller.user.key, mode, refusal !== 'no-custom-fields'));
  return v2 ? ok(data, { page, total_count: rows.length }) : json(200, data);
}
