/**
 * The generated leads (contract §4): exact mixes of type, result, lock and operator 1's scope,
 * spread over 24 months, ids ascending with created_at.
 */
import { createRng, type Rng } from '../random';
import { DATA_END, DATA_START, DAY } from './dates';
import { D1, D2, D3, D4, PURGED_EMPLOYEE_ID, S1, S2, S3, SITES, type Employee } from './directory';
import { answerText, CITIES, email, leadText, phone, SEARCH_QUERIES, visitorName } from './texts';
import type { DatasetName } from './types';

export type LeadType = 'form' | 'chat' | 'callback';

export interface Lead {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  type: LeadType;
  text: string;
  result: 'missed' | 'completed';
  answer_text: string | null;
  duration: number | null;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  is_locked: boolean;
  page_count: number;
  visit_count: number;
  search_query: string | null;
  search_engine: string | null;
  int_referer: string | null;
  entry_page: string | null;
  ext_referer: string | null;
  city: string | null;
  country: string | null;
  siteId: number;
  departmentId: number | null;
  conversationId: number | null;
  createdBy: number | null;
  completedBy: number | null;
  assignedTo: number | null;
  lockedBy: number | null;
  /** Not a Lead key: what `q=visitor_ids=` matches. */
  visitorId: string;
}

/** Leads per dataset, and how many of them lie outside operator 1's scope (exactly 30%). */
export const SIZES: Record<DatasetName, { leads: number; outOfScopeOperator1: number }> = {
  default: { leads: 5000, outOfScopeOperator1: 1500 },
  small: { leads: 300, outOfScopeOperator1: 90 },
};
export const FIRST_LEAD_ID = 200_001;
/** Employees who left: named only on leads older than this. */
export const DELETED_BEFORE = DATA_START + 240 * DAY;

/** `n` items of the given shares (largest remainder first), shuffled. */
function quota<T>(rng: Rng, n: number, shares: readonly (readonly [T, number])[]): T[] {
  const out: T[] = [];
  for (const [v, share] of shares) for (let i = Math.round(n * share); i > 0 && out.length < n; i--) out.push(v);
  while (out.length < n) out.push(shares[0][0]);
  return rng.shuffle(out);
}

/** Site and department: in operator 1's scope (sites S1, S2; departments D1–D3 or none) or out of it. */
function placement(rng: Rng, inScope: boolean): [number, number | null] {
  if (inScope) return [rng.pick([S1, S2]), rng.chance(0.1) ? null : rng.pick([D1, D2, D3])];
  if (rng.chance(0.6)) return [S3, rng.chance(0.17) ? null : rng.pick([D1, D2, D3, D4])];
  return [rng.pick([S1, S2]), D4];
}

function times(rng: Rng, n: number): number[] {
  const out = Array.from({ length: n }, () => DATA_START + Math.floor((rng.next() * (DATA_END - DATA_START)) / 1000) * 1000);
  out.sort((a, b) => a - b);
  for (let i = 1; i < n; i++) if (out[i] <= out[i - 1]) out[i] = out[i - 1] + 1000;
  return out;
}

/** Staff who could have worked a lead of this site at this time. */
function staffFor(staff: Employee[], site: number, at: number): Employee[] {
  const fit = staff.filter((e) => e.managedSites.includes(site) && (e.key !== 'deletedOperator' || at < DELETED_BEFORE));
  return fit.length ? fit : staff.filter((e) => e.key === 'operator1' || e.key === 'operator2');
}

