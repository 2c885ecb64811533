/**
 * /__sim/* control endpoints (both origins), so another process (demo, e2e) can steer a running
 * simulator. Never counted, rate limited, delayed or broken by the knobs.
 */
import { json, type Reply } from '../http';
import { parseKnobText } from './knobs';
import { applyMutation } from './mutations';
import type { LtState } from './state';
import type { EmployeeLogin, LivetexMutation, LivetexTruth, RoleMode } from './types';

export interface ControlDeps {
  st: LtState;
  truth: LivetexTruth;
  logins: () => Record<string, EmployeeLogin>;
}

function jsonBody(body: string): Record<string, unknown> {
  if (!body.trim()) return {};
  const v: unknown = JSON.parse(body);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected a JSON object');
  return v as Record<string, unknown>;
}

function truthView(url: URL, d: ControlDeps): unknown {
  const q = url.searchParams;
  const t = d.truth;
  const ids = (s: string) => s.split(',').map(Number);
  if (q.get('view') === 'leads') return { leads: t.leads() };
  if (q.has('lead')) return { lead: t.lead(Number(q.get('lead'))) ?? null };
  const mode = (q.get('mode') ?? undefined) as RoleMode | undefined;
  if (q.has('employee')) {
    const id = Number(q.get('employee'));
    return { employee: id, inScope: t.inScope(id), outOfScope: t.outOfScope(id), listed: t.listedFor(id, mode), routed: t.routedTo(id) };
  }
  if (q.has('pullers')) return { texts: Object.fromEntries(t.expectedTexts(ids(q.get('pullers')!), mode)) };
  const employees = t.employees();
  return {
    seed: d.st.store.seed,
    dataset: d.st.store.dataset,
    leads: t.leadIds().length,
    sites: t.sites(),
    departments: t.departments(),
    employees,
    scope: Object.fromEntries(employees.map((e) => [String(e.id), { inScope: t.inScope(Number(e.id)).length, outOfScope: t.outOfScope(Number(e.id)).length }])),
  };
}

export function handleControl(method: string, url: URL, body: string, d: ControlDeps): Reply {
  const st = d.st;
  try {
    const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /__sim/knobs':
        return json(200, st.knobs.current);
      case 'POST /__sim/knobs': {
        const given: Record<string, unknown> = {};
        for (const [k, v] of url.searchParams) given[k] = parseKnobText(k, v);
        return json(200, st.knobs.set({ ...given, ...jsonBody(body) }));
      }
      case 'POST /__sim/mutate':
        return json(200, applyMutation(st.store, st.tokens, jsonBody(body) as LivetexMutation));
      case 'GET /__sim/truth':
        return json(200, truthView(url, d));
      case 'GET /__sim/stats':
        return json(200, st.stats.snapshot());
      case 'POST /__sim/stats/reset':
        st.stats.reset();
        return json(200, st.stats.snapshot());
      case 'GET /__sim/credentials':
        return json(200, { cabinetUrl: st.cabinetOrigin, apiUrl: st.apiOrigin, employees: d.logins() });
      default:
        return json(404, { error: `unknown control route ${route}` });
    }
  } catch (err) {
    return json(400, { error: (err as Error).message });
  }
}
