/**
 * Person names: Ukrainian and Russian, in the shapes real accounts hold (surname first or
 * last, first name only, a Latin nickname, `*` prefix, a parent in brackets), plus a share of
 * hostile names that break careless CSV, HTML and spreadsheet code.
 */
import type { Rng } from './random';

const UA_FIRST_F = [
  'Олена',
  'Ірина',
  'Оксана',
  'Наталія',
  'Софія',
  'Катерина',
  'Тетяна',
  'Марія',
  'Юлія',
  'Анастасія',
  'Дарина',
  'Вікторія',
  'Ганна',
  'Богдана',
  'Христина',
];
const UA_FIRST_M = [
  'Андрій',
  'Тарас',
  'Олександр',
  'Дмитро',
  'Богдан',
  'Максим',
  'Іван',
  'Петро',
  'Юрій',
  'Василь',
  'Остап',
  'Назар',
  'Ярослав',
  'Олег',
  'Степан',
];
const UA_LAST = [
  'Шевчук',
  'Коваль',
  'Бондар',
  'Мельник',
  'Ткаченко',
  'Кравченко',
  'Олійник',
  'Шевченко',
  'Гончаренко',
  'Дорошенко',
  'Савчук',
  'Руденко',
  'Лисенко',
  'Марченко',
  'Поліщук',
  'Гончар',
  'Кравець',
  'Левченко',
  'Зінченко',
  'Павленко',
];
const RU_FIRST_F = ['Елена', 'Ирина', 'Ольга', 'Наталья', 'Светлана', 'Екатерина', 'Татьяна', 'Мария', 'Юлия', 'Анна'];
const RU_FIRST_M = ['Алексей', 'Сергей', 'Дмитрий', 'Николай', 'Михаил', 'Владимир', 'Евгений', 'Игорь', 'Эдуард', 'Артём'];
const RU_LAST_M = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Козлов', 'Быков', 'Морозов', 'Рыбаков'];
const UA_PATRONYMIC = ['Петрович', 'Іванович', 'Андріївна', 'Олегівна', 'Васильович', 'Миколаївна'];
const LATIN = ['olenka', 'Andrii', 'taras_k', 'Sofia M.', 'Kate', 'maks2010', 'Iryna Koval'];

/**
 * Hostile names (~3%): quotes, separators, line breaks, both apostrophes, emoji, formula
 * starters, markup and entities, trailing and double spaces. Each must survive export as is.
 */
export const HOSTILE_NAMES: readonly string[] = [
  'Олена "Бджілка" Коваль',
  'Коваль; Олена',
  'Мельник, Андрій',
  'Ірина\nШевчук',
  'Петро\r\nСидоренко',
  'Ольга Дʼяченко',
  "Дар'я О'Коннор",
  'Марія 🌸 Ткаченко',
  '😀',
  '=1+2 Тест',
  '=HYPERLINK("https://example.com","клік")',
  '+380 Олег',
  '-Іван-',
  '@Оксана',
  '<b>Жирний</b> Лід',
  'Tom &amp; Jerry',
  'Коваль & Син <script>alert(1)</script>',
  'Олена Коваль ',
  'Олена  Коваль',
  '  Андрій   Мельник  ',
  'Тетяна\t(таб)',
  '"Кавички" на початку',
];

function uaName(rng: Rng): string {
  const female = rng.chance(0.55);
  const first = rng.pick(female ? UA_FIRST_F : UA_FIRST_M);
  let last = rng.pick(UA_LAST);
  if (female && /ов$|ін$/.test(last)) last += 'а';
  const shape = rng.int(0, 9);
  if (shape <= 3) return `${last} ${first}`;
  if (shape <= 6) return `${first} ${last}`;
  if (shape === 7) return first;
  if (shape === 8) return `${last} ${first} ${rng.pick(UA_PATRONYMIC)}`;
  return `*${last} ${first} (${rng.pick(UA_LAST)} ${rng.pick(UA_FIRST_F)})`;
}

function ruName(rng: Rng): string {
  const female = rng.chance(0.5);
  const first = rng.pick(female ? RU_FIRST_F : RU_FIRST_M);
  const last = rng.pick(RU_LAST_M) + (female ? 'а' : '');
  return rng.chance(0.5) ? `${last} ${first}` : `${first} ${last}`;
}

/** One name; `hostileShare` of them come from HOSTILE_NAMES. */
export function makeName(rng: Rng, hostileShare = 0.03): string {
  const r = rng.next();
  if (r < hostileShare) return rng.pick(HOSTILE_NAMES);
  if (r < hostileShare + 0.03) return rng.pick(LATIN);
  if (r < 0.72) return uaName(rng);
  return ruName(rng);
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  ы: 'y',
  э: 'e',
  ё: 'io',
  ъ: '',
};

/** A plausible e-mail local part from a name. */
export function emailFor(name: string, id: number): string {
  let out = '';
  const low = name.toLowerCase();
  for (let i = 0; i < low.length; i++) {
    const ch = low[i];
    const c = low.charCodeAt(i);
    const t = TRANSLIT[ch];
    if (t !== undefined) out += t;
    else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += ch;
    else if (ch === ' ' && out && out[out.length - 1] !== '.') out += '.';
  }
  if (out[out.length - 1] === '.') out = out.slice(0, -1);
  return `${out || 'client'}${id % 1000}@example.com`;
}
