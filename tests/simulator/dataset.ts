/**
 * The account's records: generated once from the seed, then changed only by the mutations.
 * The API and the UI both read this one dataset, so the two always agree.
 */
import { createRng, type Rng } from './random';
import { buildRecord } from './fields';
import { isoDay, nowMs, stamp } from './dates';
import { CUSTOMER_REJECT_REASONS, LEAD_REJECT_REASONS } from './reasons';
import { BRANCHES, CURRENT_USER } from './dictionaries';
import { plan, ZERO_REASON_ID, type DatasetName } from './plan';
import { ChangeLog } from './change-log';
import type { ApiCustomer, GroundTruth, SimRecord } from './types';

export { SIZES, ZERO_REASON_ID, type DatasetName } from './plan';

export interface Note {
  id: number;
  type_id: number;
  class: 'Customer';
  related_id: number;
  user_id: number;
  added: string;
  comment: string;
}

export interface Rec {
  id: number;
  branch: number;
  archived: boolean;
  /** The API record itself (45 keys, real order); mutations edit it in place. */
  data: ApiCustomer;
  /** History notes added by archiving and restoring. */
  events: Note[];
}

const BASE_NOTES = ['Дзвінок: не відповідає', 'Надіслано прайс у Viber', 'Записали на пробний урок', 'Просить передзвонити ввечері', 'Написав у Telegram'];

export class Dataset {
  readonly records: Rec[] = [];
  readonly branches = BRANCHES.map((b) => b.id);
  /** `log/index`: status changes, archiving and restoring, as they happened. */
  readonly log = new ChangeLog();
  /** Bumped by every change, so derived views can cache. */
  version = 0;
  private readonly index = new Map<number, Rec>();
  private noteSeq = 50_000_000;
  private readonly mutRng: Rng;

  constructor(
    readonly seed: number,
    name: DatasetName,
  ) {
    const rng = createRng(seed);
    this.mutRng = rng.fork('mutations');
    const slots = plan(rng, name, this.branches);
    const recRng = rng.fork('records');
    const logRng = rng.fork('change-log');
    for (const s of slots) {
      const rec: Rec = { id: s.id, branch: s.branch, archived: s.archived, data: buildRecord(recRng, s), events: [] };
      this.log.seed(logRng, s.branch, rec.data, s.createdMs, s.archivedMs);
      if (s.archived && s.reasonId !== null) rec.events.push(this.note(rec, `Відмова: ${this.reasonName(rec)}`, rec.data.updated_at));
      this.records.push(rec);
      this.index.set(rec.id, rec);
    }
    this.records.sort((a, b) => a.id - b.id);
    this.log.sealSeed();
  }

  get(id: number): Rec | undefined {
    return this.index.get(id);
  }

  reasonName(rec: Rec): string | null {
    const d = rec.data;
    const r = d.is_study ? CUSTOMER_REJECT_REASONS.find((x) => x.id === d.customer_reject_id) : LEAD_REJECT_REASONS.find((x) => x.id === d.lead_reject_id);
    return r ? r.name : null;
  }

  private note(rec: Rec, comment: string, added: string): Note {
    return { id: this.noteSeq++, type_id: 1, class: 'Customer', related_id: rec.id, user_id: rec.data.assigned_id ?? CURRENT_USER.id, added, comment };
  }

  /** Every note of a record: a few generated ones, then the archive history. */
  notes(id: number): Note[] {
    const rec = this.index.get(id);
    if (!rec) return [];
    const rng = createRng(this.seed).fork(`notes:${id}`);
    const out: Note[] = [];
    const from = Date.parse(rec.data.created_at.replace(' ', 'T') + 'Z');
    const n = rng.int(0, 2);
    for (let k = 0; k < n; k++) {
      const added = stamp(from + (k + 1) * rng.int(600, 86_400) * 1000);
      out.push({
        id: id * 10 + k,
        type_id: 1,
        class: 'Customer',
        related_id: id,
        user_id: rec.data.assigned_id ?? CURRENT_USER.id,
        added,
        comment: rng.pick(BASE_NOTES),
      });
    }
    return out.concat(rec.events);
  }

