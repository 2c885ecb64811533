/**
 * The merge rule of contract §2.1, per lead id across identities and pulls: a visible text beats
 * a hidden one; of two visible values the one with the later lead `updated_at` wins, then the
 * later pull; hidden never erases visible. Pure: the store's writes call it.
 */
import { compareDatetimes } from './datetimes';
import { TEXT_KEYS, type Identity, type LeadFacts, type LeadRow, type PullMark, type TextKey, type TextState } from './types';

/** LiveTex's boolean (`yes|no|1|0|true|false`, or a JSON boolean); undefined when absent or unreadable. */
export function booleanOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = String(v ?? '').toLowerCase();
  if (['1', 'yes', 'true'].includes(s)) return true;
  if (['0', 'no', 'false'].includes(s)) return false;
  return undefined;
}

/**
 * Whether LiveTex withheld this row's texts in the null form (contract §2.1): a restricted caller,
 * a row not managed by it (without `is_managed`, the role decides), and no text given at all —
 * the filter takes both together, so a string beside a null shows the null is a real one.
 */
export function withheldAsNull(row: LeadRow, who: Identity): boolean {
  return who.restricted && booleanOf(row.is_managed) !== true && TEXT_KEYS.every((k) => row[k] === null || !(k in row));
}

/** A text as one identity received it: hidden when absent although asked for, or withheld as null. */
export function receivedText(row: LeadRow, key: TextKey, who: Identity, pulledAt: string): TextState {
  if (!(key in row) || (row[key] === null && withheldAsNull(row, who))) return { visible: false, hiddenFrom: [who.role] };
  const updated = row.updated_at;
  return { visible: true, value: row[key], leadUpdatedAt: typeof updated === 'string' ? updated : null, pulledAt };
}

/** The stored text after `incoming`; the stored object itself when nothing changes. */
export function mergeText(stored: TextState | undefined, incoming: TextState): TextState {
  if (!stored) return incoming;
  if (!incoming.visible) {
    if (stored.visible) return stored;
    const roles = incoming.hiddenFrom.filter((r) => !stored.hiddenFrom.includes(r));
    return roles.length ? { visible: false, hiddenFrom: [...stored.hiddenFrom, ...roles] } : stored;
  }
  if (!stored.visible) return incoming;
  const order = compareDatetimes(incoming.leadUpdatedAt, stored.leadUpdatedAt) || incoming.pulledAt.localeCompare(stored.pulledAt);
  if (order < 0) return stored;
  // The same value again keeps its first pull time: a store that did not change is not rewritten.
  return Object.is(incoming.value, stored.value) && incoming.leadUpdatedAt === stored.leadUpdatedAt ? stored : incoming;
}

/** The row without its texts and without `is_managed`, which tells of the caller, not of the lead. */
function leadPart(row: LeadRow): Record<string, unknown> {
  const lead: Record<string, unknown> = { ...row };
  for (const k of TEXT_KEYS) delete lead[k];
  delete lead.is_managed;
  return lead;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function markPull(pulls: PullMark[], who: Identity): PullMark[] {
  const mine = pulls.find((p) => p.employeeId === who.employeeId);
  if (mine && mine.listed && mine.role === who.role && mine.name === who.name) return pulls;
  const mark: PullMark = { employeeId: who.employeeId, role: who.role, name: who.name, listed: true };
  return mine ? pulls.map((p) => (p === mine ? mark : p)) : [...pulls, mark];
}

/** The lead after one identity's row of it, pulled at `pulledAt` (ISO, later pulls later). */
export function mergeLead(stored: LeadFacts | undefined, row: LeadRow, who: Identity, pulledAt: string): LeadFacts {
  const incoming = leadPart(row);
  // The row itself (names, result, dates): the later `updated_at`, then the later pull.
  const keepRow = stored && (compareDatetimes(row.updated_at, stored.lead.updated_at) < 0 || sameJson(incoming, stored.lead));
  const texts = {} as Record<TextKey, TextState>;
  for (const k of TEXT_KEYS) texts[k] = mergeText(stored?.texts[k], receivedText(row, k, who, pulledAt));
  return {
    lead: keepRow ? stored.lead : incoming,
    texts,
    pulls: markPull(stored?.pulls ?? [], who),
  };
}

/** Whether the merge changed anything worth a write. */
export function changed(before: LeadFacts | undefined, after: LeadFacts): boolean {
  return !before || before.lead !== after.lead || TEXT_KEYS.some((k) => before.texts[k] !== after.texts[k]) || before.pulls !== after.pulls;
}

/** A kept value older than the lead's current `updated_at` (contract: "may be outdated"). */
export function outdated(facts: LeadFacts, key: TextKey): boolean {
  const t = facts.texts[key];
  return t.visible && compareDatetimes(t.leadUpdatedAt, facts.lead.updated_at) < 0;
}

/** The lead no longer listed for an identity that listed it before. */
export function unlisted(facts: LeadFacts, employeeId: number): LeadFacts {
  const pulls = facts.pulls.map((p) => (p.employeeId === employeeId && p.listed ? { ...p, listed: false } : p));
  return { ...facts, pulls };
}
