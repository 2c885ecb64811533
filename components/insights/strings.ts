/**
 * The Insights page's texts: Ukrainian and Russian tables keyed by the English text (English is
 * the key itself), `$1`, `$2` for values. Kept apart so the lead can move them into utils/i18n.
 */
export type Lang = 'uk' | 'ru' | 'en';

export const pickLang = (browserLanguage: string): Lang =>
  browserLanguage.startsWith('uk') ? 'uk' : browserLanguage.startsWith('ru') ? 'ru' : 'en';

const UK: Record<string, string> = {
  Insights: 'Аналітика', Branch: 'Філія', Created: 'Створено', Archived: 'В архіві', 'All time': 'Увесь час', 'all time': 'увесь час',
  'Only archived leads lost in this period are counted': 'Враховуються лише ліди, втрачені в цей період',
  'Computing…': 'Обчислення…', 'Could not load the data: $1': 'Не вдалося завантажити дані: $1',
  '$1 records, $2 archived leads': 'Записів: $1, лідів в архіві: $2',
  'Reject reasons': 'Причини відмов', Campaigns: 'Кампанії', Breakdowns: 'Розрізи', 'Time to loss': 'Час до втрати', 'Data quality': 'Якість даних',
  Reason: 'Причина', 'Archived leads': 'Лідів в архіві', Share: 'Частка', Category: 'Категорія', disabled: 'вимкнена',
  'not in the dictionary': 'немає в довіднику', '(no reason)': '(без причини)', 'reason #$1': 'причина #$1', '(not set)': '(не вказано)', '(no manager)': '(без менеджера)',
  'Archived leads per reason. The category comes from the reason name («( В )» target, «( Не ЦА )» not target; * marks that guess) until you choose one.':
    'Ліди в архіві за причинами. Категорія береться з назви причини («( В )» — ЦА, «( Не ЦА )» — не ЦА; * позначає це припущення), доки ви не оберете її.',
  'target (lost)': 'ЦА (втрачений)', 'not target': 'не ЦА', unclassified: 'без категорії',
  'not reached': 'не дійшов', contact: 'контакт', 'trial booked': 'записаний на пробне', 'trial held': 'пробне проведено',
  'waiting for payment': 'очікує оплату', unknown: 'невідомо',
  'Group by': 'Групувати за', 'lead source': 'джерелом ліда', 'Spend is for the period $1.': 'Витрати — за період $1.',
  'Target leads = leads minus those archived as not target; conversion = clients ÷ target leads; stages count the records that reached at least that stage.':
    'Цільові ліди = ліди мінус ті, що в архіві як не ЦА; конверсія = клієнти ÷ цільові ліди; етапи рахують записи, що дійшли щонайменше до етапу.',
  Campaign: 'Кампанія', Total: 'Разом', Leads: 'Ліди', 'In work': 'В роботі', 'Lost target': 'Втрачені ЦА', 'Not target': 'Не ЦА',
  'Lost, unclassified': 'Втрачені, без категорії', Clients: 'Клієнти', 'Target leads': 'Цільові ліди', '% target': '% ЦА',
  '% archived': '% в архіві', Conversion: 'Конверсія', Spend: 'Витрати', 'Cost per lead': 'Ціна ліда', 'Cost per target lead': 'Ціна цільового ліда',
  'Every record: leads and clients, active and archived': 'Усі записи: ліди й клієнти, активні й архівні',
  'Leads minus those archived as not target': 'Ліди мінус ті, що в архіві як не ЦА', 'Target leads ÷ leads': 'Цільові ліди ÷ ліди',
  'Archived leads ÷ leads': 'Ліди в архіві ÷ ліди', 'Clients ÷ target leads': 'Клієнти ÷ цільові ліди',
  'Reached at least this stage (clients reached them all)': 'Дійшли щонайменше до цього етапу (клієнти — до всіх)',
  'Funnel stages of lead statuses': 'Етапи воронки для статусів лідів',
  'Reasons by': 'Причини за', campaign: 'кампаніями', manager: 'менеджерами', 'Share of': 'Частка від',
  'the reason (row)': 'причини (рядка)', 'the column': 'стовпця',
  'By month created (cohorts)': 'За місяцем створення (когорти)', 'By month archived': 'За місяцем архівації', Month: 'Місяць',
  'Archive dates come from the change log, or else from the first sync that saw the lead archived (then the loss happened earlier).':
    'Дати архівації — з журналу змін, інакше з першої синхронізації, що побачила лід в архіві (тоді втрата сталася раніше).',
  'Date from the change log': 'Дата з журналу змін', 'Date from the first sync': 'Дата з першої синхронізації',
  'From change-log dates only; $1 archived leads have no change-log date and are left out.':
    'Лише за датами з журналу змін; $1 лідів в архіві без такої дати не враховано.',
  'Median, days': 'Медіана, днів', '25%, days': '25%, днів', '75%, days': '75%, днів',
  'Half (median), a quarter, three quarters of these leads were lost within this many days': 'Половину (медіана), чверть, три чверті цих лідів втрачено за стільки днів',
  'Stage at loss': 'Етап втрати',
  'The status the change log says the lead left, else its last status, through the stage map.':
    'Статус, з якого лід пішов в архів за журналом змін, інакше його останній статус, через карту етапів.',
  'Archived leads without a reason': 'Ліди в архіві без причини', 'Leads in reasons switched off in the CRM': 'Ліди у вимкнених у CRM причинах',
  'Records sharing a phone': 'Записи зі спільним телефоном', '($1 phones)': '(телефонів: $1)', 'CRM board vs API, per reason': 'Дошка CRM і API за причинами',
  'CRM board': 'Дошка CRM', API: 'API', Difference: 'Різниця', 'The CRM board was not read: nothing to compare.': 'Дошку CRM не прочитано: нема з чим порівняти.',
  'The CRM board and the API agree for every reason.': 'Дошка CRM і API збігаються для кожної причини.',
  'No API data: the records come from the CRM pages only.': 'Немає даних API: записи лише зі сторінок CRM.',
  '$1 records': 'Записів: $1', 'the first $1 are shown': 'показано перші $1', 'Export this slice': 'Експортувати цю вибірку', Close: 'Закрити',
  Name: 'Імʼя', Phone: 'Телефон', Source: 'Джерело', Manager: 'Менеджер', 'first sync': 'перша синхронізація', client: 'клієнт', 'in work': 'в роботі',
};

