/**
 * One customer record's 45 API fields, in the key order of the real 2025 export
 * (v2api-customer-index-items-2025.flattened.csv) and with its value formats.
 */
import type { Rng } from './random';
import type { ApiCustomer } from './types';
import { DATA_END, DAY, isoDay, stamp } from './dates';
import { LEAD_SOURCES, LEAD_STATUSES, SUBJECTS, USERS } from './dictionaries';
import { emailFor, makeName } from './names';

export interface Slot {
  id: number;
  branch: number;
  isStudy: 0 | 1;
  archived: boolean;
  createdMs: number;
  /** When archived: the archive moment (ms). */
  archivedMs: number | null;
  /** Lead reason for archived leads, client reason for archived clients (null = none). */
  reasonId: number | null;
  /** Active leads only: whether the lead has no stage yet (board column 0). */
  unsorted: boolean;
  /** Active leads only: a stale customer_reject_id left on the row (as observed), else null. */
  staleReject: number | null;
  /** A name to use instead of a generated one. */
  name: string | null;
}

const OPERATORS = ['67', '50', '63', '93', '97', '66', '68', '73', '95', '99'];
const CAMPAIGNS = ['Кампания: Shkolnik_UKR_выборка_23.11', 'Shkolnik_UKR_16.10_3', 'Adults_DE_PL_09.2025', 'Кампанія: Весна_2025', ''];
const COUNTRIES = ['Україна', 'Німеччина', 'Польща', 'Чехія', ''];
const AGES = ['Підліток', 'Дитина', 'Дорослий', 'Старенький 50+'];
const SCHEDULES = ['не визначено', 'пн та ср 22:00 по Києву', 'вт, чт 18:00', 'вихідні', ''];
const LEVELS = ['А0', 'А1', 'A2', 'B1', 'B2', ''];
const STATUSES_P1 = LEAD_STATUSES.filter((s) => s.pipeline_id === 1 && s.is_enabled);
const STATUSES_P2 = LEAD_STATUSES.filter((s) => s.pipeline_id === 2 && s.is_enabled);

function phone(rng: Rng): string {
  const op = rng.pick(OPERATORS);
  const d = () => String(rng.int(0, 9));
  const a = d() + d() + d(),
    b = d() + d(),
    c = d() + d();
  return rng.chance(0.12) ? `+380${op}${a}${b}${c}` : `+380(${op})${a}-${b}-${c}`;
}

function note(rng: Rng, name: string, created: string, ph: string[]): string {
  const k = rng.int(0, 9);
  if (k <= 2) return '';
  const subject = rng.pick(SUBJECTS).name;
  const day = `${created.slice(8, 10)}.${created.slice(5, 7)}`;
  if (k === 3) return `Перший контакт: ${day}.${created.slice(0, 4)}`;
  if (k === 4) {
    return [`${subject}. 📅 `, `Пробний урок 30 хв ${day} 15:00 по Києву`, `👶 Учень: ${name.split(/\s/)[0]}`, '', 'пн та ср 22:00 по Києву'].join('\r\n');
  }
  if (k === 5) {
    return [
      `Дата: ${day}.${created.slice(0, 4)}`,
      `Кампания:  ${rng.pick(CAMPAIGNS)}`,
      `Имя:  ${name}`,
      `Телефон: ${(ph[0] || '').replace(/[()-]/g, '')}`,
      'Куда отправить информацию? whatsapp',
      '',
      subject,
    ].join('\n');
  }
  if (k === 6) return `Коментар; з крапкою з комою, "лапками" і комою\r\nДругий рядок\nТретій рядок`;
  if (k === 7) return '=SUM(A1:A2) — так записав менеджер';
  return `Хоче ${subject.toLowerCase()}, рівень ${rng.pick(LEVELS) || 'невідомий'}.\nДзвонити після 18:00`;
}

