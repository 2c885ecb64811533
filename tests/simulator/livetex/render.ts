/** Lead rows as a caller receives them: the field projection plus the role filter's hiding. */
import type { Lead } from './dataset';
import type { Employee } from './directory';
import { parseFields, project, type FieldSpec } from './fields';
import type { RenderCtx } from './schema';
import { textsHidden } from './scope';
import type { Store } from './store';
import type { LivetexKnobs } from './types';

const PERSON = '(id,first_name,last_name)';
/** What the extension asks for on every pull (contract §2.1). */
export const EXTENSION_FIELDS = [
  'id',
  'name',
  'email',
  'phone',
  'type',
  'text',
  'result',
  'answer_text',
  'duration',
  'created_at',
  'updated_at',
  'completed_at',
  'is_managed',
  'is_locked',
  'page_count',
  'visit_count',
  'search_query',
  'search_engine',
  'int_referer',
  'entry_page',
  'ext_referer',
  'city',
  'country',
  'site(id,url)',
  'department(id,title)',
  'conversation(id)',
  `created_by${PERSON}`,
  `completed_by${PERSON}`,
  `assigned_to${PERSON}`,
  `locked_by${PERSON}`,
].join(',');
export const EXTENSION_FIELD_SPEC: FieldSpec[] = parseFields(EXTENSION_FIELDS);

/** Employees.me as the extension reads it (contract §1.3). */
export const EMPLOYEE_FIELDS =
  'id,first_name,last_name,email,is_active,is_deleted,role(code,title,is_admin),' + 'managed_sites(id,url),managed_departments(id,title),departments(id,title)';

export const HIDDEN_KEYS = ['text', 'answer_text'] as const;

export function renderCtx(store: Store, caller: Employee, knobs: LivetexKnobs): RenderCtx {
  // The purged employee is only an id: references to him stay `{id}`.
  const known = (id: number) => {
    const e = store.employee(id);
    return e && e.key !== null ? e : undefined;
  };
  return { caller, knobs, employee: known };
}

/**
 * One lead row. `filtered` (Leads.list/show, not the routed methods): out-of-scope rows of a
 * restricted caller lose text and answer_text (documented mode), as absent keys or nulls.
 */
export function renderLead(lead: Lead, c: RenderCtx, spec: FieldSpec[] | null, filtered: boolean): Record<string, unknown> {
  const row = project('lead', lead, spec, c);
  if (filtered && textsHidden(c.caller, lead, c.knobs.roleMode)) {
    for (const k of HIDDEN_KEYS) {
      if (!(k in row)) continue;
      if (c.knobs.hiddenForm === 'null') row[k] = null;
      else delete row[k];
    }
  }
  if (c.knobs.omitIsManaged) delete row.is_managed;
  return row;
}
