/**
 * The dataset's plan: how many records of which kind sit in which branch, which reject reason
 * each archived one has, their ids and creation times. Deterministic from the seed.
 */
import type { Rng } from './random';
import type { Slot } from './fields';
import { DATA_END, DATA_START, DAY } from './dates';
import { CUSTOMER_REJECT_REASONS, LEAD_REJECT_REASONS } from './reasons';
import { HOSTILE_NAMES } from './names';
import type { RejectReason } from './types';

export type DatasetName = 'default' | 'small';

interface GroupSizes {
  activeLeads: number;
  activeClients: number;
  archivedLeads: number;
  archivedClients: number;
}

/** Branch 1 of the default set is the real case: 3,592 active records and 7,788 archived leads. */
export const SIZES: Record<DatasetName, Record<number, GroupSizes>> = {
  default: {
    1: { activeLeads: 2400, activeClients: 1192, archivedLeads: 7788, archivedClients: 1934 },
    3: { activeLeads: 160, activeClients: 80, archivedLeads: 310, archivedClients: 60 },
  },
  small: {
    1: { activeLeads: 40, activeClients: 20, archivedLeads: 130, archivedClients: 40 },
    3: { activeLeads: 14, activeClients: 6, archivedLeads: 25, archivedClients: 5 },
  },
};

/**
 * The "column with zero archived leads": in branch 1 the enabled lead reason
 * 19 «Тільки для вторічної воронкиПовторно в архів» never holds an archived lead
 * (not even after mutate.archiveLeads), yet the archive board shows its column.
 */
export const ZERO_REASON_ID = 19;

function reasonWeights(rng: Rng, reasons: readonly RejectReason[], zeroId: number | null): number[] {
  return reasons.map((r) => (r.id === zeroId ? 0 : (Math.pow(rng.next(), 2.5) * 100 + 0.4) * (r.is_enabled ? 1 : 0.5)));
}

/** Who is where: groups per branch, shuffled, then ids and creation times by rank. */
export function plan(rng: Rng, name: DatasetName, branches: readonly number[]): Slot[] {
  const slots: Slot[] = [];
  const wRng = rng.fork('reason-weights');
  const leadW = reasonWeights(wRng, LEAD_REJECT_REASONS, ZERO_REASON_ID);
  const custW = reasonWeights(wRng, CUSTOMER_REJECT_REASONS, null);
  const covered = LEAD_REJECT_REASONS.filter((r) => r.id !== ZERO_REASON_ID);
  const slot = (branch: number, isStudy: 0 | 1, archived: boolean): Slot => ({
    id: 0,
    branch,
    isStudy,
    archived,
    createdMs: 0,
    archivedMs: null,
    reasonId: null,
    unsorted: false,
    staleReject: null,
    name: null,
  });
  for (const b of branches) {
    const g = SIZES[name][b];
    for (let i = 0; i < g.activeLeads; i++) {
      const s = slot(b, 0, false);
      s.unsorted = i === 0 || rng.chance(0.05);
      // As observed: a few active leads still carry a stale customer_reject_id.
      if (i < Math.max(1, Math.round(g.activeLeads * 0.002))) s.staleReject = i === 0 ? 43 : rng.pick(CUSTOMER_REJECT_REASONS).id;
      slots.push(s);
    }
    for (let i = 0; i < g.activeClients; i++) slots.push(slot(b, 1, false));
    const w = b === 1 ? leadW : leadW.map((x, j) => (x === 0 ? 3 : x) * (j % 3 === 0 ? 0.2 : 1));
    for (let i = 0; i < g.archivedLeads; i++) {
      const s = slot(b, 0, true);
      if (b === 1 && i >= 1 && i <= covered.length)
        s.reasonId = covered[i - 1].id; // every other reason holds ≥ 1
      else s.reasonId = i === 0 || rng.chance(0.01) ? null : LEAD_REJECT_REASONS[rng.weighted(w)].id;
      slots.push(s);
    }
    for (let i = 0; i < g.archivedClients; i++) {
      const s = slot(b, 1, true);
      s.reasonId = i === 0 || rng.chance(0.01) ? null : CUSTOMER_REJECT_REASONS[rng.weighted(custW)].id;
      slots.push(s);
    }
  }
  // Besides the random ~3%, every hostile name sits once among branch 1's archived leads, and
  // a few among its active leads and archived clients, so every page shape meets them.
  const hostile = (pred: (s: Slot) => boolean, n: number) =>
    slots
      .filter(pred)
      .slice(0, n)
      .forEach((s, i) => {
        s.name = HOSTILE_NAMES[i];
      });
  hostile((s) => s.branch === 1 && s.archived && s.isStudy === 0, HOSTILE_NAMES.length);
  hostile((s) => s.branch === 1 && !s.archived && s.isStudy === 0, 8);
  hostile((s) => s.branch === 1 && s.archived && s.isStudy === 1, 8);
  rng.shuffle(slots);
  // Ids 1..~1.3N with gaps (deleted records), ascending with creation time, mixed over branches.
  const pool: number[] = [];
  for (let i = 1; i <= Math.ceil(slots.length * 1.3); i++) pool.push(i);
  const ids = rng
    .shuffle(pool)
    .slice(0, slots.length)
    .sort((a, b) => a - b);
  const span = DATA_END - 2 * DAY - DATA_START;
  slots.forEach((s, r) => {
    s.id = ids[r];
    s.createdMs = Math.round(DATA_START + (span * r) / slots.length + rng.int(0, 43_200) * 1000);
    if (s.archived) {
      const room = DATA_END - 3_600_000 - s.createdMs;
      const delay = rng.int(3600, 45 * 86_400) * 1000;
      s.archivedMs = s.createdMs + (delay < room ? delay : Math.floor(room * rng.next()));
    }
  });
  return slots;
}