export function generateLeads(seed: number, name: DatasetName, employees: Employee[]): Lead[] {
  const rng = createRng(seed).fork('leads');
  const n = SIZES[name].leads;
  const types = quota<LeadType>(rng.fork('type'), n, [
    ['form', 0.6],
    ['callback', 0.25],
    ['chat', 0.15],
  ]);
  const results = quota(rng.fork('result'), n, [
    ['completed', 0.65],
    ['missed', 0.35],
  ] as const);
  const locked = quota(rng.fork('locked'), n, [
    [true, 0.03],
    [false, 0.97],
  ]);
  const inScope = quota(rng.fork('scope'), n, [
    [false, SIZES[name].outOfScopeOperator1 / n],
    [true, 1 - SIZES[name].outOfScopeOperator1 / n],
  ]);
  const created = times(rng.fork('times'), n);
  const staff = employees.filter((e) => e.key !== null && (e.role === 'operator' || e.role === 'manager'));
  const operators = staff.filter((e) => e.role === 'operator' && e.key !== 'deletedOperator' && e.key !== 'blocked');
  const closers = employees.filter((e) => e.key === 'admin' || e.key === 'chief' || e.key === 'manager1');
  const visitors: string[] = [];
  const leads: Lead[] = [];
  let id = FIRST_LEAD_ID;
  let purged = name === 'default' ? 3 : 1;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(i);
    const [siteId, departmentId] = placement(r, inScope[i]);
    const type = types[i];
    const at = created[i];
    const people = staffFor(staff, siteId, at);
    const createdBy = type === 'chat' ? r.pick(people).id : null;
    const assignedTo = createdBy !== null && r.chance(0.9) ? createdBy : r.chance(0.3) ? r.pick(r.chance(0.8) ? people : operators).id : null;
    const done = results[i] === 'completed';
    const completedAt = done ? Math.min(DATA_END, at + r.int(60, 5 * 86_400) * 1000) : null;
    let completedBy = done ? (assignedTo !== null && r.chance(0.7) ? assignedTo : r.pick(r.chance(0.7) ? people : closers).id) : null;
    if (done && purged > 0 && at < DELETED_BEFORE && r.chance(0.05)) {
      completedBy = PURGED_EMPLOYEE_ID;
      purged--;
    }
    const hasEmail = r.chance(0.5);
    const engine = r.chance(0.4) ? r.pick(['yandex', 'google']) : null;
    const query = engine && r.chance(0.8) ? r.pick(SEARCH_QUERIES) : null;
    const site = SITES.find((s) => s.id === siteId)!.url;
    const place = r.chance(0.85) ? r.pick(CITIES) : null;
    const visitorId = visitors.length && r.chance(0.1) ? r.pick(visitors) : `v${(seed * 7919 + i).toString(36)}${r.int(100, 999)}`;
    visitors.push(visitorId);
    const isLocked = locked[i];
    let updated = completedAt ?? (isLocked ? at + r.int(60, 86_400) * 1000 : at);
    if (r.chance(0.1)) updated += r.int(60, 3 * 86_400) * 1000;
    leads.push({
      id,
      name: visitorName(r),
      email: hasEmail ? email(r, i) : null,
      phone: !hasEmail || r.chance(0.6) ? phone(r) : null,
      type,
      text: type === 'callback' && r.chance(0.3) ? '' : leadText(r),
      result: done ? 'completed' : 'missed',
      answer_text: done ? answerText(r) : null,
      duration: completedAt === null ? null : (completedAt - at) / 1000,
      created_at: at,
      updated_at: Math.min(updated, DATA_END),
      completed_at: completedAt,
      is_locked: isLocked,
      page_count: r.int(1, 30),
      visit_count: r.int(1, 12),
      search_query: query,
      search_engine: engine,
      int_referer: `${site}/${r.pick(['contacts', 'catalog/item-' + r.int(1, 400), 'price', ''])}`,
      entry_page: r.chance(0.9) ? `${site}/${r.pick(['', 'promo?utm_source=yandex', 'catalog', 'blog/post-' + r.int(1, 50)])}` : null,
      ext_referer: engine
        ? `https://${engine === 'yandex' ? 'yandex.ru/search/?text=' : 'www.google.com/search?q='}${encodeURIComponent(query ?? '')}`
        : r.chance(0.3)
          ? r.pick(['https://t.me/s/shop', 'https://facebook.com/', 'https://vk.com/feed'])
          : null,
      city: place ? place[0] : null,
      country: place ? place[1] : null,
      siteId,
      departmentId,
      conversationId: type === 'chat' || r.chance(0.9) ? 5_000_000 + i : null,
      createdBy,
      completedBy,
      assignedTo,
      lockedBy: isLocked ? r.pick(people).id : null,
      visitorId,
    });
    id += r.chance(0.1) ? r.int(2, 4) : 1;
  }
  return leads;
}

/** A fresh lead created now (mutations), in the same shape. */
export function newLead(rng: Rng, id: number, at: number, siteId: number, departmentId: number | null): Lead {
  return {
    id,
    name: visitorName(rng),
    email: email(rng, id),
    phone: rng.chance(0.5) ? phone(rng) : null,
    type: 'form',
    text: leadText(rng),
    result: 'missed',
    answer_text: null,
    duration: null,
    created_at: at,
    updated_at: at,
    completed_at: null,
    is_locked: false,
    page_count: rng.int(1, 9),
    visit_count: 1,
    search_query: null,
    search_engine: null,
    int_referer: `${SITES.find((s) => s.id === siteId)!.url}/contacts`,
    entry_page: null,
    ext_referer: null,
    city: null,
    country: null,
    siteId,
    departmentId,
    conversationId: null,
    createdBy: null,
    completedBy: null,
    assignedTo: null,
    lockedBy: null,
    visitorId: `vnew${id}`,
  };
}
