/**
 * What each route serves for one client (contract §1.1, §1.2, §1.3, §2.1), derived from the one
 * stored record, so every route agrees; contacts masked for users without the rights.
 */
import type { EmptyCustomFields, SimClient, UserKey } from './types';
import { visibleContacts } from './mask';

type Route = 'card' | 'list' | 'ui';
type Row = Record<string, unknown>;

export const SEARCH_FIELDS = [
  'id',
  'name',
  'phone',
  'email',
  'discount',
  'first_visit_date',
  'last_visit_date',
  'sold_amount',
  'visits_count',
  'passteam_card_id',
  'deposit_balance',
];
export const FIXED_FIVE = ['id', 'name', 'surname', 'phone', 'email'];

/** Sets `custom_fields` on the row: the values, or the empty form the knob asks for (or no key). */
function putCustomFields(row: Row, c: SimClient, route: Route, mode: EmptyCustomFields): void {
  if (Object.keys(c.custom_fields).length) {
    row.custom_fields = { ...c.custom_fields };
    return;
  }
  switch (mode) {
    case 'default':
      row.custom_fields = route === 'list' ? {} : [];
      break;
    case 'array':
      row.custom_fields = [];
      break;
    case 'object':
      row.custom_fields = {};
      break;
    case 'null':
      row.custom_fields = null;
      break;
    case 'absent':
      break;
    // The same client shows the same form on every route.
    case 'mixed': {
      const i = c.id % 3;
      row.custom_fields = i === 0 ? [] : i === 1 ? {} : null;
      break;
    }
  }
}

const displayName = (c: SimClient) => [c.surname, c.name, c.patronymic].filter(Boolean).join(' ');

/** `GET /client/{cid}/{id}` data (§1.2). */
export function cardShape(c: SimClient, user: UserKey, mode: EmptyCustomFields): Row {
  const v = visibleContacts(user, c);
  const row: Row = {
    id: c.id,
    name: c.name,
    surname: c.surname,
    patronymic: c.patronymic,
    phone: v.phone,
    email: v.email,
    categories: c.categories.map((x) => ({ ...x })),
    sex_id: c.sex_id,
    sex: c.sex,
    discount: c.discount,
    importance_id: c.importance_id,
    importance: c.importance,
    card: c.card,
    birth_date: c.birth_date,
    comment: c.comment,
    sms_check: c.sms_check,
    sms_not: c.sms_not,
    sms_bot: 0,
    spent: c.spent,
    balance: c.balance,
    visits: c.visits,
    last_change_date: c.last_change_date,
  };
  putCustomFields(row, c, 'card', mode);
  row.client_agreements = { ...c.client_agreements };
  return row;
}

/** One row of `GET /clients/{cid}` (§1.3): the card without agreements, plus display_name, paid. */
export function listShape(c: SimClient, user: UserKey, mode: EmptyCustomFields, withCustomFields = true): Row {
  const card = cardShape(c, user, mode);
  const row: Row = {};
  for (const [k, val] of Object.entries(card)) {
    if (k === 'client_agreements' || k === 'custom_fields') continue;
    row[k] = val;
    if (k === 'patronymic') row.display_name = displayName(c);
    if (k === 'spent') row.paid = c.spent;
  }
  if (withCustomFields) putCustomFields(row, c, 'list', mode);
  return row;
}

/** One search row (§1.1): only the asked fields the route knows, id first. */
export function searchShape(c: SimClient, user: UserKey, fields: string[]): Row {
  const v = visibleContacts(user, c);
  const all: Row = {
    id: c.id,
    name: c.name,
    surname: c.surname,
    phone: v.phone,
    email: v.email,
    discount: c.discount,
    first_visit_date: c.first_visit_date,
    last_visit_date: c.last_visit_date,
    sold_amount: c.sold_amount,
    visits_count: c.visits,
    passteam_card_id: null,
    deposit_balance: 0,
  };
  const row: Row = { id: c.id };
  for (const f of fields) if (f in all) row[f] = all[f];
  return row;
}

function birthParts(b: string | null): [number | null, number | null, number | null, string | null] {
  if (!b) return [null, null, null, null];
  const d = /^\d+$/.test(b) ? new Date(Number(b) * 1000) : new Date(`${b}T00:00:00Z`);
  return [d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear(), d.toISOString().slice(0, 10)];
}

/** `GET /clients/getClientInfo/{id}` (§2.1): a bare object, no envelope. */
export function clientInfoShape(c: SimClient, user: UserKey, mode: EmptyCustomFields): Row {
  const v = visibleContacts(user, c);
  const [day, month, year, date] = birthParts(c.birth_date);
  const row: Row = {
    client_id: c.id,
    display_name: displayName(c),
    name: c.name,
    surname: c.surname,
    patronymic: c.patronymic,
    phone: v.phone === '' ? '' : String(v.phone),
    additional_phone: v.additional_phone,
    email: v.email,
    importance: c.importance_id,
    sex: c.sex_id,
    discount: c.discount,
    card: c.card,
    balance: c.balance,
    paid_money: c.spent,
    money: c.sold_amount,
    date,
    bd_day: day,
    bd_month: month,
    bd_year: year,
    sms_not: c.sms_not,
    comment: c.comment,
    online_booking_ban: c.online_booking_ban,
    labels: c.categories.map((x) => x.title),
    visits_count: c.visits,
    mobile_app: [],
    image: null,
    client_card_installed: false,
  };
  putCustomFields(row, c, 'ui', mode);
  row.client_agreements = {
    id: c.id + 7_000_000,
    client_id: c.id,
    salon_id: c.location_id,
    company_id: c.location_id,
    ...c.client_agreements,
  };
  return row;
}
