/** The keys of each entity, in the order they are written, and how each is read (contract §1.3, §1.4). */
import type { Lead } from './dataset';
import { DEPARTMENTS, isRestricted, ROLES, SITES, type Department, type Employee, type Site } from './directory';
import { employeeManaged, inScope } from './scope';
import type { LivetexKnobs } from './types';

/** What every renderer needs: whose view it is, the knobs, and how to find referenced employees. */
export interface RenderCtx {
  caller: Employee;
  knobs: LivetexKnobs;
  employee(id: number): Employee | undefined;
}

export type EntityName = 'lead' | 'employee' | 'site' | 'department' | 'conversation' | 'role';

export type Def =
  | { key: string; kind: 'id' }
  | { key: string; kind: 'scalar'; get: (x: never, c: RenderCtx) => unknown }
  | { key: string; kind: 'datetime'; get: (x: never) => number | null }
  /** A reference: `{id}` by default. `embedded` ones (role, which has no id) come whole. */
  | { key: string; kind: 'ref'; type: EntityName; embedded?: boolean; get: (x: never, c: RenderCtx) => unknown }
  | { key: string; kind: 'refs'; type: EntityName; get: (x: never, c: RenderCtx) => unknown[] };

const id: Def = { key: 'id', kind: 'id' };
const scalar = <T>(key: keyof T & string): Def => ({ key, kind: 'scalar', get: (x: never) => (x as T)[key] });
const datetime = <T>(key: keyof T & string): Def => ({ key, kind: 'datetime', get: (x: never) => (x as T)[key] as number | null });
const site = (siteId: number) => SITES.find((s) => s.id === siteId);
const dept = (deptId: number | null) => (deptId === null ? null : (DEPARTMENTS.find((d) => d.id === deptId) ?? null));
const person = (empId: number | null, c: RenderCtx) => (empId === null ? null : (c.employee(empId) ?? { id: empId, unknown: true }));

const LEAD: Def[] = [
  id,
  scalar<Lead>('name'),
  scalar<Lead>('email'),
  scalar<Lead>('phone'),
  scalar<Lead>('type'),
  scalar<Lead>('text'),
  scalar<Lead>('result'),
  scalar<Lead>('answer_text'),
  scalar<Lead>('duration'),
  datetime<Lead>('created_at'),
  datetime<Lead>('updated_at'),
  datetime<Lead>('completed_at'),
  { key: 'is_managed', kind: 'scalar', get: (x: never, c) => inScope(c.caller, x as Lead) },
  scalar<Lead>('is_locked'),
  scalar<Lead>('page_count'),
  scalar<Lead>('visit_count'),
  scalar<Lead>('search_query'),
  scalar<Lead>('search_engine'),
  scalar<Lead>('int_referer'),
  scalar<Lead>('entry_page'),
  scalar<Lead>('ext_referer'),
  scalar<Lead>('city'),
  scalar<Lead>('country'),
  { key: 'site', kind: 'ref', type: 'site', get: (x: never) => site((x as Lead).siteId) ?? null },
  { key: 'department', kind: 'ref', type: 'department', get: (x: never) => dept((x as Lead).departmentId) },
  { key: 'conversation', kind: 'ref', type: 'conversation', get: (x: never) => ((x as Lead).conversationId === null ? null : x) },
  { key: 'created_by', kind: 'ref', type: 'employee', get: (x: never, c) => person((x as Lead).createdBy, c) },
  { key: 'completed_by', kind: 'ref', type: 'employee', get: (x: never, c) => person((x as Lead).completedBy, c) },
  { key: 'assigned_to', kind: 'ref', type: 'employee', get: (x: never, c) => person((x as Lead).assignedTo, c) },
  { key: 'locked_by', kind: 'ref', type: 'employee', get: (x: never, c) => person((x as Lead).lockedBy, c) },
];

const EMPLOYEE: Def[] = [
  id,
  scalar<Employee>('first_name'),
  scalar<Employee>('last_name'),
  scalar<Employee>('email'),
  scalar<Employee>('phone'),
  { key: 'state', kind: 'scalar', get: () => 'offline' },
  scalar<Employee>('is_active'),
  scalar<Employee>('is_deleted'),
  { key: 'is_managed', kind: 'scalar', get: (x: never, c) => employeeManaged(c.caller, x as Employee) },
  { key: 'chat_limit', kind: 'scalar', get: () => 0 },
  datetime<Employee>('created_at'),
  datetime<Employee>('updated_at'),
  { key: 'role', kind: 'ref', type: 'role', embedded: true, get: (x: never) => ROLES[(x as Employee).role] },
  { key: 'managed_sites', kind: 'refs', type: 'site', get: (x: never) => (x as Employee).managedSites.map(site) },
  { key: 'managed_departments', kind: 'refs', type: 'department', get: (x: never) => (x as Employee).managedDepartments.map(dept) },
  { key: 'departments', kind: 'refs', type: 'department', get: (x: never) => (x as Employee).departments.map(dept) },
];

const SITE: Def[] = [
  id,
  scalar<Site>('url'),
  { key: 'is_deleted', kind: 'scalar', get: () => false },
  { key: 'is_managed', kind: 'scalar', get: (x: never, c) => !isRestricted(c.caller.role) || c.caller.managedSites.includes((x as Site).id) },
  datetime<Site>('created_at'),
  datetime<Site>('updated_at'),
];

const DEPARTMENT: Def[] = [
  id,
  scalar<Department>('title'),
  { key: 'is_deleted', kind: 'scalar', get: () => false },
  { key: 'is_managed', kind: 'scalar', get: (x: never, c) => !isRestricted(c.caller.role) || c.caller.managedDepartments.includes((x as Department).id) },
  datetime<Department>('created_at'),
  datetime<Department>('updated_at'),
];

/** A lead's conversation, derived from the lead itself (the lead's own keys are "fixed at other moments"). */
const CONVERSATION: Def[] = [
  { key: 'id', kind: 'scalar', get: (x: never) => (x as Lead).conversationId },
  { key: 'created_at', kind: 'datetime', get: (x: never) => (x as Lead).created_at - 240_000 },
  { key: 'updated_at', kind: 'datetime', get: (x: never) => (x as Lead).created_at },
  scalar<Lead>('page_count'),
  scalar<Lead>('visit_count'),
  { key: 'chat_count', kind: 'scalar', get: (x: never) => ((x as Lead).type === 'chat' ? 1 : 0) },
  { key: 'lead_count', kind: 'scalar', get: () => 1 },
  scalar<Lead>('city'),
  scalar<Lead>('country'),
  { key: 'site', kind: 'ref', type: 'site', get: (x: never) => site((x as Lead).siteId) ?? null },
  { key: 'department', kind: 'ref', type: 'department', get: (x: never) => dept((x as Lead).departmentId) },
];

const ROLE: Def[] = ['code', 'title', 'is_admin', 'is_default', 'is_full_by_default'].map((key): Def => ({
  key,
  kind: 'scalar',
  get: (x: never) => (x as Record<string, unknown>)[key],
}));

export const SCHEMAS: Record<EntityName, Def[]> = {
  lead: LEAD,
  employee: EMPLOYEE,
  site: SITE,
  department: DEPARTMENT,
  conversation: CONVERSATION,
  role: ROLE,
};
