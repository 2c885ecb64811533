/**
 * The change log (`log/index`, contract §1): one entry per lead status change, archive and
 * restore, served newest first. Entries keep the branch the record was in when they were written.
 */
import { stamp } from './dates';
import { LEAD_STATUSES } from './dictionaries';
import type { Rng } from './random';
import type { ApiCustomer } from './types';

/** `fields_old` / `fields_new`: the changed keys only, as an object or a list of one-key objects (both observed). */
export type LogFields = Record<string, unknown> | Record<string, unknown>[];

export interface LogEntry {
  id: number;
  entity: 'Customer';
  entity_id: number;
  user_id: number;
  date_time: string;
  fields_old: LogFields;
  fields_new: LogFields;
}

interface Stored {
  branch: number;
  ms: number;
  entityId: number;
  userId: number;
  old: Record<string, unknown>;
  now: Record<string, unknown>;
}

/** Share of leads whose move into their current status is logged (keeps the log near a real account's size). */
const STATUS_CHANGE_SHARE = 0.2;

export class ChangeLog {
  /** Oldest first; `id` is the position + 1, so ids grow with time. */
  private readonly entries: Stored[] = [];
  private seeded: Stored[] | null = [];

  /** A record's history as generated: a status change for some leads, then its archiving. */
  seed(rng: Rng, branch: number, rec: ApiCustomer, createdMs: number, archivedMs: number | null): void {
    const user = rec.assigned_id ?? 148;
    if (rec.is_study === 0 && rec.lead_status_id !== null && rng.chance(STATUS_CHANGE_SHARE)) {
      const others = LEAD_STATUSES.filter((s) => s.pipeline_id === rec.pipeline_id && s.id !== rec.lead_status_id);
      const end = archivedMs ?? Math.max(createdMs + 1000, Date.parse(rec.updated_at.replace(' ', 'T') + 'Z'));
      const at = Math.floor(createdMs + (end - createdMs) * 0.9 * rng.next());
      const before = rng.chance(0.3) || !others.length ? null : rng.pick(others).id;
      this.seeded!.push({ branch, ms: at, entityId: rec.id, userId: user, old: { lead_status_id: before }, now: { lead_status_id: rec.lead_status_id } });
    }
    // An archive without a reason leaves no entry (no key changed): such leads fall back to the first sync.
    const key = rec.is_study ? 'customer_reject_id' : 'lead_reject_id';
    const reason = rec[key];
    if (archivedMs !== null && reason !== null)
      this.seeded!.push({ branch, ms: archivedMs, entityId: rec.id, userId: user, old: { [key]: null }, now: { [key]: reason } });
  }

  /** Ends the seeding: entries in time order get their ids. */
  sealSeed(): void {
    const seeded = this.seeded ?? [];
    seeded.sort((a, b) => a.ms - b.ms || a.entityId - b.entityId);
    this.entries.push(...seeded);
    this.seeded = null;
  }

  /** An entry written now (a mutation). */
  add(branch: number, ms: number, rec: ApiCustomer, old: Record<string, unknown>, now: Record<string, unknown>): void {
    this.entries.push({ branch, ms, entityId: rec.id, userId: rec.assigned_id ?? 148, old, now });
  }

  /** Newest first; `branch` null spans branches; `entityIds` null is every entity. */
  list(branch: number | null, entityIds: number[] | null): LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (branch !== null && e.branch !== branch) continue;
      if (entityIds && !entityIds.includes(e.entityId)) continue;
      out.push(toEntry(e, i + 1));
    }
    return out;
  }
}

// Every fifth entry lists its fields as one-key objects, the other form seen in real logs.
const asFields = (f: Record<string, unknown>, id: number): LogFields => (id % 5 === 0 ? Object.entries(f).map(([k, v]) => ({ [k]: v })) : { ...f });

function toEntry(e: Stored, id: number): LogEntry {
  return {
    id,
    entity: 'Customer',
    entity_id: e.entityId,
    user_id: e.userId,
    date_time: stamp(e.ms),
    fields_old: asFields(e.old, id),
    fields_new: asFields(e.now, id),
  };
}
