/**
 * One client as the file shows it, merged by id from every read (contract §2.3): the API's
 * values first, then the page's card and bulk list, then the search; a masked contact never
 * replaces a clear one; custom values from the freshest full card. Pure.
 */
import type { Raw, SideFacts } from './types';
import { CONTACTS, isMasked, maskFits, type ContactField } from './masked';
import { customValues, text } from './values';

export const FIXED_COLUMNS = [
  'id',
  'name',
  'surname',
  'patronymic',
  'phone',
  'additional_phone',
  'email',
  'categories',
  'sex',
  'birth_date',
  'discount',
  'card',
  'comment',
  'visits_count',
  'sold_amount',
  'last_visit_date',
  'masked',
  'source',
] as const;
export type FixedColumn = (typeof FIXED_COLUMNS)[number];
type Field = Exclude<FixedColumn, 'id' | 'masked' | 'source'>;

/** The keys each read names a column's value by (synonyms kept under their own key, §3). */
const KEYS: Record<Field, { card: string[]; info: string[]; search: string[]; searchFirst?: true }> = {
  name: { card: ['name'], info: ['name'], search: ['name'] },
  surname: { card: ['surname'], info: ['surname'], search: ['surname'] },
  patronymic: { card: ['patronymic', 'middle_name'], info: ['patronymic'], search: [] },
  phone: { card: ['phone'], info: ['phone'], search: ['phone'] },
  additional_phone: { card: ['additional_phone'], info: ['additional_phone'], search: [] },
  email: { card: ['email'], info: ['email'], search: ['email'] },
  categories: { card: ['categories'], info: ['labels'], search: [] },
  sex: { card: ['sex', 'gender'], info: ['sex'], search: [] },
  birth_date: { card: ['birth_date'], info: ['date'], search: [] },
  discount: { card: ['discount'], info: ['discount'], search: ['discount'] },
  card: { card: ['card'], info: ['card'], search: [] },
  comment: { card: ['comment'], info: ['comment'], search: [] },
  visits_count: { card: ['visits', 'visits_count'], info: ['visits_count'], search: ['visits_count'], searchFirst: true },
  sold_amount: { card: [], info: [], search: ['sold_amount'], searchFirst: true },
  last_visit_date: { card: [], info: [], search: ['last_visit_date'], searchFirst: true },
};

export interface MergedClient {
  cells: Record<FixedColumn, string>;
  /** Custom values in the order received. */
  custom: [code: string, value: string][];
  masked: boolean;
  removed: boolean;
}

type Candidate = { row: Raw | undefined; keys: string[] };

function firstValue(cands: Candidate[]): string[] {
  const out: string[] = [];
  for (const { row, keys } of cands) {
    if (!row) continue;
    const key = keys.find((k) => row[k] !== undefined && row[k] !== null);
    const v = key === undefined ? '' : text(row[key]);
    if (v !== '') out.push(v);
  }
  return out;
}

function contact(f: ContactField, values: string[], memory: (string | undefined)[]): string {
  const first = values[0] ?? '';
  if (!first || !isMasked(f, first)) return first;
  // A masked value never replaces a clear one: another read's, or one kept from before that fits.
  return values.find((v) => !isMasked(f, v)) ?? memory.find((v): v is string => !!v && maskFits(f, first, v)) ?? first;
}

export function mergeClient(id: number, api: SideFacts | undefined, ui: SideFacts | undefined): MergedClient {
  const fulls = [api?.card, ui?.info, ui?.card];
  const searches = [api?.search, ui?.search];
  const cells = { id: String(id) } as Record<FixedColumn, string>;
  for (const field of Object.keys(KEYS) as Field[]) {
    const k = KEYS[field];
    const full: Candidate[] = [
      { row: fulls[0], keys: k.card },
      { row: fulls[1], keys: k.info },
      { row: fulls[2], keys: k.card },
    ];
    const search: Candidate[] = searches.map((row) => ({ row, keys: k.search }));
    const values = firstValue(k.searchFirst ? [...search, ...full] : [...full, ...search]);
    cells[field] = (CONTACTS as string[]).includes(field)
      ? contact(field as ContactField, values, [api?.clear?.[field as ContactField], ui?.clear?.[field as ContactField]])
      : (values[0] ?? '');
  }
  const masked = CONTACTS.some((f) => cells[f] !== '' && isMasked(f, cells[f]));
  cells.masked = masked ? '1' : '0';
  const hasApi = !!(api?.card || api?.search);
  const hasUi = !!(ui?.card || ui?.info || ui?.search);
  cells.source = hasApi && hasUi ? 'api+ui' : hasApi ? 'api' : 'ui';
  return { cells, custom: customValues(freshestCustom(api, ui)), masked, removed: !!(api?.removed || ui?.removed) };
}

/** `custom_fields` of the most recently read full card that has the key (the API's on a tie). */
export function freshestCustom(api: SideFacts | undefined, ui: SideFacts | undefined): unknown {
  const reads: [Raw | undefined, string | undefined][] = [
    [api?.card, api?.cardAt],
    [ui?.info, ui?.infoAt],
    [ui?.card, ui?.cardAt],
  ];
  let best: [Raw, string] | null = null;
  for (const [row, at] of reads) {
    if (!row || !('custom_fields' in row)) continue;
    if (!best || (at ?? '') > best[1]) best = [row, at ?? ''];
  }
  return best?.[0].custom_fields;
}
