/**
 * `fields` (contract §1.2): `id,site(id,url),created_by(id,first_name)` parsed to a tree, and
 * entities projected through it. Unknown names are ignored; without `fields`, scalars and
 * references as `{id}`.
 */
import { formatDatetime } from './dates';
import { SCHEMAS, type Def, type EntityName, type RenderCtx } from './schema';

export interface FieldSpec {
  name: string;
  sub: FieldSpec[] | null;
}

export class FieldsError extends Error {}

/** Parses a `fields` value; throws FieldsError on unbalanced parentheses or stray characters. */
export function parseFields(text: string): FieldSpec[] {
  let i = 0;
  const list = (depth: number): FieldSpec[] => {
    const out: FieldSpec[] = [];
    for (;;) {
      while (text[i] === ' ') i++;
      const m = /^[A-Za-z0-9_]*/.exec(text.slice(i))![0];
      i += m.length;
      while (text[i] === ' ') i++;
      let sub: FieldSpec[] | null = null;
      if (text[i] === '(') {
        i++;
        sub = list(depth + 1);
        if (text[i] !== ')') throw new FieldsError(`")" expected at ${i}`);
        i++;
        while (text[i] === ' ') i++;
      }
      if (m) out.push({ name: m, sub });
      else if (sub) throw new FieldsError(`a name is expected before "(" at ${i}`);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (i >= text.length || (depth > 0 && text[i] === ')')) return out;
      throw new FieldsError(`unexpected "${text[i]}" at ${i}`);
    }
  };
  return list(0);
}

const plans = new WeakMap<FieldSpec[], Map<string, FieldSpec[] | null>>();

/** Merges repeated names (`site(id),site(url)` = `site(id,url)`); a bare name wins over a sub-list. */
function wantedMap(spec: FieldSpec[]): Map<string, FieldSpec[] | null> {
  const known = plans.get(spec);
  if (known) return known;
  const out = new Map<string, FieldSpec[] | null>();
  plans.set(spec, out);
  for (const f of spec) {
    if (!out.has(f.name)) out.set(f.name, f.sub);
    else {
      const prev = out.get(f.name)!;
      out.set(f.name, prev === null || f.sub === null ? null : prev.concat(f.sub));
    }
  }
  return out;
}

function idValue(v: unknown, c: RenderCtx): unknown {
  return c.knobs.idsAsStrings && typeof v === 'number' ? String(v) : v;
}

function refValue(def: Extract<Def, { kind: 'ref' }>, v: unknown, sub: FieldSpec[] | null | undefined, c: RenderCtx): unknown {
  if (v === null || v === undefined) return null;
  const rec = v as Record<string, unknown>;
  // An employee known only by id (purged): nothing else can be said about him.
  if (rec.unknown === true) return { id: idValue(rec.id, c) };
  if (def.embedded) return project(def.type, v, sub ?? null, c);
  if (sub === undefined || c.knobs.refForm === 'id') return { id: idValue(def.type === 'conversation' ? rec.conversationId : rec.id, c) };
  return project(def.type, v, sub, c);
}

/**
 * One entity through a field tree. `spec` null = the default form (scalars, references `{id}`);
 * keys come in the entity's own order, whatever order they were asked in.
 */
export function project(type: EntityName, x: unknown, spec: FieldSpec[] | null, c: RenderCtx): Record<string, unknown> {
  const wanted = spec ? wantedMap(spec) : null;
  const out: Record<string, unknown> = {};
  const item = x as never;
  for (const def of SCHEMAS[type]) {
    if (wanted && !wanted.has(def.key)) continue;
    // undefined: not asked by name (default form); null: asked without a sub-list.
    const sub = wanted ? wanted.get(def.key) : undefined;
    switch (def.kind) {
      case 'id':
        out.id = idValue((x as { id: number }).id, c);
        break;
      case 'scalar':
        out[def.key] = def.key === 'id' ? idValue(def.get(item, c), c) : def.get(item, c);
        break;
      case 'datetime': {
        const ms = def.get(item);
        out[def.key] = ms === null ? null : formatDatetime(ms, c.knobs.datetimeForm);
        break;
      }
      case 'ref':
        out[def.key] = refValue(def, def.get(item, c), sub, c);
        break;
      case 'refs':
        out[def.key] = def.get(item, c).map((v) => refValue({ key: def.key, kind: 'ref', type: def.type, get: () => v }, v, sub, c));
        break;
    }
  }
  return out;
}
