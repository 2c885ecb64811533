/**
 * The merge rule of contract §2.1 across identities and pulls: visible beats hidden, the later
 * `updated_at` wins, then the later pull, hidden never erases visible, stale kept values flagged;
 * an operator's pull plus an admin's equals the admin's, whatever the order.
 */
import { describe, expect, it } from 'vitest';
import { cellsOf, flagsOf, hiddenMarker } from '@/utils/sources/livetex/cells';
import { COLUMNS } from '@/utils/sources/livetex/columns';
import { mergeLead, outdated, receivedText, unlisted } from '@/utils/sources/livetex/merge';
import type { Identity, LeadFacts, LeadRow } from '@/utils/sources/livetex/types';

const operator: Identity = { slot: 'cabinet', employeeId: 7, role: 'operator', name: 'Olga Ivanova (7)', restricted: true };
const manager: Identity = { slot: 'account', employeeId: 5, role: 'manager', name: 'Petro Koval (5)', restricted: true };
const admin: Identity = { slot: 'account', employeeId: 1, role: 'admin', name: 'Anna Admin (1)', restricted: false };

const base = { name: 'Visitor', type: 'form', result: 'completed', created_at: '2025-01-02T10:00:00', updated_at: '2025-01-03T11:00:00' };

/** A lead as the admin gets it, and as a restricted caller outside its scope gets it (absent or null form). */
function asAdmin(id: number, text: unknown = `Text ${id}\r\nline 2`, answer: unknown = 'Answer'): LeadRow {
  return { id, ...base, text, answer_text: answer, is_managed: true };
}
function outOfScope(id: number, form: 'absent' | 'null' = 'absent'): LeadRow {
  const row: LeadRow = { id, ...base, is_managed: false };
  if (form === 'null') Object.assign(row, { text: null, answer_text: null });
  return row;
}

function pull(rows: LeadRow[], who: Identity, at: string, into = new Map<number, LeadFacts>()): Map<number, LeadFacts> {
  for (const r of rows) into.set(r.id, mergeLead(into.get(r.id), r, who, at));
  return into;
}

const col = (f: LeadFacts, c: (typeof COLUMNS)[number]) => cellsOf(f)[COLUMNS.indexOf(c)];

