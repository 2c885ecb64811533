/**
 * The account's other dictionaries: branches, pipelines and their 43 lead statuses, lead
 * sources, study statuses, CRM users (managers) and subjects. Invented, in the real shapes.
 */

export interface Branch {
  id: number;
  name: string;
  is_active: number;
  subject_ids: number[];
  weight: number;
}
export interface LeadStatus {
  id: number;
  name: string;
  is_enabled: number;
  weight: number;
  pipeline_id: number;
  color: string;
}
export interface LeadSource {
  id: number;
  code: string;
  name: string;
  is_enabled: number;
  weight: number;
}
export interface StudyStatus {
  id: number;
  name: string;
  is_enabled: number;
  weight: number;
}
export interface User {
  id: number;
  name: string;
}

/** Branch 2 was deleted long ago: ids have a gap, as in real accounts. */
export const BRANCHES: readonly Branch[] = [
  { id: 1, name: 'Головна філія (онлайн)', is_active: 1, subject_ids: [1, 2, 3, 4, 5], weight: 1 },
  { id: 3, name: 'Філія «Лівий берег»', is_active: 1, subject_ids: [1, 2], weight: 2 },
];

export const PIPELINES: readonly { id: number; name: string }[] = [
  { id: 1, name: 'Основна воронка' },
  { id: 2, name: 'Вторинна воронка' },
];

const P1 = [
  'Новий лід',
  'Звʼязок встановлено. Думають.',
  'Не відповідає (1)',
  'Не відповідає (2)',
  'Передзвонити',
  'Надіслано інформацію',
  'Записаний на пробний',
  'Пробний підтверджено',
  'Пробний проведено',
  'Зворотний звʼязок після пробного',
  'Очікує рахунок',
  'Рахунок надіслано',
  'Часткова оплата',
  'Оплатив',
  'Підбір викладача',
  'Підбір групи',
  'Старт навчання',
  'Перенесли пробний',
  'Не прийшов на пробний',
  'Відкладений попит',
];
const P2 = [
  'Повторне звернення',
  'Повернення з паузи',
  'Повернення після відмови',
  'Холодна база',
  'Розсилка відправлена',
  'Відповів на розсилку',
  'Дзвінок запланований',
  'Дзвінок проведено',
  'Пропозиція знижки',
  'Думає над пропозицією',
  'Записаний на пробний (В)',
  'Пробний проведено (В)',
  'Очікує оплату (В)',
  'Оплатив (В)',
  'Не цікаво зараз',
  'Зв. через місяць',
  'Зв. через 3 місяці',
  'Переданий іншому менеджеру',
  'Перевірка контактів',
  'Чекає на розклад',
  'Групові заняття',
  'Індивідуальні заняття',
  'Корпоративний запит',
];
const COLORS = ['#6a6a6a', '#006600', '#00aa00', '#1c84c6', '#f8ac59', '#ed5565', '#23c6c8', '#9b59b6', '#b8860b', '#2f4050'];

/** 20 statuses in pipeline 1 (ids 1–20) and 23 in pipeline 2 (ids 30–52); 43 in all. */
export const LEAD_STATUSES: readonly LeadStatus[] = [
  ...P1.map((name, i) => ({ id: i + 1, name, is_enabled: 1, weight: i + 1, pipeline_id: 1, color: COLORS[i % COLORS.length] })),
  ...P2.map((name, i) => ({
    id: i + 30,
    name,
    is_enabled: i === 18 ? 0 : 1,
    weight: i + 1,
    pipeline_id: 2,
    color: COLORS[(i + 3) % COLORS.length],
  })),
];

/** Column 0 of the active board: leads without a stage. */
export const UNSORTED_COLOR = '#6a6a6a';
/** Column 0 of the archive board: archived leads without a reason. */
export const NO_REASON_COLOR = '#999999';

export const LEAD_SOURCES: readonly LeadSource[] = [
  'Instagram',
  'Facebook',
  'Сайт',
  'Google Ads',
  'wazzup_whatsapp',
  'Telegram',
  'Рекомендація',
  'Вхідний дзвінок',
  'TikTok',
  'Viber',
  'OLX',
  'E-mail розсилка',
  'Вивіска',
  'Повторне звернення',
  'Інше',
].map((name, i) => ({ id: i + 1, code: `src${i + 1}`, name, is_enabled: i === 10 ? 0 : 1, weight: i + 1 }));

export const STUDY_STATUSES: readonly StudyStatus[] = [
  { id: 1, name: 'Навчається', is_enabled: 1, weight: 1 },
  { id: 2, name: 'Заморожений', is_enabled: 1, weight: 2 },
  { id: 3, name: 'Завершив', is_enabled: 1, weight: 3 },
  { id: 4, name: 'Пробне заняття', is_enabled: 1, weight: 4 },
  { id: 5, name: 'Очікує групу', is_enabled: 0, weight: 5 },
];

/** The logged-in UI user is 148 (the «Я — відповідальний» tab filters on it). */
export const CURRENT_USER: User = { id: 148, name: 'Марта Левченко' };
export const USERS: readonly User[] = [
  CURRENT_USER,
  { id: 1278, name: 'Олена Коваль' },
  { id: 1301, name: 'Ірина (адмін)' },
  { id: 1402, name: 'Максим Левченко' },
  { id: 1517, name: 'Софія Бондар' },
];

/** Subject codes as the custom field `custom_yazik` holds them, and their names. */
export const SUBJECTS: readonly { code: string; name: string }[] = [
  { code: 'АНГ', name: 'Англійська мова' },
  { code: 'НІМ', name: 'Німецька мова' },
  { code: 'ПОЛ', name: 'Польська мова' },
  { code: 'ФРА', name: 'Французька мова' },
  { code: 'ІСП', name: 'Іспанська мова' },
];

export function byId<T extends { id: number }>(items: readonly T[]): Map<number, T> {
  const m = new Map<number, T>();
  items.forEach((x) => m.set(x.id, x));
  return m;
}
