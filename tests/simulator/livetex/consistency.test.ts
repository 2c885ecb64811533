/**
 * Contract §4 consistency, on the default dataset with full pulls as the extension makes them:
 * the admin's row holds every key of the operator's row; an operator pull merged with an admin
 * pull equals the admin pull; total equals the rows paged with limit=100; the expected
 * `[hidden: role]` cells match what the pulls received. (The 429 on the sixth request within
 * one second is held in rate-limit.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLivetexSimulator } from './server';
import type { LivetexSimulator } from './types';
import { NO_LIMITS, pullAll, tokenFor, type Row } from './test-helpers';

let sim: LivetexSimulator;
let admin: string;
let op1: string;
let adminRows: Row[];
let opPull: Awaited<ReturnType<typeof pullAll>>;

beforeAll(async () => {
  sim = await startLivetexSimulator({ seed: 1 });
  sim.setKnobs(NO_LIMITS);
  admin = await tokenFor(sim, 'admin');
  op1 = await tokenFor(sim, 'operator1');
  adminRows = (await pullAll(sim, admin)).rows;
  opPull = await pullAll(sim, op1);
});
afterAll(async () => sim.close());

const TEXT_KEYS = ['text', 'answer_text'];
/** Hidden in a row: key absent (asked for), or null on an out-of-scope row (the null form). */
const hidden = (row: Row, k: string) => !(k in row) || (row[k] === null && row.is_managed === false);

/** The merge of contract §2.1 for pulls in order: visible beats hidden, later pull wins, hidden never erases. */
function merge(pulls: Row[][]): Map<number, Row> {
  const out = new Map<number, Row>();
  for (const rows of pulls) {
    for (const row of rows) {
      const prev = out.get(row.id as number);
      const next: Row = { ...row };
      for (const k of TEXT_KEYS) if (hidden(row, k) && prev && !hidden(prev, k)) next[k] = prev[k];
      for (const k of TEXT_KEYS) if (hidden(next, k)) delete next[k];
      out.set(row.id as number, next);
    }
  }
  return out;
}

/** Every key of each operator row is in the admin's row with the same value (is_managed and hidden texts aside). */
function checkAgainstAdmin(opRows: Row[], fullRows = adminRows): void {
  const byId = new Map(fullRows.map((r) => [r.id as number, r]));
  const wrong: string[] = [];
  for (const row of opRows) {
    const full = byId.get(row.id as number)!;
    for (const k of Object.keys(row)) {
      if (!(k in full)) wrong.push(`${row.id}: admin lacks ${k}`);
      else if (k !== 'is_managed' && !(TEXT_KEYS.includes(k) && hidden(row, k)) && JSON.stringify(row[k]) !== JSON.stringify(full[k]))
        wrong.push(`${row.id}: ${k} differs`);
    }
  }
  expect(wrong).toEqual([]);
  const merged = Array.from(merge([opRows, fullRows]).values()).sort((a, b) => (a.id as number) - (b.id as number));
  // One string comparison: a deep toEqual over 5,000 rows is slow; on failure, show the first difference.
  if (JSON.stringify(merged) !== JSON.stringify(fullRows)) expect(merged.find((r, i) => JSON.stringify(r) !== JSON.stringify(fullRows[i]))).toEqual({});
}

describe('documented mode', () => {
  it('pages 5,000 leads in 50 requests; total equals the rows paged; ids unique', () => {
    expect(adminRows).toHaveLength(5000);
    const pull = opPull;
    expect(pull.requests).toBe(50);
    expect(new Set(pull.totals)).toEqual(new Set([5000]));
    expect(new Set(pull.rows.map((r) => r.id)).size).toBe(5000);
    checkAgainstAdmin(pull.rows);
    expect(pull.rows.filter((r) => !('text' in r))).toHaveLength(1500);
  });

  it('holds with hidden_form=null too (small dataset, to keep the run short)', async () => {
    const small = await startLivetexSimulator({ seed: 1, dataset: 'small', knobs: { ...NO_LIMITS, hiddenForm: 'null' } });
    try {
      const full = (await pullAll(small, await tokenFor(small, 'admin'))).rows;
      const pull = await pullAll(small, await tokenFor(small, 'operator1'));
      expect(pull.rows.filter((r) => r.text === null && r.is_managed === false)).toHaveLength(90);
      checkAgainstAdmin(pull.rows, full);
    } finally {
      await small.close();
    }
  });

  it('the expected cells name the role when only the operator pulled, and none once the admin pulled too', () => {
    const op = sim.employees.operator1.id;
    const alone = sim.truth.expectedTexts([op]);
    const pull = new Map(opPull.rows.map((r) => [r.id as number, r]));
    expect(alone.size).toBe(5000);
    const wrong = Array.from(alone).filter(([id, cells]) => {
      const row = pull.get(id)!;
      if (cells.text.visible !== 'text' in row) return true;
      if (cells.text.visible) return cells.text.value !== row.text || cells.answer_text.value !== row.answer_text;
      return cells.text.marker !== '[hidden: operator]' || cells.answer_text.marker !== '[hidden: operator]';
    });
    expect(wrong).toEqual([]);
    const both = sim.truth.expectedTexts([op, sim.employees.admin.id]);
    expect(Array.from(both.values()).every((c) => c.text.visible && c.text.marker === null)).toBe(true);
    const twoRestricted = sim.truth.expectedTexts([op, sim.employees.manager2.id]);
    expect(Array.from(twoRestricted.values()).some((c) => c.text.marker === '[hidden: operator, manager]')).toBe(true);
  });
});

describe('implementation mode', () => {
  it("gives the operator a subset with every field, equal to the admin's rows; total equals the rows", async () => {
    sim.setKnobs({ roleMode: 'implementation' });
    const pull = await pullAll(sim, op1);
    sim.setKnobs({ roleMode: 'documented' });
    expect(pull.rows.map((r) => r.id)).toEqual(sim.truth.listedFor(sim.employees.operator1.id, 'implementation'));
    expect(pull.totals.every((t) => t === pull.rows.length)).toBe(true);
    checkAgainstAdmin(pull.rows);
    expect(sim.truth.expectedTexts([sim.employees.operator1.id], 'implementation').size).toBe(pull.rows.length);
  });
});
