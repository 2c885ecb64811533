/** The one store behind both origins: clients by id and by location, definitions, deleted ids. */
import type { Definition, SimClient, UserKey, AltegioTruth } from './types';
import { DECOY_CID, generate, LOCATIONS, MAIN_CID, type DatasetName } from './dataset';
import { isMaskedFor } from './mask';

export class Store {
  readonly byId = new Map<number, SimClient>();
  readonly byLocation = new Map<number, SimClient[]>();
  readonly definitions: Map<number, Definition[]>;
  readonly deleted = new Map<number, number[]>();
  /** Bumped by every change. */
  version = 0;

  constructor(
    readonly seed: number,
    readonly datasetName: DatasetName,
  ) {
    const g = generate(seed, datasetName);
    this.definitions = g.definitions;
    for (const l of LOCATIONS) {
      this.byLocation.set(l.id, []);
      this.deleted.set(l.id, []);
    }
    for (const c of g.clients) this.insert(c);
  }

  hasLocation(cid: number): boolean {
    return this.byLocation.has(cid);
  }

  /** Clients of a location, ascending id (the live array: do not change it). */
  list(cid: number): SimClient[] {
    return this.byLocation.get(cid) ?? [];
  }

  defs(cid: number): Definition[] {
    return this.definitions.get(cid) ?? [];
  }

  get(id: number): SimClient | undefined {
    return this.byId.get(id);
  }

  maxId(): number {
    let max = 0;
    for (const id of this.byId.keys()) if (id > max) max = id;
    for (const ids of this.deleted.values()) for (const id of ids) if (id > max) max = id;
    return max;
  }

  /** Appends; ids must arrive ascending per location (generation and new clients both do). */
  insert(c: SimClient): void {
    this.byId.set(c.id, c);
    (this.byLocation.get(c.location_id) as SimClient[]).push(c);
    this.version++;
  }

  remove(id: number): SimClient | undefined {
    const c = this.byId.get(id);
    if (!c) return undefined;
    this.byId.delete(id);
    const list = this.byLocation.get(c.location_id) as SimClient[];
    list.splice(list.indexOf(c), 1);
    (this.deleted.get(c.location_id) as number[]).push(id);
    this.version++;
    return c;
  }

  /** Codes held by the location's clients that no definition has, in first-seen order. */
  orphanCodes(cid: number): string[] {
    const known = new Set(this.defs(cid).map((d) => d.code));
    const out: string[] = [];
    for (const c of this.list(cid)) {
      for (const code of Object.keys(c.custom_fields)) if (!known.has(code) && !out.includes(code)) out.push(code);
    }
    return out;
  }

  truth(): AltegioTruth {
    const copy = <T>(v: T): T => structuredClone(v);
    return {
      cid: MAIN_CID,
      decoyCid: DECOY_CID,
      clients: (cid = MAIN_CID) => copy(this.list(cid)),
      client: (id) => {
        const c = this.get(id);
        return c && copy(c);
      },
      ids: (cid = MAIN_CID) => this.list(cid).map((c) => c.id),
      definitions: (cid = MAIN_CID) => copy(this.defs(cid)),
      orphanCodes: (cid = MAIN_CID) => this.orphanCodes(cid),
      customCodes: (cid = MAIN_CID) =>
        this.defs(cid)
          .map((d) => d.code)
          .concat(this.orphanCodes(cid)),
      maskedIds: (user: UserKey, cid = MAIN_CID) =>
        this.list(cid)
          .filter((c) => isMaskedFor(user, c))
          .map((c) => c.id),
      deletedIds: (cid = MAIN_CID) => [...(this.deleted.get(cid) ?? [])].sort((a, b) => a - b),
    };
  }
}