export function buildRecord(rng: Rng, s: Slot): ApiCustomer {
  const generated = makeName(rng);
  const name = s.name ?? generated;
  const created = stamp(s.createdMs);
  const ph: string[] = [];
  const nPhones = rng.weighted([5, 75, 20]);
  for (let i = 0; i < nPhones; i++) ph.push(phone(rng));
  const email = rng.chance(0.4) ? [emailFor(name, s.id)] : [];
  const isClient = s.isStudy === 1;
  const pipeline = isClient ? 1 : rng.chance(0.7) ? 1 : 2;
  const status = isClient ? (rng.chance(0.7) ? 14 : null) : !s.archived && s.unsorted ? null : rng.pick(pipeline === 1 ? STATUSES_P1 : STATUSES_P2).id;
  const updatedMs =
    s.archivedMs !== null
      ? Math.min(s.archivedMs + (rng.chance(0.2) ? rng.int(60, 50_000) * 1000 : 0), DATA_END)
      : Math.min(s.createdMs + rng.int(0, 200) * DAY + rng.int(0, 86_399) * 1000, DATA_END);
  const money = isClient ? `${rng.int(-50, 400) * 10}.00` : '0.00';
  const subject = rng.pick(SUBJECTS).code;
  const dobYear = isClient ? rng.int(1970, 2017) : rng.int(1965, 2015);
  const dob = rng.chance(isClient ? 0.6 : 0.1) ? `${String(rng.int(1, 28)).padStart(2, '0')}.${String(rng.int(1, 12)).padStart(2, '0')}.${dobYear}` : '';
  const activeClient = isClient && !s.archived;
  const rec: ApiCustomer = {
    id: s.id,
    branch_ids: [s.branch],
    teacher_ids: isClient && rng.chance(0.4) ? [rng.pick([1727, 1733, 1790])] : [],
    name,
    barcode: isClient && dob ? `DMO-${dob.slice(0, 2)}${dob.slice(3, 5)}${dob.slice(8, 10)}-${rng.int(100, 999)}` : '',
    color: rng.chance(0.15) ? rng.pick(['#ffcd70', '#00aa00', '#ed5565']) : null,
    is_study: s.isStudy,
    study_status_id: isClient ? (s.archived ? 3 : rng.pick([1, 1, 1, 2])) : rng.chance(0.1) ? 4 : null,
    lead_status_id: status,
    pipeline_id: status === null ? (isClient ? null : 1) : pipeline,
    lead_reject_id: s.archived && !isClient ? s.reasonId : null,
    customer_reject_id: s.archived && isClient ? s.reasonId : s.staleReject,
    lead_source_id: rng.chance(0.8) ? rng.pick(LEAD_SOURCES).id : null,
    assigned_id: rng.chance(0.85) ? rng.pick(USERS).id : null,
    legal_type: rng.chance(0.03) ? 2 : 1,
    legal_name: rng.chance(0.1) ? `*${makeName(rng, 0)}` : name.replace(' ', rng.chance(0.1) ? '  ' : ' '),
    company_id: null,
    dob,
    balance: money,
    balance_base: money,
    balance_bonus: isClient && rng.chance(0.2) ? rng.int(1, 30) * 100 : 0,
    paid_count: isClient ? rng.int(0, 40) : 0,
    next_lesson_date: activeClient && rng.chance(0.7) ? stamp(updatedMs + rng.int(1, 7) * DAY) : null,
    paid_till: activeClient && rng.chance(0.5) ? stamp(updatedMs + rng.int(5, 60) * DAY) : null,
    last_attend_date: isClient && rng.chance(0.8) ? isoDay(updatedMs - rng.int(0, 20) * DAY) : null,
    b_date: stamp(s.createdMs + rng.int(0, 3600) * 1000),
    e_date: s.archived ? isoDay(s.archivedMs as number) : '2030-12-31',
    note: note(rng, name, created, ph),
    paid_lesson_count: isClient ? rng.int(0, 40) : 0,
    paid_lesson_date: activeClient && rng.chance(0.5) ? stamp(updatedMs + rng.int(5, 60) * DAY) : null,
    updated_at: stamp(updatedMs),
    created_at: created,
    phone: ph,
    email,
    web: [],
    addr: rng.chance(0.05) ? ['вул. Хрещатик, 1'] : [],
    custom_id_srm: String(s.id),
    custom_ads_comp: rng.pick(CAMPAIGNS),
    custom_gorodstvaniya: rng.pick(COUNTRIES),
    custom_age_: rng.chance(0.7) ? [rng.pick(AGES)] : [],
    custom_email: email[0] && rng.chance(0.5) ? email[0] : '',
    custom_schedule: rng.pick(SCHEDULES),
    custom_yazik: subject,
    custom_urovenvladenwoo: rng.pick(LEVELS),
    custom_try_lessons: rng.chance(0.5) ? `${created.slice(8, 10)}.${created.slice(5, 7)}` : '',
  };
  return rec;
}
