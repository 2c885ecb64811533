/**
 * Visitor names, lead texts, answers, phones and e-mails (contract §4): Russian and Ukrainian,
 * multi-line (LF and CRLF), with quotes, `;`, emoji, markup and leading `=`, `+`, `-`, `@`.
 */
import type { Rng } from '../random';

const RU = [
  'Здравствуйте! Хочу узнать цену на доставку.',
  'Перезвоните, пожалуйста, после 18:00.',
  'Подскажите, есть ли товар в наличии?',
  'Нужен счёт на оплату для юрлица; реквизиты пришлю.',
  'Заказ №{n} до сих пор не пришёл.',
  'Можно ли записаться на приём в субботу?',
  'Интересует оптовая цена от 100 шт.',
  'Ваш менеджер обещал перезвонить — не перезвонил.',
  'Цена «со скидкой» или без?',
  'Сравниваю с "Конкурентом" — у них дешевле.',
];
const UK = [
  'Добрий день! Скільки коштує доставка до Львова?',
  'Передзвоніть, будь ласка, після обіду.',
  'Чи можна оплатити карткою при отриманні?',
  "Потрібна консультація лікаря; запис на п'ятницю.",
  'Замовлення №{n} ще не отримав.',
  'Дякую за допомогу!',
  'Чи є знижка для постійних клієнтів?',
  'Пишу вже втретє — відповідайте!',
  'Ціна «без ПДВ» чи з ПДВ?',
  'Маю питання щодо рахунку; зателефонуйте мені.',
];
const ANSWERS = [
  'Добрый день! Перезвонили, клиент записан.',
  'Відповіли на e-mail; рахунок надіслано.',
  'Счёт выставлен, ждём оплату.',
  'Клієнт не відповідає, надіслали SMS.',
  'Передали в отдел "VIP".',
  'Доставка 2–3 дня; стоимость 350 ₽.',
  "Записали на п'ятницю, 15:00.",
];
const PREFIXES = ['=СУММ(A1:A2) ', '=HYPERLINK("http://evil.example","клик") ', '+7 999 — ', '-- ', '- ', '@менеджер ', '+', '=', '@', '-', '\t'];
const MARKUP = ['<b>срочно</b>', '<i>важно</i>', '<br>', '</div>', '<a href="#">ссылка</a>', '<b>терміново'];
const EMOJI = ['😀', '👍', '🔥', '🙏🏻', '❤️', '🇺🇦'];

const FIRST = ['Иван', 'Олена', 'Сергій', 'Мария', 'Андрей', 'Наталья', 'Ігор', 'Юлія', 'Dmitry', 'Ольга', 'Тетяна', 'Алексей'];
const LAST = ['Петров', 'Коваленко', 'Сидоренко', 'Іваненко', 'Смирнова', 'Ткачук', 'Кузнецов', "О'Коннор", ''];
const HOSTILE_NAMES = [
  '=Иван',
  '+Олег',
  '-Марія-',
  '@anna_k',
  'Олена "Ліса"',
  '<b>Жирный</b> Клиент',
  'Петров; Иван',
  'Світлана 🌸',
  'Іван\r\nПетренко',
  'Анна\nМария',
  "Д'Артаньян",
  '=1+1',
  '  Пробел  ',
  '',
];

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

function sentence(rng: Rng, pool: readonly string[]): string {
  return rng.pick(pool).replace('{n}', String(rng.int(10_000, 99_999)));
}

function lengthTarget(rng: Rng): number {
  const r = rng.next();
  if (r < 0.01) return 2000;
  if (r < 0.06) return rng.int(400, 1999);
  return rng.int(15, 400);
}

/** A message up to 2,000 characters. */
export function leadText(rng: Rng): string {
  const pool = rng.chance(0.5) ? RU : UK;
  const target = lengthTarget(rng);
  const eol = rng.chance(0.4) ? '\r\n' : '\n';
  const multiLine = rng.chance(0.5);
  let s = rng.chance(0.2) ? rng.pick(PREFIXES) : '';
  while (s.length < target) {
    let part = sentence(rng, pool);
    if (rng.chance(0.1)) part += ` ${rng.pick(MARKUP)}`;
    if (rng.chance(0.08)) part += ` ${rng.pick(EMOJI)}`;
    // Now and then a line end of the other kind, so one text mixes LF and CRLF.
    const sep = multiLine ? (rng.chance(0.05) ? (eol === '\n' ? '\r\n' : '\n') : eol) : ' ';
    s += (s && !/\s$/.test(s) ? sep : '') + part;
  }
  return cut(s, target);
}

export function answerText(rng: Rng): string {
  const lines = [rng.chance(0.1) ? rng.pick(PREFIXES) + sentence(rng, ANSWERS) : sentence(rng, ANSWERS)];
  const more = rng.int(0, 3);
  for (let i = 0; i < more; i++) lines.push(sentence(rng, rng.chance(0.5) ? ANSWERS : UK));
  if (rng.chance(0.003)) return cut(lines.join('\n').padEnd(2000, ' ще.'), 2000);
  return lines.join(rng.chance(0.5) ? '\r\n' : '\n');
}

export function visitorName(rng: Rng): string {
  if (rng.chance(0.06)) return rng.pick(HOSTILE_NAMES);
  const last = rng.pick(LAST);
  return last ? `${rng.pick(FIRST)} ${last}` : rng.pick(FIRST);
}

const d = (rng: Rng, n: number) => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');

export function phone(rng: Rng): string {
  switch (rng.int(0, 7)) {
    case 0:
      return `+7 (9${d(rng, 2)}) ${d(rng, 3)}-${d(rng, 2)}-${d(rng, 2)}`;
    case 1:
      return `89${d(rng, 9)}`;
    case 2:
      return `+380 ${d(rng, 2)} ${d(rng, 3)} ${d(rng, 2)} ${d(rng, 2)}`;
    case 3:
      return `380${d(rng, 9)}`;
    case 4:
      return `+7-9${d(rng, 2)}-${d(rng, 3)}-${d(rng, 4)}`;
    case 5:
      return `(044) ${d(rng, 3)}-${d(rng, 2)}-${d(rng, 2)}`;
    case 6:
      return `8(812)${d(rng, 7)} доб. ${d(rng, 2)}`;
    default:
      return `+38050${d(rng, 7)}`;
  }
}

const LOCALS = ['ivan.petrov', 'olena', 'sergii_k', 'maria+lead', 'A.Smirnova', 'kuznetsov.1987', 'tania'];

export function email(rng: Rng, n: number): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `${rng.pick(LOCALS)}${n}@mail.example`;
    case 1:
      return `${rng.pick(LOCALS).toUpperCase()}@Example.COM`;
    case 2:
      return `олег${n}@пошта.укр`;
    default:
      return `${rng.pick(LOCALS)}.${n}@gmail.example`;
  }
}

export const CITIES: readonly (readonly [string, string])[] = [
  ['Москва', 'Россия'],
  ['Санкт-Петербург', 'Россия'],
  ['Київ', 'Україна'],
  ['Львів', 'Україна'],
  ['Алматы', 'Казахстан'],
  ['Минск', 'Беларусь'],
];
export const SEARCH_QUERIES = ['купить онлайн', 'записатися до лікаря', 'опт цена; доставка', 'b2b "поставщик"', 'клиника отзывы'];
