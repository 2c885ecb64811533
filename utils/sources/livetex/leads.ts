/** What a pull asks LiveTex for (contract §2.1), and who the caller is (§1.3). */
import { CrmError } from '../../errors';
import type { Identity, Slot } from './types';

/** Rows per Leads.list page: LiveTex's maximum (more is a 422). */
export const PAGE_SIZE = 100;

const PERSON = '(id,first_name,last_name)';

/** Every Lead key, with the references' parts the file shows: always sent, never the default. */
export const LEAD_FIELDS = [
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

export const ME_FIELDS = 'id,first_name,last_name,email,is_active,is_deleted,role(code,title,is_admin)';

/** Roles that see every lead whole; any other code counts as restricted. */
const FULL_ROLES = ['admin', 'admin_partner'];

/** The query of one Leads.list page: the oldest first, so leads created meanwhile only append. */
export function listQuery(offset: number, limit = PAGE_SIZE): string {
  const q = new URLSearchParams({ sort: 'created_at:a', limit: String(Math.min(limit, PAGE_SIZE)), offset: String(offset), fields: LEAD_FIELDS });
  return `/leads/list?${q}`;
}

/** An employee reference as the file shows it: `First Last (id)`, `(id)` when only the id came. */
export function employeeName(ref: unknown): string {
  if (ref === null || ref === undefined || ref === '') return '';
  if (typeof ref !== 'object') return `(${String(ref)})`;
  const e = ref as Record<string, unknown>;
  const name = [e.first_name, e.last_name].filter((p) => typeof p === 'string' && p !== '').join(' ');
  return name ? `${name} (${String(e.id ?? '')})` : `(${String(e.id ?? '')})`;
}

/** The caller of `/employees/me`, holding which token. */
export function identityOf(me: Record<string, unknown>, slot: Slot): Identity {
  const id = Number(me.id);
  if (!Number.isInteger(id) || id <= 0) throw new CrmError('malformed-response', '/employees/me: no employee id');
  const role = me.role && typeof me.role === 'object' ? (me.role as Record<string, unknown>).code : undefined;
  const code = typeof role === 'string' && role ? role : 'unknown';
  return { slot, employeeId: id, role: code, name: employeeName(me), restricted: !FULL_ROLES.includes(code) };
}