  /**
   * Moves n active leads of the branch to the archive, with a reason; returns their ids.
   * `silent`: `updated_at` is left as it was (the contract does not say archiving bumps it).
   */
  archiveLeads(branch: number, n: number, opts: { silent?: boolean } = {}): number[] {
    const candidates = this.records.filter((r) => r.branch === branch && !r.archived && r.data.is_study === 0);
    this.mutRng.shuffle(candidates);
    const chosen = candidates.slice(0, Math.max(0, n));
    const reasons = LEAD_REJECT_REASONS.filter((r) => r.id !== ZERO_REASON_ID && r.is_enabled);
    const now = nowMs();
    for (const rec of chosen) {
      const reason = this.mutRng.pick(reasons);
      rec.archived = true;
      rec.data.lead_reject_id = reason.id;
      rec.data.e_date = isoDay(now);
      if (!opts.silent) rec.data.updated_at = stamp(now);
      rec.events.push(this.note(rec, `Відмова: ${reason.name}`, stamp(now)));
      this.log.add(rec.branch, now, rec.data, { lead_reject_id: null }, { lead_reject_id: reason.id });
    }
    if (chosen.length) this.version++;
    return chosen.map((r) => r.id).sort((a, b) => a - b);
  }

  /** Moves a record to another branch (its `branch_ids` and the boards it shows on). */
  moveBranch(id: number, branch: number): void {
    const rec = this.must(id);
    if (!this.branches.includes(branch)) throw new Error(`no branch ${branch}`);
    rec.branch = branch;
    rec.data.branch_ids = [branch];
    rec.data.updated_at = stamp(nowMs());
    this.version++;
  }

  /** Deletes a record: no list, page or board shows it any more. */
  deleteRecord(id: number): void {
    const rec = this.must(id);
    this.records.splice(this.records.indexOf(rec), 1);
    this.index.delete(id);
    this.version++;
  }

  private must(id: number): Rec {
    const rec = this.index.get(id);
    if (!rec) throw new Error(`no record ${id}`);
    return rec;
  }

  /** Moves an archived record (lead or client) back to active. */
  restore(id: number): void {
    const rec = this.index.get(id);
    if (!rec) throw new Error(`no record ${id}`);
    if (!rec.archived) throw new Error(`record ${id} is not archived`);
    const ms = nowMs();
    const now = stamp(ms);
    const key = rec.data.is_study ? 'customer_reject_id' : 'lead_reject_id';
    if (rec.data[key] !== null) this.log.add(rec.branch, ms, rec.data, { [key]: rec.data[key] }, { [key]: null });
    rec.archived = false;
    rec.data[key] = null;
    rec.data.e_date = '2030-12-31';
    rec.data.updated_at = now;
    rec.events.push(this.note(rec, 'Повернуто з архіву', now));
    this.version++;
  }

  truth(): GroundTruth {
    const ids = (pred: (r: Rec) => boolean) => this.records.filter(pred).map((r) => r.id);
    return {
      branches: this.branches.slice(),
      records: (): SimRecord[] => this.records.map((r) => ({ ...r.data, archived: r.archived })),
      archivedLeadIds: (b) => ids((r) => r.branch === b && r.archived && r.data.is_study === 0),
      archivedCustomerIds: (b) => ids((r) => r.branch === b && r.archived && r.data.is_study === 1),
      activeIds: (b) => ids((r) => r.branch === b && !r.archived),
      leadRejectReasons: () => LEAD_REJECT_REASONS.map((r) => ({ ...r })),
      customerRejectReasons: () => CUSTOMER_REJECT_REASONS.map((r) => ({ ...r })),
      changeLog: (b) => this.log.list(b, null),
    };
  }
}
