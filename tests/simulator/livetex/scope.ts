/** The role filter (contract §1.5): scope, which leads a caller is given, which texts are hidden. */
import type { Lead } from './dataset';
import { isRestricted, type Employee } from './directory';
import type { RoleMode } from './types';

/** Site in managed_sites and department null or in managed_departments; admins: everything. */
export function inScope(emp: Employee, lead: Lead): boolean {
  if (!isRestricted(emp.role)) return true;
  return emp.managedSites.includes(lead.siteId) && (lead.departmentId === null || emp.managedDepartments.includes(lead.departmentId));
}

/**
 * Whether Leads.list/show give the lead to the employee. Documented: every lead. Implementation
 * (Roles.json): level `user` for operators (created by or assigned to him), `managed` for the
 * other restricted roles, `full` for admins.
 */
export function listedFor(emp: Employee, lead: Lead, mode: RoleMode): boolean {
  if (mode === 'documented' || !isRestricted(emp.role)) return true;
  if (emp.role === 'operator') return lead.createdBy === emp.id || lead.assignedTo === emp.id;
  return inScope(emp, lead);
}

/** Documented mode: text and answer_text withheld from restricted callers out of scope. */
export function textsHidden(emp: Employee, lead: Lead, mode: RoleMode): boolean {
  return mode === 'documented' && isRestricted(emp.role) && !inScope(emp, lead);
}

/** listRouted: assigned to the caller, or unassigned in a department he belongs to. */
export function routedTo(emp: Employee, lead: Lead): boolean {
  if (lead.assignedTo !== null) return lead.assignedTo === emp.id;
  return lead.departmentId !== null && emp.departments.includes(lead.departmentId);
}

/** Employees.list: admins and chiefs all; managers their departments' people; operators themselves. */
export function employeeListedFor(caller: Employee, emp: Employee): boolean {
  if (emp.key === null) return false;
  if (caller.role === 'operator') return emp.id === caller.id;
  if (caller.role === 'manager') return emp.id === caller.id || emp.departments.some((d) => caller.managedDepartments.includes(d));
  return true;
}

/** Employee.is_managed: "among the caller's own employees". */
export function employeeManaged(caller: Employee, emp: Employee): boolean {
  return !isRestricted(caller.role) || emp.id === caller.id || emp.departments.some((d) => caller.managedDepartments.includes(d));
}
