/** Employees.me/list/show, Sites.list, Departments.list, and the token methods that need a caller. */
import type { Reply } from '../http';
import { fieldsOf, filterOf, listReply, notFound, oneReply, paging, requiredId, sortOf, sortRows, type Call, type Method } from './api-common';
import { DEPARTMENTS, SITES, type Employee } from './directory';
import { project } from './fields';
import type { KeyRule } from './query';
import { EMPLOYEE_KEYS } from './query-keys';
import { renderCtx } from './render';
import type { EntityName } from './schema';
import { employeeListedFor } from './scope';

const EMPLOYEE_SORT = ['id', 'first_name', 'last_name', 'created_at'] as const;
const ID_ONLY: Record<string, KeyRule<{ id: number }, Employee>> = { ids: { kind: 'idlist', get: (x) => x.id } };

function employees(call: Call): Reply {
  const p = call.params;
  const { limit, offset } = paging(p);
  const sort = sortOf(p, EMPLOYEE_SORT, 'id:a');
  const spec = fieldsOf(p);
  const match = filterOf(p, EMPLOYEE_KEYS, call.now);
  const rows = call.st.store.employees.filter((e) => employeeListedFor(call.caller, e) && match(e, call.caller));
  sortRows(rows, (e) => e[sort.field as (typeof EMPLOYEE_SORT)[number]], sort.desc);
  const c = renderCtx(call.st.store, call.caller, call.st.knobs.current);
  return listReply(
    rows.length,
    rows.slice(offset, offset + limit).map((e) => project('employee', e, spec, c)),
  );
}

function employee(call: Call): Reply {
  const id = requiredId(call.params);
  const spec = fieldsOf(call.params);
  const e = call.st.store.employee(id);
  if (!e || !employeeListedFor(call.caller, e)) return notFound();
  return oneReply(project('employee', e, spec, renderCtx(call.st.store, call.caller, call.st.knobs.current)));
}

/** Sites and departments: few, all visible to every role (is_managed tells the caller's own). */
function dictionary(type: EntityName, items: readonly { id: number }[]): Method {
  return (call) => {
    const p = call.params;
    const { limit, offset } = paging(p);
    const spec = fieldsOf(p);
    const match = filterOf(p, ID_ONLY, call.now);
    const rows = items.filter((x) => match(x, call.caller));
    const c = renderCtx(call.st.store, call.caller, call.st.knobs.current);
    return listReply(
      rows.length,
      rows.slice(offset, offset + limit).map((x) => project(type, x, spec, c)),
    );
  };
}

export const DIRECTORY_METHODS: Record<string, Method> = {
  'employees.me': (call) => oneReply(project('employee', call.caller, fieldsOf(call.params), renderCtx(call.st.store, call.caller, call.st.knobs.current))),
  'employees.list': employees,
  'employees.show': employee,
  'sites.list': dictionary('site', SITES),
  'departments.list': dictionary('department', DEPARTMENTS),
  // Logout by Basic (v2) has no token to revoke, and still answers true.
  'oauth2.logout': (call) => {
    if (call.token) call.st.tokens.revoke(call.token);
    return oneReply(true);
  },
  'oauth2.validatetoken': () => oneReply(true),
};