describe('LiveTex merge', () => {
  it('marks a text hidden from every identity that pulled it, roles joined in the order they hid it', () => {
    const facts = pull([outOfScope(1)], operator, '2025-02-01T00:00:00Z');
    expect(col(facts.get(1)!, 'text')).toBe('[hidden: operator]');
    expect(col(facts.get(1)!, 'answer_text')).toBe('[hidden: operator]');
    expect(col(facts.get(1)!, 'text_visibility')).toBe('hidden');
    pull([outOfScope(1, 'null')], manager, '2025-02-01T00:01:00Z', facts);
    expect(col(facts.get(1)!, 'text')).toBe(hiddenMarker(['operator', 'manager']));
    expect(col(facts.get(1)!, 'text')).toBe('[hidden: operator, manager]');
  });

  it('an operator’s pull plus an admin’s equals the admin’s, in either order', () => {
    const ids = [1, 2, 3, 4];
    const adminRows = ids.map((id) => asAdmin(id, id === 3 ? '' : undefined, id === 4 ? null : undefined));
    const operatorRows = ids.map((id, i) => (id % 2 ? outOfScope(id) : adminRows[i]));
    const adminOnly = pull(adminRows, admin, '2025-02-01T00:05:00Z');
    const texts = (m: Map<number, LeadFacts>) => ids.map((id) => [col(m.get(id)!, 'text'), col(m.get(id)!, 'answer_text'), col(m.get(id)!, 'text_visibility')]);
    const opThenAdmin = pull(adminRows, admin, '2025-02-01T00:05:00Z', pull(operatorRows, operator, '2025-02-01T00:00:00Z'));
    const adminThenOp = pull(operatorRows, operator, '2025-02-01T00:10:00Z', pull(adminRows, admin, '2025-02-01T00:05:00Z'));
    expect(texts(opThenAdmin)).toEqual(texts(adminOnly));
    expect(texts(adminThenOp)).toEqual(texts(adminOnly));
    // Really empty stays empty, and visible: never a marker.
    expect(texts(adminOnly)[2]).toEqual(['', 'Answer', 'visible']);
    expect(texts(adminOnly)[3]).toEqual(['Text 4\r\nline 2', '', 'visible']);
    expect(col(opThenAdmin.get(1)!, 'pulled_by')).toBe('Olga Ivanova (7), Anna Admin (1)');
  });

  it('never lets hidden erase visible, and flags a kept text older than the lead', () => {
    const facts = pull([asAdmin(1)], admin, '2025-02-01T00:00:00Z');
    const changed = { ...outOfScope(1), updated_at: '2025-01-04T09:00:00', result: 'completed' };
    pull([changed], operator, '2025-02-02T00:00:00Z', facts);
    const f = facts.get(1)!;
    expect(col(f, 'text')).toBe('Text 1\r\nline 2');
    expect(col(f, 'updated_at')).toBe('2025-01-04T09:00:00');
    expect(outdated(f, 'text')).toBe(true);
    expect(flagsOf(f)).toBe('text_may_be_outdated, answer_text_may_be_outdated');
  });

  it('of two visible values takes the later updated_at (any datetime form), then the later pull', () => {
    const older = { ...asAdmin(1, 'old'), updated_at: '2025-01-03T12:00:00' }; // 09:00 UTC
    const newer = { ...asAdmin(1, 'new'), updated_at: '2025-01-03T10:00:00Z' }; // 10:00 UTC
    const a = pull([newer], admin, '2025-02-01T00:00:00Z');
    pull([older], manager, '2025-02-02T00:00:00Z', a);
    expect(col(a.get(1)!, 'text')).toBe('new');
    const b = pull([asAdmin(2, 'first')], admin, '2025-02-01T00:00:00Z');
    pull([asAdmin(2, 'second')], manager, '2025-02-02T00:00:00Z', b);
    expect(col(b.get(2)!, 'text')).toBe('second');
  });

  it('reads null as hidden only when LiveTex withheld the row (restricted, unmanaged, no text at all)', () => {
    const at = '2025-02-01T00:00:00Z';
    expect(receivedText(outOfScope(1, 'null'), 'text', operator, at).visible).toBe(false);
    // Implementation mode lists the operator's own out-of-scope lead whole: a missed lead's null answer is real.
    expect(receivedText({ ...asAdmin(1, 'hi', null), is_managed: false }, 'answer_text', operator, at)).toMatchObject({ visible: true, value: null });
    expect(receivedText(outOfScope(1, 'null'), 'text', admin, at).visible).toBe(true);
    const noFlag: LeadRow = { id: 1, ...base, text: null, answer_text: null };
    expect(receivedText(noFlag, 'text', operator, at).visible).toBe(false);
    expect(receivedText({ ...noFlag, is_managed: 'yes' }, 'text', operator, at).visible).toBe(true);
  });

  it('keeps a lead an identity stops listing, flagged, and writes nothing when a pull changes nothing', () => {
    const facts = pull([asAdmin(1)], operator, '2025-02-01T00:00:00Z');
    const before = facts.get(1)!;
    const again = mergeLead(before, asAdmin(1), operator, '2025-02-02T00:00:00Z');
    expect(again.lead).toBe(before.lead);
    expect(again.texts.text).toBe(before.texts.text);
    expect(again.pulls).toBe(before.pulls);
    const gone = unlisted(before, operator.employeeId);
    expect(col(gone, 'text')).toBe('Text 1\r\nline 2');
    expect(flagsOf(gone)).toBe('no_longer_listed_for Olga Ivanova (7)');
  });
});
