/** The `q` keys of Leads.list, Leads.listRouted and Employees.list (contract §1.4). */
import type { Lead } from './dataset';
import type { Employee } from './directory';
import type { KeyRule } from './query';
import { inScope } from './scope';

type LeadRule = KeyRule<Lead, Employee>;

const COMMON: Record<string, LeadRule> = {
  ids: { kind: 'idlist', get: (l) => l.id },
  site_ids: { kind: 'idlist', get: (l) => l.siteId },
  department_ids: { kind: 'idlist', get: (l) => l.departmentId },
  created_by_ids: { kind: 'idlist', get: (l) => l.createdBy },
  assigned_to_ids: { kind: 'idlist', get: (l) => l.assignedTo },
  completed_by_ids: { kind: 'idlist', get: (l) => l.completedBy },
  visitor_ids: { kind: 'strlist', get: (l) => l.visitorId },
  result: { kind: 'enum', values: ['missed', 'completed'], get: (l) => l.result },
  duration: { kind: 'int', get: (l) => l.duration },
  search_engine: { kind: 'substring', get: (l) => l.search_engine },
  ext_referer: { kind: 'substring', get: (l) => l.ext_referer },
  entry_page: { kind: 'substring', get: (l) => l.entry_page },
  text: { kind: 'substring', get: (l) => l.text },
  keyword: { kind: 'substring', get: (l) => l.search_query },
  created_at: { kind: 'datetime', get: (l) => l.created_at },
  email_exists: { kind: 'boolean', get: (l) => !!l.email },
  phone_exists: { kind: 'boolean', get: (l) => !!l.phone },
};

export const LEAD_KEYS: Record<string, LeadRule> = {
  ...COMMON,
  type: { kind: 'enum', values: ['form', 'chat', 'callback'], get: (l) => l.type },
  is_managed: { kind: 'boolean', get: (l, caller) => inScope(caller, l) },
};

/** listRouted adds creator_type and lacks type and is_managed. */
export const ROUTED_KEYS: Record<string, LeadRule> = {
  ...COMMON,
  creator_type: { kind: 'enum', values: ['visitor', 'employee'], get: (l) => (l.createdBy === null ? 'visitor' : 'employee') },
};

export const EMPLOYEE_KEYS: Record<string, KeyRule<Employee, Employee>> = {
  ids: { kind: 'idlist', get: (e) => e.id },
  is_active: { kind: 'boolean', get: (e) => e.is_active },
  is_deleted: { kind: 'boolean', get: (e) => e.is_deleted },
  role: { kind: 'enum', values: ['admin', 'admin_partner', 'chief', 'chief_partner', 'manager', 'operator'], get: (e) => e.role },
  email: { kind: 'substring', get: (e) => e.email },
};
