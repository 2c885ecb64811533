/** Web API bodies (contract §1.2, §1.5, §1.6): envelopes, errors, and the shared list parameters. */
import { json, type Reply } from '../http';
import type { Employee } from './directory';
import { FieldsError, parseFields, type FieldSpec } from './fields';
import type { Params } from './params';
import { param } from './params';
import { QueryError, buildFilter, type KeyRule } from './query';
import type { LtState } from './state';

/** One authenticated method call, whichever path (Web API, v2, batch item) it came by. */
export interface Call {
  st: LtState;
  caller: Employee;
  params: Params;
  /** The bearer token, when the call came with one (logout revokes it). */
  token: string | null;
  now: number;
}
export type Method = (call: Call) => Reply;

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 50;

export const apiError = (code: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  json(code, { code, message, ...extra }, headers);
export const unauthorized = () => apiError(401, 'Unauthorized');
export const forbidden = () => apiError(403, 'Forbidden');
export const notFound = () => apiError(404, 'Not Found');
export const tooMany = () => apiError(429, 'Too Many Requests', {}, { 'Retry-After': '1' });

/** A request the handler refuses; the dispatcher answers its reply. */
export class ApiFail extends Error {
  constructor(readonly reply: Reply) {
    super(`${reply.status}`);
  }
}

export const invalid = (name: string, message: string) => new ApiFail(apiError(422, 'invalid', { errors: { [name]: [message] } }));

export const listReply = (total: number, results: unknown[]) => json(200, { total, results });
export const oneReply = (results: unknown) => json(200, { results });

function intParam(p: Params, name: string, fallback: number): number {
  const raw = param(p, name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw invalid(name, 'Значение должно быть целым числом');
  return Number(raw);
}

export function paging(p: Params): { limit: number; offset: number } {
  const limit = intParam(p, 'limit', DEFAULT_LIMIT);
  if (limit > MAX_LIMIT) throw invalid('limit', 'Значение должно быть меньше 100');
  if (limit < 1) throw invalid('limit', 'Значение должно быть больше 0');
  return { limit, offset: intParam(p, 'offset', 0) };
}

export function fieldsOf(p: Params): FieldSpec[] | null {
  const raw = param(p, 'fields');
  if (raw === undefined || raw.trim() === '') return null;
  try {
    return parseFields(raw);
  } catch (err) {
    if (err instanceof FieldsError) throw invalid('fields', `Неверное значение: ${err.message}`);
    throw err;
  }
}

export function filterOf<T>(p: Params, rules: Record<string, KeyRule<T, Employee>>, now: number): (x: T, c: Employee) => boolean {
  const q = param(p, 'q');
  if (q === undefined || q.trim() === '') return () => true;
  try {
    return buildFilter(q, rules, now);
  } catch (err) {
    if (err instanceof QueryError) throw invalid('q', err.message);
    throw err;
  }
}

/** `sort=field:a|d` (a bare field sorts ascending) among the allowed fields. */
export function sortOf(p: Params, allowed: readonly string[], fallback: string): { field: string; desc: boolean } {
  const raw = (param(p, 'sort') ?? '').trim() || fallback;
  const m = /^([a-z_]+)(?::([ad]))?$/.exec(raw);
  if (!m || !allowed.includes(m[1])) throw invalid('sort', `Неверное значение «${raw}»`);
  return { field: m[1], desc: m[2] === 'd' };
}

/** Sorts in place by the field, nulls last ascending (first descending), then by id the same way. */
export function sortRows<T extends { id: number }>(rows: T[], get: (x: T) => string | number | null, desc: boolean): T[] {
  const dir = desc ? -1 : 1;
  return rows.sort((a, b) => {
    const va = get(a);
    const vb = get(b);
    if (va !== vb) {
      if (va === null) return dir;
      if (vb === null) return -dir;
      return (va < vb ? -1 : 1) * dir;
    }
    return (a.id - b.id) * dir;
  });
}

export function requiredId(p: Params): number {
  const raw = param(p, 'id');
  if (raw === undefined || !/^\d+$/.test(raw.trim())) throw invalid('id', 'Обязательное целое значение');
  return Number(raw);
}
