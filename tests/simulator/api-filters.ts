/**
 * The `customer/index` filters (contract §1). Unknown keys, and the ones real accounts ignore
 * (lead_reject_id, archived, is_archive, archive, only_archived, status, state, page_size),
 * have no effect.
 */
import type { Rec } from './dataset';
import { normDay } from './dates';

export function toInt(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}

/** An int, a numeric string or an array of them; null = no filter. */
export function toIntList(v: unknown): number[] | null {
  if (v === undefined || v === null || v === '') return null;
  const items = Array.isArray(v) ? v : [v];
  const out: number[] = [];
  for (const x of items) {
    const n = toInt(x);
    if (n !== null) out.push(n);
  }
  return Array.isArray(v) && !items.length ? null : out;
}

type Pred = (r: Rec) => boolean;

export function customerPredicate(body: Record<string, unknown>, pathBranch: number | null): Pred {
  const preds: Pred[] = [];
  const removed = toInt(body.removed);
  if (removed === 2) preds.push((r) => r.archived);
  else if (removed !== 1) preds.push((r) => !r.archived);

  const isStudy = toInt(body.is_study);
  if (isStudy === 0 || isStudy === 1) preds.push((r) => r.data.is_study === isStudy);

  if (pathBranch !== null) preds.push((r) => r.branch === pathBranch);
  const branches = toIntList(body.branch_ids);
  if (branches) preds.push((r) => branches.indexOf(r.branch) >= 0);

  const idList = (key: string, get: (r: Rec) => number | null) => {
    const list = toIntList(body[key]);
    if (list)
      preds.push((r) => {
        const v = get(r);
        return v !== null && list.indexOf(v) >= 0;
      });
  };
  idList('id', (r) => r.id);
  idList('lead_status_id', (r) => r.data.lead_status_id);
  idList('customer_reject_id', (r) => r.data.customer_reject_id);
  idList('lead_source_id', (r) => r.data.lead_source_id);
  idList('assigned_id', (r) => r.data.assigned_id);

  if (typeof body.updated_at_from === 'string' && body.updated_at_from) {
    const from = body.updated_at_from;
    preds.push((r) => r.data.updated_at >= from);
  }
  const range = (fromKey: string, toKey: string, get: (r: Rec) => string | null) => {
    const from = normDay(body[fromKey]);
    const to = normDay(body[toKey]);
    if (from)
      preds.push((r) => {
        const d = get(r);
        return d !== null && d >= from;
      });
    if (to)
      preds.push((r) => {
        const d = get(r);
        return d !== null && d <= to;
      });
  };
  range('date_from', 'date_to', (r) => r.data.created_at.slice(0, 10));
  range('removed_from', 'removed_to', (r) => (r.archived ? r.data.e_date : null));

  return (r) => {
    for (const p of preds) if (!p(r)) return false;
    return true;
  };
}
