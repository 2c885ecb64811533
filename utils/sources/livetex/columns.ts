/** The file's columns (extension-interface.md «LiveTex»), in their order, and their first-row labels. */
import type { Settings } from '../../settings/schema';

export const COLUMNS = [
  'id',
  'name',
  'email',
  'phone',
  'type',
  'result',
  'text',
  'answer_text',
  'text_visibility',
  'site_id',
  'site_url',
  'department_id',
  'department',
  'created_at',
  'updated_at',
  'completed_at',
  'duration',
  'created_by',
  'assigned_to',
  'completed_by',
  'city',
  'country',
  'ext_referer',
  'entry_page',
  'int_referer',
  'search_engine',
  'search_query',
  'page_count',
  'visit_count',
  'pulled_by',
  // After the interface's columns: a kept text that may be outdated, a lead an identity stopped getting.
  'flags',
] as const;

export type Column = (typeof COLUMNS)[number];

const NUMBERS: Column[] = ['id', 'site_id', 'department_id', 'duration', 'page_count', 'visit_count'];
const DATETIMES: Column[] = ['created_at', 'updated_at', 'completed_at'];

export const COLUMN_TYPES = COLUMNS.map(
  (c) => (NUMBERS.includes(c) ? 'number' : DATETIMES.includes(c) ? 'datetime' : 'text') as 'number' | 'datetime' | 'text',
);

const UK: Record<Column, string> = {
  id: 'ID',
  name: 'Ім’я',
  email: 'E-mail',
  phone: 'Телефон',
  type: 'Тип',
  result: 'Результат',
  text: 'Текст',
  answer_text: 'Відповідь',
  text_visibility: 'Видимість тексту',
  site_id: 'Сайт (ID)',
  site_url: 'Сайт',
  department_id: 'Відділ (ID)',
  department: 'Відділ',
  created_at: 'Створено',
  updated_at: 'Оновлено',
  completed_at: 'Завершено',
  duration: 'Тривалість, с',
  created_by: 'Створив',
  assigned_to: 'Відповідальний',
  completed_by: 'Завершив',
  city: 'Місто',
  country: 'Країна',
  ext_referer: 'Зовнішній реферер',
  entry_page: 'Сторінка входу',
  int_referer: 'Внутрішній реферер',
  search_engine: 'Пошукова система',
  search_query: 'Пошуковий запит',
  page_count: 'Переглянуто сторінок',
  visit_count: 'Візитів',
  pulled_by: 'Отримано через',
  flags: 'Позначки',
};

const RU: Record<Column, string> = {
  id: 'ID',
  name: 'Имя',
  email: 'E-mail',
  phone: 'Телефон',
  type: 'Тип',
  result: 'Результат',
  text: 'Текст',
  answer_text: 'Ответ',
  text_visibility: 'Видимость текста',
  site_id: 'Сайт (ID)',
  site_url: 'Сайт',
  department_id: 'Отдел (ID)',
  department: 'Отдел',
  created_at: 'Создан',
  updated_at: 'Обновлён',
  completed_at: 'Завершён',
  duration: 'Длительность, с',
  created_by: 'Создал',
  assigned_to: 'Ответственный',
  completed_by: 'Завершил',
  city: 'Город',
  country: 'Страна',
  ext_referer: 'Внешний реферер',
  entry_page: 'Страница входа',
  int_referer: 'Внутренний реферер',
  search_engine: 'Поисковая система',
  search_query: 'Поисковый запрос',
  page_count: 'Просмотрено страниц',
  visit_count: 'Визитов',
  pulled_by: 'Получено через',
  flags: 'Пометки',
};

export function headerRow(lang: Settings['headerLanguage']): string[] {
  return lang === 'keys' ? [...COLUMNS] : COLUMNS.map((c) => (lang === 'uk' ? UK : RU)[c]);
}
