/** Contract §4: the default and small datasets, read through `truth`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLivetexSimulator, SIZES } from './server';
import type { LivetexSimulator } from './types';
import { MSK_DATETIME, type Row } from './test-helpers';
import { DELETED_BEFORE } from './dataset';
import { formatDatetime } from './dates';

let sim: LivetexSimulator;
let leads: Row[];

beforeAll(async () => {
  sim = await startLivetexSimulator({ seed: 1 });
  leads = sim.truth.leads();
});
afterAll(async () => sim.close());

const count = (pred: (l: Row) => boolean) => leads.filter(pred).length;
const texts = () => leads.flatMap((l) => [l.text, l.answer_text]).filter((t): t is string => typeof t === 'string');
const ref = (l: Row, k: string) => (l[k] as { id: number } | null)?.id ?? null;

describe('default dataset', () => {
  it('has one account: 3 sites and the 4 departments with their exact titles', () => {
    expect(sim.truth.sites().map((s) => s.url)).toEqual(['https://shop.example', 'https://клиника.example', 'https://b2b.example']);
    expect(sim.truth.departments().map((d) => d.title)).toEqual(['Продажи', 'Підтримка', 'Бухгалтерия; счета', 'VIP "Gold"']);
  });

  it('has employees of every role, the deleted operator and the blocked employee', () => {
    const e = sim.employees;
    expect([e.admin, e.adminPartner, e.chief, e.chiefPartner].map((x) => x.role)).toEqual(['admin', 'admin_partner', 'chief', 'chief_partner']);
    const all = sim.truth.employees();
    const byKey = (k: string) => all.find((x) => x.key === k) as Row & { managed_sites: unknown[]; managed_departments: unknown[] };
    expect(byKey('chief').managed_sites).toHaveLength(3);
    expect(byKey('chiefPartner').managed_departments).toHaveLength(4);
    for (const k of ['manager1', 'manager2']) expect(byKey(k).managed_sites).toHaveLength(2);
    const operators = all.filter((x) => (x.role as { code: string }).code === 'operator' && x.is_active);
    expect(operators.map((x) => x.key)).toEqual(['operator1', 'operator2', 'operator3', 'operator4']);
    expect(byKey('operator1').managed_sites).toHaveLength(2);
    expect(byKey('operator1').managed_departments).toHaveLength(3);
    expect(byKey('deletedOperator')).toMatchObject({ is_deleted: true, is_active: false });
    expect(byKey('blocked')).toMatchObject({ is_deleted: false, is_active: false });
    for (const x of Object.values(e)) expect(x.password.length).toBeGreaterThan(8);
  });

  it('has 5,000 leads over 24 months, ids ascending with created_at, Moscow datetimes', () => {
    expect(leads).toHaveLength(SIZES.default.leads);
    const created = leads.map((l) => l.created_at as string);
    expect(created.every((c) => MSK_DATETIME.test(c))).toBe(true);
    expect([...created].sort()).toEqual(created);
    const ids = leads.map((l) => l.id as number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const days = (Date.parse(created[created.length - 1]) - Date.parse(created[0])) / 86_400_000;
    expect(days).toBeGreaterThan(700);
    expect(days).toBeLessThanOrEqual(731);
    expect(leads.every((l) => (l.updated_at as string) >= (l.created_at as string))).toBe(true);
  });

  it('has the stated mixes: types, results with answer_text, departments, locks', () => {
    expect(count((l) => l.type === 'form')).toBe(3000);
    expect(count((l) => l.type === 'callback')).toBe(1250);
    expect(count((l) => l.type === 'chat')).toBe(750);
    expect(count((l) => l.result === 'missed')).toBe(1750);
    const completed = leads.filter((l) => l.result === 'completed');
    expect(completed).toHaveLength(3250);
    expect(completed.every((l) => typeof l.answer_text === 'string' && l.answer_text !== '' && l.completed_at !== null && l.completed_by !== null)).toBe(true);
    expect(leads.filter((l) => l.result === 'missed').every((l) => l.answer_text === null && l.completed_at === null)).toBe(true);
    const noDept = count((l) => l.department === null) / leads.length;
    expect(noDept).toBeGreaterThan(0.08);
    expect(noDept).toBeLessThan(0.12);
    expect(count((l) => l.is_locked === true)).toBe(150);
    expect(leads.filter((l) => l.is_locked).every((l) => l.locked_by !== null)).toBe(true);
    expect(count((l) => l.created_by === null)).toBe(4250); // visitors left every form and callback
  });

  it("puts exactly 1,500 leads outside operator 1's scope", () => {
    expect(sim.truth.outOfScope(sim.employees.operator1.id)).toHaveLength(1500);
    expect(sim.truth.inScope(sim.employees.operator1.id)).toHaveLength(3500);
    expect(sim.truth.inScope(sim.employees.admin.id)).toHaveLength(5000);
  });

  it('writes hostile texts: ≤ 2,000 chars, LF and CRLF, Russian and Ukrainian, quotes, ;, emoji, markup, leading = + - @', () => {
    const all = texts();
    expect(Math.max(...all.map((t) => t.length))).toBe(2000);
    expect(all.some((t) => /\r\n/.test(t))).toBe(true);
    expect(all.some((t) => /[^\r]\n/.test(t) && !t.includes('\r'))).toBe(true);
    expect(all.some((t) => /[ыэъё]/i.test(t))).toBe(true);
    expect(all.some((t) => /[їєіґ]/i.test(t))).toBe(true);
    for (const needle of ['"', ';', '<b>', '«'])
      expect(
        all.some((t) => t.includes(needle)),
        needle,
      ).toBe(true);
    expect(all.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    for (const lead of ['=', '+', '-', '@'])
      expect(
        all.some((t) => t.startsWith(lead)),
        lead,
      ).toBe(true);
    expect(count((l) => l.text === '')).toBeGreaterThan(0); // empty callbacks: really empty, not hidden
    const names = leads.map((l) => l.name as string);
    for (const lead of ['=', '+', '-', '@'])
      expect(
        names.some((n) => n.startsWith(lead)),
        lead,
      ).toBe(true);
    expect(names.some((n) => n.includes('\n'))).toBe(true);
  });

  it('has mixed phones, e-mail on about half, and e-mail or phone on every lead', () => {
    const shapes = new Set(
      leads
        .map((l) => l.phone)
        .filter((p): p is string => !!p)
        .map((p) => p.replace(/\d/g, '9')),
    );
    expect(shapes.size).toBeGreaterThanOrEqual(6);
    const withEmail = count((l) => !!l.email) / leads.length;
    expect(withEmail).toBeGreaterThan(0.45);
    expect(withEmail).toBeLessThan(0.55);
    expect(leads.every((l) => !!l.email || !!l.phone)).toBe(true);
  });

  it('names the deleted operator only on old leads, and references an unknown employee on a few', () => {
    const id = sim.employees.deletedOperator.id;
    const his = leads.filter((l) => ['created_by', 'assigned_to', 'completed_by', 'locked_by'].some((k) => ref(l, k) === id));
    expect(his.length).toBeGreaterThan(10);
    expect(his.every((l) => (l.created_at as string) < formatDatetime(DELETED_BEFORE))).toBe(true);
    const unknown = leads.filter((l) => (l.completed_by as Row | null)?.first_name === undefined && l.completed_by !== null);
    expect(unknown.length).toBe(3);
  });
});

describe('seeding', () => {
  it('gives the same data for the same seed and other data for another; small has 300 leads, 90 outside operator 1', async () => {
    const a = await startLivetexSimulator({ seed: 5, dataset: 'small' });
    const b = await startLivetexSimulator({ seed: 5, dataset: 'small' });
    const c = await startLivetexSimulator({ seed: 6, dataset: 'small' });
    try {
      expect(a.truth.leads()).toEqual(b.truth.leads());
      expect(a.employees).toEqual(b.employees);
      expect(a.truth.leads()).not.toEqual(c.truth.leads());
      expect(a.truth.leads()).toHaveLength(SIZES.small.leads);
      expect(a.truth.outOfScope(a.employees.operator1.id)).toHaveLength(SIZES.small.outOfScopeOperator1);
      expect(c.truth.outOfScope(c.employees.operator1.id)).toHaveLength(90);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