const RU: Record<string, string> = {
  Insights: 'Аналитика', Branch: 'Филиал', Created: 'Создан', Archived: 'В архиве', 'All time': 'Всё время', 'all time': 'всё время',
  'Only archived leads lost in this period are counted': 'Учитываются только лиды, потерянные в этот период',
  'Computing…': 'Вычисление…', 'Could not load the data: $1': 'Не удалось загрузить данные: $1',
  '$1 records, $2 archived leads': 'Записей: $1, лидов в архиве: $2',
  'Reject reasons': 'Причины отказов', Campaigns: 'Кампании', Breakdowns: 'Разрезы', 'Time to loss': 'Время до потери', 'Data quality': 'Качество данных',
  Reason: 'Причина', 'Archived leads': 'Лидов в архиве', Share: 'Доля', Category: 'Категория', disabled: 'отключена',
  'not in the dictionary': 'нет в справочнике', '(no reason)': '(без причины)', 'reason #$1': 'причина #$1', '(not set)': '(не указано)', '(no manager)': '(без менеджера)',
  'Archived leads per reason. The category comes from the reason name («( В )» target, «( Не ЦА )» not target; * marks that guess) until you choose one.':
    'Лиды в архиве по причинам. Категория берётся из названия причины («( В )» — ЦА, «( Не ЦА )» — не ЦА; * отмечает это предположение), пока вы не выберете её.',
  'target (lost)': 'ЦА (потерян)', 'not target': 'не ЦА', unclassified: 'без категории',
  'not reached': 'не дошёл', contact: 'контакт', 'trial booked': 'записан на пробное', 'trial held': 'пробное проведено',
  'waiting for payment': 'ждёт оплату', unknown: 'неизвестно',
  'Group by': 'Группировать по', 'lead source': 'источнику лида', 'Spend is for the period $1.': 'Расходы — за период $1.',
  'Target leads = leads minus those archived as not target; conversion = clients ÷ target leads; stages count the records that reached at least that stage.':
    'Целевые лиды = лиды минус те, что в архиве как не ЦА; конверсия = клиенты ÷ целевые лиды; этапы считают записи, дошедшие как минимум до этапа.',
  Campaign: 'Кампания', Total: 'Итого', Leads: 'Лиды', 'In work': 'В работе', 'Lost target': 'Потерянные ЦА', 'Not target': 'Не ЦА',
  'Lost, unclassified': 'Потерянные, без категории', Clients: 'Клиенты', 'Target leads': 'Целевые лиды', '% target': '% ЦА',
  '% archived': '% в архиве', Conversion: 'Конверсия', Spend: 'Расходы', 'Cost per lead': 'Цена лида', 'Cost per target lead': 'Цена целевого лида',
  'Every record: leads and clients, active and archived': 'Все записи: лиды и клиенты, активные и архивные',
  'Leads minus those archived as not target': 'Лиды минус те, что в архиве как не ЦА', 'Target leads ÷ leads': 'Целевые лиды ÷ лиды',
  'Archived leads ÷ leads': 'Лиды в архиве ÷ лиды', 'Clients ÷ target leads': 'Клиенты ÷ целевые лиды',
  'Reached at least this stage (clients reached them all)': 'Дошли как минимум до этого этапа (клиенты — до всех)',
  'Funnel stages of lead statuses': 'Этапы воронки для статусов лидов',
  'Reasons by': 'Причины по', campaign: 'кампаниям', manager: 'менеджерам', 'Share of': 'Доля от',
  'the reason (row)': 'причины (строки)', 'the column': 'столбца',
  'By month created (cohorts)': 'По месяцу создания (когорты)', 'By month archived': 'По месяцу архивации', Month: 'Месяц',
  'Archive dates come from the change log, or else from the first sync that saw the lead archived (then the loss happened earlier).':
    'Даты архивации — из журнала изменений, иначе из первой синхронизации, увидевшей лид в архиве (тогда потеря случилась раньше).',
  'Date from the change log': 'Дата из журнала изменений', 'Date from the first sync': 'Дата из первой синхронизации',
  'From change-log dates only; $1 archived leads have no change-log date and are left out.':
    'Только по датам из журнала изменений; $1 лидов в архиве без такой даты не учтены.',
  'Median, days': 'Медиана, дней', '25%, days': '25%, дней', '75%, days': '75%, дней',
  'Half (median), a quarter, three quarters of these leads were lost within this many days': 'Половина (медиана), четверть, три четверти этих лидов потеряны за столько дней',
  'Stage at loss': 'Этап потери',
  'The status the change log says the lead left, else its last status, through the stage map.':
    'Статус, из которого лид ушёл в архив по журналу изменений, иначе его последний статус, через карту этапов.',
  'Archived leads without a reason': 'Лиды в архиве без причины', 'Leads in reasons switched off in the CRM': 'Лиды в отключённых в CRM причинах',
  'Records sharing a phone': 'Записи с общим телефоном', '($1 phones)': '(телефонов: $1)', 'CRM board vs API, per reason': 'Доска CRM и API по причинам',
  'CRM board': 'Доска CRM', API: 'API', Difference: 'Разница', 'The CRM board was not read: nothing to compare.': 'Доска CRM не прочитана: не с чем сравнить.',
  'The CRM board and the API agree for every reason.': 'Доска CRM и API совпадают по каждой причине.',
  'No API data: the records come from the CRM pages only.': 'Нет данных API: записи только со страниц CRM.',
  '$1 records': 'Записей: $1', 'the first $1 are shown': 'показаны первые $1', 'Export this slice': 'Экспортировать эту выборку', Close: 'Закрыть',
  Name: 'Имя', Phone: 'Телефон', Source: 'Источник', Manager: 'Менеджер', 'first sync': 'первая синхронизация', client: 'клиент', 'in work': 'в работе',
};

export const STRINGS: Record<Exclude<Lang, 'en'>, Record<string, string>> = { uk: UK, ru: RU };
