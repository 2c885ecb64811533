/** Ground truth for tests: the stored leads, each employee's scope, and the expected text cells. */
import { DEPARTMENTS, SITES, type Employee } from './directory';
import { DEFAULT_KNOBS } from './knobs';
import { parseFields, project } from './fields';
import { EMPLOYEE_FIELDS, EXTENSION_FIELD_SPEC, renderCtx, renderLead } from './render';
import { inScope, listedFor, routedTo, textsHidden } from './scope';
import type { Store } from './store';
import type { ExpectedCell, LivetexKnobs, LivetexTruth, RoleMode } from './types';

export function makeTruth(store: Store, knobs: LivetexKnobs): LivetexTruth {
  const emp = (id: number): Employee => {
    const e = store.employee(id);
    if (!e || e.key === null) throw new Error(`no employee ${id}`);
    return e;
  };
  const admin = store.employees.find((e) => e.role === 'admin')!;
  // Truth never depends on presentation knobs (id strings, datetime forms, …).
  const adminCtx = () => renderCtx(store, admin, { ...DEFAULT_KNOBS });
  const ids = (pred: (i: number) => boolean) => store.leads.filter((_, i) => pred(i)).map((l) => l.id);

  return {
    leads: () => {
      const c = adminCtx();
      return store.leads.map((l) => renderLead(l, c, EXTENSION_FIELD_SPEC, true));
    },
    lead: (id) => {
      const l = store.lead(id);
      return l ? renderLead(l, adminCtx(), EXTENSION_FIELD_SPEC, true) : undefined;
    },
    leadIds: () => store.leads.map((l) => l.id),
    visitorOf: (id) => store.lead(id)?.visitorId,
    inScope: (id) => ids((i) => inScope(emp(id), store.leads[i])),
    outOfScope: (id) => ids((i) => !inScope(emp(id), store.leads[i])),
    listedFor: (id, mode) => ids((i) => listedFor(emp(id), store.leads[i], mode ?? knobs.roleMode)),
    routedTo: (id) => ids((i) => routedTo(emp(id), store.leads[i])),
    expectedTexts: (pullerIds, mode?: RoleMode) => {
      const m = mode ?? knobs.roleMode;
      const pullers = pullerIds.map(emp);
      const out = new Map<number, { text: ExpectedCell; answer_text: ExpectedCell }>();
      for (const lead of store.leads) {
        const got = pullers.filter((p) => listedFor(p, lead, m));
        if (!got.length) continue;
        // One marker per lead: both texts follow the same scope rule.
        const hiddenFrom = Array.from(new Set(got.filter((p) => textsHidden(p, lead, m)).map((p) => p.role)));
        const visible = got.some((p) => !textsHidden(p, lead, m));
        const cell = (value: string | null): ExpectedCell => ({
          visible,
          value: visible ? value : null,
          hiddenFrom,
          marker: visible ? null : `[hidden: ${hiddenFrom.join(', ')}]`,
        });
        out.set(lead.id, { text: cell(lead.text), answer_text: cell(lead.answer_text) });
      }
      return out;
    },
    employees: () => {
      const c = adminCtx();
      const spec = parseFields(EMPLOYEE_FIELDS);
      return store.employees.filter((e) => e.key !== null).map((e) => ({ key: e.key, ...project('employee', e, spec, c) }));
    },
    sites: () => SITES.map((s) => ({ id: s.id, url: s.url })),
    departments: () => DEPARTMENTS.map((d) => ({ id: d.id, title: d.title })),
  };
}
