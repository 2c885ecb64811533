/** Data changes between syncs (contract §4), applied in place to the store. */
import { nowMs } from './dates';
import { newLead, type Lead } from './dataset';
import { DEPARTMENTS, isRestricted, SITES, type Employee } from './directory';
import { inScope } from './scope';
import type { Store } from './store';
import type { Tokens } from './tokens';
import type { LivetexMutation, MutationResult } from './types';
import { answerText } from './texts';

/** A moment later than `prev`, so updated_at always moves forward. */
const later = (prev: number) => Math.max(nowMs(), prev + 1000);

function employeeOf(store: Store, id: number | undefined, fallbackKey = 'operator1'): Employee {
  const e = id === undefined ? store.employees.find((x) => x.key === fallbackKey) : store.employee(id);
  if (!e || e.key === null) throw new Error(`no employee ${id ?? fallbackKey}`);
  return e;
}

function addLeads(store: Store, n: number): number[] {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const last = store.leads[store.leads.length - 1];
    const rng = store.mutationRng;
    const dept = rng.chance(0.1) ? null : rng.pick(DEPARTMENTS).id;
    // Later than the last lead, so a created_at:a pull running now only appends.
    const lead = newLead(rng, last.id + 1, later(last.created_at), rng.pick(SITES).id, dept);
    store.addLead(lead);
    ids.push(lead.id);
  }
  return ids;
}

function completeMissed(store: Store, spec: LivetexMutation['completeMissed']): number {
  const opts = spec === true || spec === undefined ? {} : spec;
  const lead = opts.id !== undefined ? store.lead(opts.id) : store.leads.find((l) => l.result === 'missed');
  if (!lead) throw new Error(`no lead ${opts.id ?? '(missed)'}`);
  if (lead.result !== 'missed') throw new Error(`lead ${lead.id} is not missed`);
  const at = later(lead.updated_at);
  lead.result = 'completed';
  lead.answer_text = opts.answerText ?? answerText(store.mutationRng);
  lead.completed_at = at;
  lead.completedBy = lead.assignedTo ?? employeeOf(store, undefined, 'admin').id;
  lead.duration = Math.round((at - lead.created_at) / 1000);
  lead.updated_at = at;
  return lead.id;
}

/** Moves a lead (with a non-empty text, oldest first) across the employee's scope. */
function moveAcrossScope(store: Store, spec: NonNullable<LivetexMutation['moveAcrossScope']>): number {
  const emp = employeeOf(store, spec.employeeId);
  if (!isRestricted(emp.role)) throw new Error("an admin's scope is everything");
  const out = (spec.direction ?? 'out') === 'out';
  // A lead with a text, so the move shows as a text appearing or vanishing.
  const pick = (l: Lead) => inScope(emp, l) === out && l.text !== '';
  const lead = spec.id !== undefined ? store.lead(spec.id) : store.leads.find(pick);
  if (!lead) throw new Error(`no lead to move ${out ? 'out of' : 'into'} ${emp.key}'s scope`);
  if (out) {
    const otherSite = SITES.find((s) => !emp.managedSites.includes(s.id));
    const otherDept = DEPARTMENTS.find((d) => !emp.managedDepartments.includes(d.id));
    if (otherSite) lead.siteId = otherSite.id;
    else if (otherDept) lead.departmentId = otherDept.id;
    else throw new Error(`${emp.key}'s scope has every site and department`);
  } else {
    if (!emp.managedSites.length) throw new Error(`${emp.key} manages no site`);
    lead.siteId = emp.managedSites[0];
    lead.departmentId = emp.managedDepartments[0] ?? null;
  }
  lead.updated_at = later(lead.updated_at);
  return lead.id;
}

function checkIds(ids: unknown, known: readonly { id: number }[], what: string): number[] {
  if (!Array.isArray(ids) || !ids.every((i) => known.some((k) => k.id === i))) throw new Error(`unknown ${what} in ${JSON.stringify(ids)}`);
  return (ids as number[]).slice();
}

export function applyMutation(store: Store, tokens: Tokens, m: LivetexMutation): MutationResult {
  const out: MutationResult = {};
  if (m.newLeads !== undefined) {
    if (!Number.isInteger(m.newLeads) || m.newLeads < 0) throw new Error('newLeads needs a count');
    out.newLeads = addLeads(store, m.newLeads);
  }
  if (m.completeMissed) out.completed = completeMissed(store, m.completeMissed);
  if (m.moveAcrossScope) out.moved = moveAcrossScope(store, m.moveAcrossScope);
  if (m.setManagedSites) {
    const emp = employeeOf(store, m.setManagedSites.employeeId);
    emp.managedSites = out.managedSites = checkIds(m.setManagedSites.siteIds, SITES, 'site');
    emp.updated_at = later(emp.updated_at);
  }
  if (m.setManagedDepartments) {
    const emp = employeeOf(store, m.setManagedDepartments.employeeId);
    emp.managedDepartments = out.managedDepartments = checkIds(m.setManagedDepartments.departmentIds, DEPARTMENTS, 'department');
    emp.updated_at = later(emp.updated_at);
  }
  if (m.deleteEmployee !== undefined) {
    const emp = employeeOf(store, m.deleteEmployee);
    emp.is_deleted = true;
    emp.is_active = false;
    emp.updated_at = later(emp.updated_at);
    tokens.revokeEmployee(emp.id);
    out.deleted = emp.id;
  }
  if (m.revokeTokens !== undefined) out.revoked = tokens.revokeEmployee(m.revokeTokens === 'all' ? null : m.revokeTokens);
  store.version++;
  if (!Object.keys(out).length)
    throw new Error('expected one of newLeads, completeMissed, moveAcrossScope, setManagedSites, setManagedDepartments, deleteEmployee, revokeTokens');
  return out;
}
