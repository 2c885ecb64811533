/**
 * Utils.batch (contract §1.2, [AST] Utils.md): up to 10 methods run in order (the 11th and later
 * are ignored), not transactional; a parameter may hold `${id:$.json.path}`, a reference to an
 * earlier item's results. A bad reference makes that item 422 `invalid` for the parameter.
 */
import { json, type Reply } from '../http';
import { apiError, type Call } from './api-common';
import { asList, type Params } from './params';

export const BATCH_MAX = 10;

/** The values a JSONPath subset (`$`, `.name`, `['name']`, `[n]`, `.*`, `[*]`) selects. */
export function jsonPath(root: unknown, path: string): unknown[] | null {
  if (!path.startsWith('$')) return null;
  let nodes: unknown[] = [root];
  const steps = path.slice(1).match(/\.\*|\[\*\]|\.[^.[\]]+|\[\d+\]|\['[^']*'\]|\["[^"]*"\]/g) ?? [];
  if (steps.join('') !== path.slice(1)) return null;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const n of nodes) {
      if (!n || typeof n !== 'object') continue;
      if (step === '.*' || step === '[*]') next.push(...(Array.isArray(n) ? n : Object.values(n)));
      else {
        const key = step.startsWith('.') ? step.slice(1) : step.slice(1, -1).replace(/^['"]|['"]$/g, '');
        const v = (n as Record<string, unknown>)[key];
        if (v !== undefined) next.push(v);
      }
    }
    nodes = next;
  }
  return nodes;
}

const REF = /\$\{([^:}]+):([^}]+)\}/g;

/** Replaces every reference in one parameter value; null when one cannot be resolved. */
function resolve(value: string, earlier: Map<string, unknown>): string | null {
  let failed = false;
  const out = value.replace(REF, (_, id: string, path: string) => {
    const picked = earlier.has(id) ? jsonPath(earlier.get(id), path) : null;
    if (!picked || !picked.length || picked.some((v) => v === null || typeof v === 'object')) {
      failed = true;
      return '';
    }
    return picked.map(String).join(',');
  });
  return failed ? null : out;
}

type Dispatch = (method: string, params: Params, call: Call) => Reply;

export function runBatch(call: Call, dispatch: Dispatch): Reply {
  const items = asList(call.params.methods).slice(0, BATCH_MAX);
  if (!items.length) return apiError(422, 'invalid', { errors: { methods: ['Обязательное значение'] } });
  const earlier = new Map<string, unknown>();
  const results: Record<string, unknown>[] = [];
  for (const raw of items) {
    const item = (raw && typeof raw === 'object' ? raw : {}) as Params;
    const id = typeof item.id === 'string' ? item.id : '';
    const method = typeof item.method === 'string' ? item.method.toLowerCase() : '';
    const params: Params = {};
    const bad: Record<string, string[]> = {};
    const given = item.parameters && typeof item.parameters === 'object' ? (item.parameters as Params) : {};
    for (const [k, v] of Object.entries(given)) {
      const text = typeof v === 'string' ? resolve(v, earlier) : v;
      if (text === null) bad[k] = ['invalid'];
      else params[k] = text;
    }
    const reply = Object.keys(bad).length ? apiError(422, 'invalid', { errors: bad }) : dispatch(method, params, call);
    const body = JSON.parse(String(reply.body)) as Record<string, unknown>;
    const ok = reply.status === 200;
    const out: Record<string, unknown> = { id, code: reply.status, message: ok ? '' : String(body.message ?? '') };
    if (ok && 'total' in body) out.total = body.total;
    out.results = ok ? body.results : null;
    if (body.errors) out.errors = body.errors;
    results.push(out);
    if (id && ok) earlier.set(id, body.results);
  }
  return json(200, { results });
}
