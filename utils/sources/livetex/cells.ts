/**
 * A stored lead as the file's cells (extension-interface.md «LiveTex»). Pure. Values as received;
 * a text hidden from every identity that pulled the lead is `[hidden: {role codes}]`, never an
 * empty cell; employees as `First Last (id)`.
 */
import { COLUMNS, type Column } from './columns';
import { employeeName } from './leads';
import { outdated } from './merge';
import { TEXT_KEYS, type LeadFacts, type TextState } from './types';

/** A value as received, as text: numbers as written, null and absent as empty, objects as JSON. */
export function plain(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return JSON.stringify(v);
}

/** The marker of a text no identity was given. */
export function hiddenMarker(roles: string[]): string {
  return `[hidden: ${roles.join(', ')}]`;
}

export function textCell(t: TextState): string {
  return t.visible ? plain(t.value) : hiddenMarker(t.hiddenFrom);
}

/** A reference (`{id, …}`, a bare id, or null) as an object. */
function ref(v: unknown): Record<string, unknown> {
  if (v && typeof v === 'object') return v as Record<string, unknown>;
  return v === null || v === undefined ? {} : { id: v };
}

/** What the file says beyond the values: kept texts that may be outdated, identities that stopped listing it. */
export function flagsOf(f: LeadFacts): string {
  const flags: string[] = TEXT_KEYS.filter((k) => outdated(f, k)).map((k) => `${k}_may_be_outdated`);
  for (const p of f.pulls) if (!p.listed) flags.push(`no_longer_listed_for ${p.name}`);
  return flags.join(', ');
}

const CELL: Record<Column, (f: LeadFacts, lead: Record<string, unknown>) => string> = {
  id: (_, l) => plain(l.id),
  name: (_, l) => plain(l.name),
  email: (_, l) => plain(l.email),
  phone: (_, l) => plain(l.phone),
  type: (_, l) => plain(l.type),
  result: (_, l) => plain(l.result),
  text: (f) => textCell(f.texts.text),
  answer_text: (f) => textCell(f.texts.answer_text),
  text_visibility: (f) => (TEXT_KEYS.some((k) => !f.texts[k].visible) ? 'hidden' : 'visible'),
  site_id: (_, l) => plain(ref(l.site).id),
  site_url: (_, l) => plain(ref(l.site).url),
  department_id: (_, l) => plain(ref(l.department).id),
  department: (_, l) => plain(ref(l.department).title),
  created_at: (_, l) => plain(l.created_at),
  updated_at: (_, l) => plain(l.updated_at),
  completed_at: (_, l) => plain(l.completed_at),
  duration: (_, l) => plain(l.duration),
  created_by: (_, l) => employeeName(l.created_by),
  assigned_to: (_, l) => employeeName(l.assigned_to),
  completed_by: (_, l) => employeeName(l.completed_by),
  city: (_, l) => plain(l.city),
  country: (_, l) => plain(l.country),
  ext_referer: (_, l) => plain(l.ext_referer),
  entry_page: (_, l) => plain(l.entry_page),
  int_referer: (_, l) => plain(l.int_referer),
  search_engine: (_, l) => plain(l.search_engine),
  search_query: (_, l) => plain(l.search_query),
  page_count: (_, l) => plain(l.page_count),
  visit_count: (_, l) => plain(l.visit_count),
  pulled_by: (f) => f.pulls.map((p) => p.name).join(', '),
  flags: flagsOf,
};

export function cellsOf(f: LeadFacts): string[] {
  return COLUMNS.map((c) => CELL[c](f, f.lead));
}
