/**
 * Data changes between syncs (contract §4): new clients, edited values with a newer
 * last_change_date (the real clock, so always after the seeded data), deletions, field renames
 * and additions. Seeded, so the same sequence of calls changes the same clients.
 */
import type { Rng } from '../random';
import type { CustomValue, Definition, MutationResult, MutationSpec, SimClient } from './types';
import type { Store } from './store';
import { buildClient, MAIN_CID } from './dataset';
import { localStamp } from './dates';
import { customValue } from './values';

export const DEFAULT_MUTATION: MutationSpec = { add: 5, edit: 10, delete: 3, renameField: true };

const count = (n: unknown, what: string): number => {
  if (n === undefined) return 0;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number`);
  return n;
};

/** Keeps custom_fields in definition order, then codes without a definition. */
function ordered(values: Record<string, CustomValue>, defs: Definition[]): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  for (const d of defs) if (d.code in values) out[d.code] = values[d.code];
  for (const k of Object.keys(values)) if (!(k in out)) out[k] = values[k];
  return out;
}

function edit(rng: Rng, c: SimClient, defs: Definition[], stamp: string): void {
  const values = { ...c.custom_fields };
  const d = rng.pick(defs.filter((x) => x.userCanEdit));
  values[d.code] = customValue(rng, d);
  if (rng.chance(0.3)) delete values[rng.pick(Object.keys(values))];
  if (rng.chance(0.3)) c.comment = `${c.comment}${c.comment ? '\r\n' : ''}Змінено: "новий" запис; ✂️`;
  c.custom_fields = ordered(values, defs);
  c.last_change_date = stamp;
}

export function applyMutation(store: Store, rng: Rng, spec: MutationSpec, now = Date.now()): MutationResult {
  const cid = spec.location ?? MAIN_CID;
  if (!store.hasLocation(cid)) throw new Error(`unknown location ${cid}`);
  const counts = { add: count(spec.add, 'add'), edit: count(spec.edit, 'edit'), delete: count(spec.delete, 'delete') };
  const defs = store.defs(cid);
  const stamp = localStamp(now);
  const out: MutationResult = { added: [], edited: [], deleted: [], renamed: null, addedField: null };

  // Everything is checked before anything changes.
  const rename = spec.renameField === true ? { code: 'note-2', title: 'Примечание 2' } : spec.renameField || null;
  const target = rename && defs.find((x) => x.code === rename.code);
  if (rename && (!target || typeof rename.title !== 'string')) throw new Error(`renameField needs an existing code and a title`);
  const add = spec.addField === true ? { code: 'telegram', title: 'Telegram', type: 'text' as const } : spec.addField || null;
  if (add && (typeof add.code !== 'string' || typeof add.title !== 'string' || defs.some((x) => x.code === add.code))) {
    throw new Error('addField needs a new code and a title');
  }

  if (rename && target) {
    out.renamed = { code: target.code, from: target.title, to: rename.title };
    target.title = rename.title;
  }
  let added: Definition | null = null;
  if (add) {
    const last = defs[defs.length - 1];
    added = {
      id: last.id + 50,
      fieldId: last.fieldId + 50,
      code: add.code,
      title: add.title,
      type: add.type ?? 'text',
      showInUi: true,
      userCanEdit: true,
      values: [],
    };
    defs.push(added);
    out.addedField = add.code;
  }

  for (const c of rng.shuffle([...store.list(cid)]).slice(0, counts.delete)) {
    store.remove(c.id);
    out.deleted.push(c.id);
  }
  for (const c of rng.shuffle([...store.list(cid)]).slice(0, counts.edit)) {
    edit(rng, c, defs, stamp);
    if (added) c.custom_fields = ordered({ ...c.custom_fields, [added.code]: `@${c.id}_tg` }, defs);
    out.edited.push(c.id);
  }
  let id = store.maxId();
  for (let i = 0; i < counts.add; i++) {
    id += rng.int(1, 40);
    store.insert(buildClient(rng.fork(id), id, cid, defs, rng.chance(0.75), now));
    out.added.push(id);
  }
  out.edited.sort((a, b) => a - b);
  out.deleted.sort((a, b) => a - b);
  store.version++;
  return out;
}
