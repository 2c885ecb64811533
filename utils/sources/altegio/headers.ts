/**
 * The file's first row: the fixed columns' keys or labels (option `header-language`), then one
 * column per custom code: `custom:{code}`, or the definition's title (equal titles become
 * `title (code)`; a code without a definition keeps its code).
 */
import type { Settings } from '../../settings/schema';
import type { FieldDef } from './definitions';
import type { FixedColumn } from './merge';

const LABELS: Record<'uk' | 'ru', Record<FixedColumn, string>> = {
  uk: {
    id: 'ID',
    name: 'Ім’я',
    surname: 'Прізвище',
    patronymic: 'По батькові',
    phone: 'Телефон',
    additional_phone: 'Додатковий телефон',
    email: 'E-mail',
    categories: 'Категорії',
    sex: 'Стать',
    birth_date: 'Дата народження',
    discount: 'Знижка',
    card: 'Картка',
    comment: 'Коментар',
    visits_count: 'Візитів',
    sold_amount: 'Сума продажів',
    last_visit_date: 'Останній візит',
    masked: 'Приховано',
    source: 'Походження даних',
  },
  ru: {
    id: 'ID',
    name: 'Имя',
    surname: 'Фамилия',
    patronymic: 'Отчество',
    phone: 'Телефон',
    additional_phone: 'Дополнительный телефон',
    email: 'E-mail',
    categories: 'Категории',
    sex: 'Пол',
    birth_date: 'Дата рождения',
    discount: 'Скидка',
    card: 'Карта',
    comment: 'Комментарий',
    visits_count: 'Визитов',
    sold_amount: 'Сумма продаж',
    last_visit_date: 'Последний визит',
    masked: 'Скрыто',
    source: 'Происхождение данных',
  },
};

export const customColumn = (code: string) => `custom:${code}`;

/** Titles of the custom columns in human mode, in `codes` order. */
export function customTitles(codes: string[], defs: FieldDef[]): string[] {
  const byCode = new Map(defs.map((d) => [d.code, d.title.trim()]));
  const titles = codes.map((c) => byCode.get(c) || c);
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  return titles.map((t, i) => (counts.get(t)! > 1 ? `${t} (${codes[i]})` : t));
}

export function headerRow(fixed: readonly FixedColumn[], codes: string[], defs: FieldDef[], lang: Settings['headerLanguage']): string[] {
  if (lang === 'keys') return [...fixed, ...codes.map(customColumn)];
  return [...fixed.map((c) => LABELS[lang][c]), ...customTitles(codes, defs)];
}
