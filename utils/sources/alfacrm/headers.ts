/**
 * Human labels for the first CSV row (option `header-language`). Only the fixed columns have
 * labels; every other key (the API's own fields, `custom_*`) stays as the API names it.
 */
import type { FixedColumn } from './merge';

export type HeaderLanguage = 'keys' | 'uk' | 'ru';

export const HEADER_LABELS: Record<'uk' | 'ru', Record<FixedColumn, string>> = {
  uk: {
    id: 'ID',
    name: 'ПІБ',
    phone: 'Телефон',
    email: 'E-mail',
    branch_id: 'Філія (ID)',
    is_study: 'Клієнт (1) / лід (0)',
    archived: 'В архіві',
    lead_status_id: 'Етап ліда (ID)',
    lead_status: 'Етап ліда',
    lead_reject_id: 'Причина відмови ліда (ID)',
    lead_reject_reason: 'Причина відмови ліда',
    customer_reject_id: 'Причина втрати клієнта (ID)',
    customer_reject_reason: 'Причина втрати клієнта',
    archived_at: 'Дата архівації',
    lead_source_id: 'Джерело (ID)',
    lead_source: 'Джерело',
    assigned_id: 'Відповідальний (ID)',
    created_at: 'Створено',
    updated_at: 'Оновлено',
    source: 'Походження даних',
  },
  ru: {
    id: 'ID',
    name: 'ФИО',
    phone: 'Телефон',
    email: 'E-mail',
    branch_id: 'Филиал (ID)',
    is_study: 'Клиент (1) / лид (0)',
    archived: 'В архиве',
    lead_status_id: 'Этап лида (ID)',
    lead_status: 'Этап лида',
    lead_reject_id: 'Причина отказа лида (ID)',
    lead_reject_reason: 'Причина отказа лида',
    customer_reject_id: 'Причина потери клиента (ID)',
    customer_reject_reason: 'Причина потери клиента',
    archived_at: 'Дата архивации',
    lead_source_id: 'Источник (ID)',
    lead_source: 'Источник',
    assigned_id: 'Ответственный (ID)',
    created_at: 'Создан',
    updated_at: 'Обновлён',
    source: 'Происхождение данных',
  },
};

/** The header cell of one column key in the chosen language (unknown keys stay keys). */
export function headerLabel(key: string, lang: HeaderLanguage): string {
  if (lang === 'keys') return key;
  const labels: Record<string, string> = HEADER_LABELS[lang];
  return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : key;
}

export function headerRow(columns: readonly string[], lang: HeaderLanguage): string[] {
  return columns.map((c) => headerLabel(c, lang));
}
