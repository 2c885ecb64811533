/**
 * The seeded clients of both locations. Ids are one ascending sequence with gaps, the two
 * locations interleaved (ids are global in YCLIENTS), so an id filter can reach the decoy's.
 */
import { createRng, type Rng } from '../random';
import type { Definition, Location, SimClient } from './types';
import { definitionsFor, ORPHAN_CODE } from './definitions';
import { localStamp } from './dates';
import { birthDate, comment, customValues, email, ORPHAN_VALUES, phone, randomMoment } from './values';
import { CATEGORIES, FEMALE_NAMES, HOSTILE_NAMES, IMPORTANCE, MALE_NAMES, PATRONYMICS, SEX, SURNAMES } from './words';

export const MAIN_CID = 517301;
export const DECOY_CID = 517302;
export const LOCATIONS: Location[] = [
  { id: MAIN_CID, title: 'Студія "Вишня"; Київ' },
  { id: DECOY_CID, title: 'Студія "Вишня"; Львів' },
];

export type DatasetName = 'default' | 'small';
export const SIZES: Record<DatasetName, { main: number; decoy: number; orphans: number }> = {
  default: { main: 1850, decoy: 340, orphans: 12 },
  small: { main: 120, decoy: 30, orphans: 4 },
};

export const FIRST_ID_FLOOR = 100_000_000;

export interface Generated {
  clients: SimClient[];
  definitions: Map<number, Definition[]>;
}

/** One client; `values` false = no custom values at all. */
export function buildClient(rng: Rng, id: number, locationId: number, defs: Definition[], values: boolean, changedAt?: number): SimClient {
  const sexId = rng.weighted([0.05, 0.2, 0.75]) as 0 | 1 | 2;
  const g = sexId === 1 ? 0 : 1;
  const name = sexId === 1 ? rng.pick(MALE_NAMES) : rng.pick(FEMALE_NAMES);
  const visits = rng.chance(0.15) ? 0 : rng.int(1, 60);
  const first = visits ? randomMoment(rng) : 0;
  const last = visits ? randomMoment(rng, first) : 0;
  const spent = visits * rng.int(3, 25) * 50;
  const importance = rng.weighted([0.7, 0.15, 0.1, 0.05]) as 0 | 1 | 2 | 3;
  const cats = CATEGORIES.filter(() => rng.chance(0.12));
  return {
    id,
    location_id: locationId,
    name: rng.chance(0.02) ? rng.pick(HOSTILE_NAMES) : name,
    surname: rng.chance(0.9) ? rng.pick(SURNAMES)[g] : '',
    patronymic: rng.chance(0.5) ? rng.pick(PATRONYMICS)[g] : '',
    phone: rng.chance(0.05) ? '' : phone(rng),
    additional_phone: rng.chance(0.1) ? String(phone(rng)) : '',
    email: rng.chance(0.6) ? email(rng) : '',
    categories: cats.map((c) => ({ ...c })),
    sex_id: sexId,
    sex: SEX[sexId],
    birth_date: birthDate(rng),
    discount: rng.chance(0.2) ? rng.pick([5, 10, 15, 20]) : 0,
    importance_id: importance,
    importance: IMPORTANCE[importance],
    card: rng.chance(0.2) ? String(rng.int(1, 99_999)).padStart(8, '0') : '',
    comment: comment(rng),
    sms_check: rng.chance(0.3) ? 1 : 0,
    sms_not: rng.chance(0.1) ? 1 : 0,
    spent,
    balance: rng.chance(0.1) ? rng.int(-500, 2000) : 0,
    visits,
    sold_amount: spent + (rng.chance(0.2) ? rng.int(1, 40) * 100 : 0),
    first_visit_date: visits ? localStamp(first) : null,
    last_visit_date: visits ? localStamp(last) : null,
    last_change_date: localStamp(changedAt ?? randomMoment(rng, Math.max(first, last))),
    online_booking_ban: rng.chance(0.03) ? 1 : 0,
    client_agreements: {
      is_newsletter_allowed: rng.pick([true, false, null]),
      is_personal_data_processing_allowed: rng.pick([true, true, null]),
    },
    custom_fields: values ? customValues(rng, defs) : {},
  };
}

export function generate(seed: number, name: DatasetName): Generated {
  const rng = createRng(seed);
  const size = SIZES[name];
  const definitions = new Map(LOCATIONS.map((l, i) => [l.id, definitionsFor(i)] as const));
  const owners = rng.fork('locations').shuffle([...Array<number>(size.main).fill(MAIN_CID), ...Array<number>(size.decoy).fill(DECOY_CID)]);
  const idRng = rng.fork('ids');
  const clients: SimClient[] = [];
  let id = FIRST_ID_FLOOR + idRng.int(0, 999);
  for (const cid of owners) {
    id += idRng.int(1, 60);
    const r = rng.fork(id);
    clients.push(buildClient(r, id, cid, definitions.get(cid) as Definition[], r.chance(0.75)));
  }
  const main = clients.filter((c) => c.location_id === MAIN_CID);
  const extras = rng.fork('extras');
  // Every hostile name appears at least once in the main location.
  HOSTILE_NAMES.forEach((n, i) => {
    main[Math.floor(((i + 0.5) * main.length) / HOSTILE_NAMES.length)].name = n;
  });
  // Some phones are shared (family members, a salon's own number).
  for (const c of clients) {
    if (extras.chance(0.02)) c.phone = clients[extras.int(0, clients.length - 1)].phone;
  }
  const withValues = main.filter((c) => Object.keys(c.custom_fields).length);
  for (const c of extras.shuffle(withValues).slice(0, size.orphans)) c.custom_fields[ORPHAN_CODE] = extras.pick(ORPHAN_VALUES);
  return { clients, definitions };
}
