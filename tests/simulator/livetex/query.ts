/**
 * The `q` grammar (contract §1.4, assumed form): a term starts at a word matching
 * `[a-z_]+(>=|<=|=|>|<)` and its value runs to the next term; terms are ANDed. An unknown key,
 * an operator the key does not take, or a bad value → QueryError (422 with `errors.q`).
 */
import { parseDatetimeInput, type Span } from './dates';

export type Op = '=' | '>=' | '<=' | '>' | '<';
export interface Term {
  key: string;
  op: Op;
  value: string;
}

export class QueryError extends Error {}

const TERM_START = /(^|\s)([a-z_]+)(>=|<=|=|>|<)/g;

export function parseTerms(q: string): Term[] {
  const starts: { at: number; valueAt: number; key: string; op: Op }[] = [];
  for (const m of q.matchAll(TERM_START)) {
    const at = m.index + m[1].length;
    starts.push({ at, valueAt: at + m[2].length + m[3].length, key: m[2], op: m[3] as Op });
  }
  const head = q.slice(0, starts.length ? starts[0].at : q.length).trim();
  if (head) throw new QueryError(`Неверный формат: «${head}»`);
  return starts.map((s, i) => ({ key: s.key, op: s.op, value: q.slice(s.valueAt, i + 1 < starts.length ? starts[i + 1].at : q.length).trim() }));
}

/** How one key reads its value and matches a row; `get` sees the row and the caller. */
export type KeyRule<T, C> =
  | { kind: 'idlist'; get: (x: T, c: C) => number | null }
  | { kind: 'strlist'; get: (x: T, c: C) => string | null }
  | { kind: 'enum'; values: readonly string[]; get: (x: T, c: C) => string | null }
  | { kind: 'int'; get: (x: T, c: C) => number | null }
  | { kind: 'substring'; get: (x: T, c: C) => string | null }
  | { kind: 'datetime'; get: (x: T, c: C) => number | null }
  | { kind: 'boolean'; get: (x: T, c: C) => boolean };

const BOOLEAN: Record<string, boolean> = { yes: true, no: false, 1: true, 0: false, true: true, false: false };

function compare(op: Op, v: number, span: Span): boolean {
  switch (op) {
    case '=':
      return v >= span.from && v < span.to;
    case '>=':
      return v >= span.from;
    case '>':
      return v >= span.to;
    case '<=':
      return v < span.to;
    case '<':
      return v < span.from;
  }
}

function termPredicate<T, C>(t: Term, rule: KeyRule<T, C>, now: number): (x: T, c: C) => boolean {
  const bad = () => new QueryError(`Неверное значение «${t.key}»: «${t.value}»`);
  if (rule.kind !== 'int' && rule.kind !== 'datetime' && t.op !== '=') throw new QueryError(`Оператор «${t.op}» недопустим для «${t.key}»`);
  switch (rule.kind) {
    case 'idlist': {
      const parts = t.value.split(',').map((s) => s.trim());
      if (!parts.every((p) => /^\d+$/.test(p))) throw bad();
      const ids = new Set(parts.map(Number));
      return (x, c) => {
        const v = rule.get(x, c);
        return v !== null && ids.has(v);
      };
    }
    case 'strlist': {
      const ids = new Set(
        t.value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
      if (!ids.size) throw bad();
      return (x, c) => {
        const v = rule.get(x, c);
        return v !== null && ids.has(v);
      };
    }
    case 'enum':
      if (!rule.values.includes(t.value)) throw bad();
      return (x, c) => rule.get(x, c) === t.value;
    case 'int': {
      if (!/^-?\d+$/.test(t.value)) throw bad();
      const n = Number(t.value);
      return (x, c) => {
        const v = rule.get(x, c);
        return v !== null && compare(t.op, v, { from: n, to: n + 1 });
      };
    }
    case 'substring': {
      const needle = t.value.toLowerCase();
      return (x, c) => {
        const v = rule.get(x, c);
        return v !== null && v.toLowerCase().includes(needle);
      };
    }
    case 'datetime': {
      const span = parseDatetimeInput(t.value, now);
      if (!span) throw bad();
      return (x, c) => {
        const v = rule.get(x, c);
        return v !== null && compare(t.op, v, span);
      };
    }
    case 'boolean': {
      const want = BOOLEAN[t.value.toLowerCase()];
      if (want === undefined) throw bad();
      return (x, c) => rule.get(x, c) === want;
    }
  }
}

/** The AND of every term of `q` under the given key rules. */
export function buildFilter<T, C>(q: string, rules: Record<string, KeyRule<T, C>>, now: number): (x: T, c: C) => boolean {
  const preds = parseTerms(q).map((t) => {
    const rule = Object.prototype.hasOwnProperty.call(rules, t.key) ? rules[t.key] : undefined;
    if (!rule) throw new QueryError(`Неизвестное поле «${t.key}»`);
    return termPredicate(t, rule, now);
  });
  return (x, c) => preds.every((p) => p(x, c));
}
