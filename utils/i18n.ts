/**
 * What the user reads, in Ukrainian, Russian or English. The English text is the key (so code
 * reads naturally); the browser's language picks the table: uk → Ukrainian, ru → Russian, else
 * English. `$1`, `$2` stand for values. tests/unit/i18n.test.ts checks that every key used in
 * the code has both translations.
 */
const UK: Record<string, string> = {
  'Export archive': 'Експорт архіву',
  starting: 'початок',
  'Saved $1: $2 rows': 'Збережено $1: рядків $2',
  'Download diagnostics': 'Завантажити діагностику',
  'reading the archive': 'читання архіву',
  'merging with the API': 'об’єднання з API',
  'writing the file': 'запис файлу',
  'API dictionaries': 'довідники API',
  'API active records': 'API: активні записи',
  'API archived records': 'API: архівні записи',
  'archive board': 'дошка архіву',
  'API changes': 'API: зміни',
  'API archive count': 'API: кількість в архіві',
  'session expired: log in to AlfaCRM again': 'сесія завершилась: увійдіть в AlfaCRM знову',
  'layout not recognised': 'розмітку сторінки не розпізнано',
  'incomplete read': 'прочитано не все',
  'API key rejected': 'API-ключ відхилено',
  'API not configured': 'API не налаштовано',
  'rate limited beyond retries': 'CRM обмежує запити довше, ніж дозволяють повтори',
  'malformed response': 'пошкоджена відповідь',
  'network error': 'помилка мережі',
  'pager never ends': 'гортання сторінок не закінчується',
  'CRM Archive Export': 'Експорт архіву CRM',
  Active: 'Активні',
  Archived: 'В архіві',
  'Archived with reason': 'В архіві з причиною',
  Branch: 'Філія',
  'UI leads': 'Ліди в UI',
  API: 'API',
  Stored: 'Збережено',
  'Sync now': 'Синхронізувати',
  'Export all leads': 'Експорт усіх лідів',
  'loading…': 'завантаження…',
  idle: 'очікування',
  syncing: 'синхронізація',
  paused: 'призупинено',
  error: 'помилка',
  'last sync $1': 'остання синхронізація $1',
  'never synced': 'ще не синхронізовано',
  waiting: 'очікування',
  'branch $1: $2': 'філія $1: $2',
  'CRM address': 'Адреса CRM',
  'API e-mail': 'E-mail для API',
  'API key': 'API-ключ',
  'CSV delimiter': 'Роздільник CSV',
  'by browser language': 'за мовою браузера',
  '; (semicolon)': '; (крапка з комою)',
  ', (comma)': ', (кома)',
  'Header row': 'Рядок заголовків',
  'field keys (for scripts)': 'ключі полів (для скриптів)',
  'Protect Excel from formulas in cells': 'Захистити Excel від формул у клітинках',
  Save: 'Зберегти',
  'CRM address: not a web address': 'Адреса CRM: це не веб-адреса',
  'access to $1 was not granted': 'доступ до $1 не надано',
  'saved; without an API key the export holds what the CRM page shows': 'збережено; без API-ключа файл міститиме те, що показує сторінка CRM',
  'checking the connection…': 'перевірка з’єднання…',
  'connected ($1 branches)': 'з’єднано (філій: $1)',
  Account: 'Обліковий запис',
  Accounts: 'Облікові записи',
  'Add an account': 'Додати обліковий запис',
  'Add your CRM account in the options to sync in the background.': 'Додайте свій обліковий запис CRM у налаштуваннях, щоб синхронізувати у фоні.',
  'CRM address: an API key is only sent over https': 'Адреса CRM: API-ключ надсилається лише через https',
  'CRM address: required with an API key': 'Адреса CRM: потрібна разом з API-ключем',
  CRM: 'CRM-система',
  Edit: 'Змінити',
  Files: 'Файли',
  'New account': 'Новий обліковий запис',
  'No account yet: the export button still works on any CRM page, with its session.':
    'Облікових записів ще немає: кнопка експорту все одно працює на будь-якій сторінці CRM, з її сесією.',
  Remove: 'Видалити',
  'API archive check': 'API: перевірка архіву',
  'File format': 'Формат файлу',
  'Add this account': 'Додати цей обліковий запис',
  'clients archive': 'архів клієнтів',
  branch: 'філія',
  'nothing to export on this page': 'на цій сторінці нічого експортувати',
  saved: 'збережено',
  'session expired: log in to the CRM again': 'сесія завершилась: увійдіть у CRM знову',
  'the CRM tab was closed or left the page before the read ended': 'вкладку CRM закрито або залишено до кінця читання',
  'the archive part waits for an open CRM tab': 'архів чекає на відкриту вкладку CRM',
  'no API key in the options: the file holds what the CRM page shows': 'API-ключа в налаштуваннях немає: файл містить те, що показує сторінка CRM',
  'this account is not in the options: the file holds what the CRM page shows':
    'цього облікового запису немає в налаштуваннях: файл містить те, що показує сторінка CRM',
};

const RU: Record<string, string> = {
  'Export archive': 'Экспорт архива',
  starting: 'начало',
  'Saved $1: $2 rows': 'Сохранено $1: строк $2',
  'Download diagnostics': 'Скачать диагностику',
  'reading the archive': 'чтение архива',
  'merging with the API': 'объединение с API',
  'writing the file': 'запись файла',
  'API dictionaries': 'справочники API',
  'API active records': 'API: активные записи',
  'API archived records': 'API: архивные записи',
  'archive board': 'доска архива',
  'API changes': 'API: изменения',
  'API archive count': 'API: количество в архиве',
  'session expired: log in to AlfaCRM again': 'сессия истекла: войдите в AlfaCRM снова',
  'layout not recognised': 'разметка страницы не распознана',
  'incomplete read': 'прочитано не всё',
  'API key rejected': 'API-ключ отклонён',
  'API not configured': 'API не настроен',
  'rate limited beyond retries': 'CRM ограничивает запросы дольше, чем позволяют повторы',
  'malformed response': 'повреждённый ответ',
  'network error': 'ошибка сети',
  'pager never ends': 'листание страниц не заканчивается',
  'CRM Archive Export': 'Экспорт архива CRM',
  Active: 'Активные',
  Archived: 'В архиве',
  'Archived with reason': 'В архиве с причиной',
  Branch: 'Филиал',
  'UI leads': 'Лиды в UI',
  API: 'API',
  Stored: 'Сохранено',
  'Sync now': 'Синхронизировать',
  'Export all leads': 'Экспорт всех лидов',
  'loading…': 'загрузка…',
  idle: 'ожидание',
  syncing: 'синхронизация',
  paused: 'приостановлено',
  error: 'ошибка',
  'last sync $1': 'последняя синхронизация $1',
  'never synced': 'ещё не синхронизировано',
  waiting: 'ожидание',
  'branch $1: $2': 'филиал $1: $2',
  'CRM address': 'Адрес CRM',
  'API e-mail': 'E-mail для API',
  'API key': 'API-ключ',
  'CSV delimiter': 'Разделитель CSV',
  'by browser language': 'по языку браузера',
  '; (semicolon)': '; (точка с запятой)',
  ', (comma)': ', (запятая)',
  'Header row': 'Строка заголовков',
  'field keys (for scripts)': 'ключи полей (для скриптов)',
  'Protect Excel from formulas in cells': 'Защитить Excel от формул в ячейках',
  Save: 'Сохранить',
  'CRM address: not a web address': 'Адрес CRM: это не веб-адрес',
  'access to $1 was not granted': 'доступ к $1 не предоставлен',
  'saved; without an API key the export holds what the CRM page shows': 'сохранено; без API-ключа файл будет содержать то, что показывает страница CRM',
  'checking the connection…': 'проверка соединения…',
  'connected ($1 branches)': 'соединено (филиалов: $1)',
  Account: 'Учётная запись',
  Accounts: 'Учётные записи',
  'Add an account': 'Добавить учётную запись',
  'Add your CRM account in the options to sync in the background.': 'Добавьте свою учётную запись CRM в настройках, чтобы синхронизировать в фоне.',
  'CRM address: an API key is only sent over https': 'Адрес CRM: API-ключ отправляется только по https',
  'CRM address: required with an API key': 'Адрес CRM: нужен вместе с API-ключом',
  CRM: 'CRM-система',
  Edit: 'Изменить',
  Files: 'Файлы',
  'New account': 'Новая учётная запись',
  'No account yet: the export button still works on any CRM page, with its session.':
    'Учётных записей пока нет: кнопка экспорта всё равно работает на любой странице CRM, с её сессией.',
  Remove: 'Удалить',
  'API archive check': 'API: проверка архива',
  'File format': 'Формат файла',
  'Add this account': 'Добавить эту учётную запись',
  'clients archive': 'архив клиентов',
  branch: 'филиал',
  'nothing to export on this page': 'на этой странице нечего экспортировать',
  saved: 'сохранено',
  'session expired: log in to the CRM again': 'сессия истекла: войдите в CRM снова',
  'the CRM tab was closed or left the page before the read ended': 'вкладку CRM закрыли или покинули до конца чтения',
  'the archive part waits for an open CRM tab': 'архив ждёт открытую вкладку CRM',
  'no API key in the options: the file holds what the CRM page shows': 'API-ключа в настройках нет: файл содержит то, что показывает страница CRM',
  'this account is not in the options: the file holds what the CRM page shows':
    'этой учётной записи нет в настройках: файл содержит то, что показывает страница CRM',
};

export const TRANSLATIONS = { uk: UK, ru: RU } as const;

export function pickLocale(lang: string): 'uk' | 'ru' | 'en' {
  const l = lang.toLowerCase();
  return l.startsWith('uk') ? 'uk' : l.startsWith('ru') ? 'ru' : 'en';
}

function currentLanguage(): string {
  return globalThis.navigator?.language ?? 'en';
}

/** The text for `en` in the browser's language, with `$1`… replaced by `subs`. */
export function tr(en: string, subs: (string | number)[] = [], lang = currentLanguage()): string {
  const locale = pickLocale(lang);
  const text = locale === 'en' ? en : (TRANSLATIONS[locale][en] ?? en);
  return text.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** An error's words in the user's language: the named part translated, its detail kept. */
export function errorText(message: string, lang = currentLanguage()): string {
  const locale = pickLocale(lang);
  if (locale === 'en') return message;
  for (const [en, text] of Object.entries(TRANSLATIONS[locale])) {
    if (message === en || message.startsWith(`${en} (`)) return text + message.slice(en.length);
  }
  return message;
}
