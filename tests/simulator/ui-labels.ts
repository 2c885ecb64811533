/** Web UI labels: Ukrainian (default) and Russian, as the two AlfaCRM locales print them. */
import type { UiLang } from './types';

const UK = {
  htmlLang: 'uk',
  leadsTitle: 'Ліди',
  clientsTitle: 'Клієнти',
  dashboardTitle: 'Аналітика',
  loginTitle: 'Вхід в особистий кабінет',
  menuDashboard: 'Аналітика', menuLessons: 'Уроки', menuTasks: 'Задачі', menuClients: 'Клієнти', menuGroups: 'Групи',
  menuTeachers: 'Педагоги', menuFinance: 'Фінанси', menuLeads: 'Ліди', menuProfile: 'Мій профіль', logout: 'Вихід',
  unsortedBadge: (n: number) => `${n} нерозібраних лідів`,
  searchClient: 'Пошук клієнта',
  add: 'Додати', reports: 'Звіти', reportRejects: 'Причини втрати лідів', bulkArchive: 'Відправити в архів', bulkUnarchive: 'Повернути з архіву',
  tabCurrent: 'Поточні', tabMine: 'Я — відповідальний', tabArchive: 'Архів (відмови)',
  stagesShown: (n: number) => `Відображено ${n} етапів воронки.`,
  reasonsShown: (n: number) => `Відображено ${n} причин відмови.`,
  unsorted: 'Не розібрано', noReason: 'Без причини', noLeads: 'немає лідів',
  openCard: 'Відкрити картку клієнта', toArchive: 'В архів', nextStage: 'Перенести на наступний етап', makeClient: 'Зробити клієнтом',
  subjects: 'Предмети:', source: 'Джерело', manager: 'Відповідальний менеджер', unassigned: 'Не закріплений', assignMe: 'закріпити за мною',
  rejectReason: 'Причина відмови', archivedAt: 'Дата архівації',
  clientTabs: ['Поточні', 'Без групи', 'З групою', 'Д/н цього місяця', 'Архівні'],
  colName: 'ПІБ', colPhone: 'Телефон', colEmail: 'E-mail', colSource: 'Джерело', colManager: 'Відповідальний', colAdded: 'Додано',
  colLossReason: 'Причина втрати', colBalance: 'Загальний залишок (гроші)', colPaidTill: 'Дата закінчення оплати', colStudyStatus: 'Статус навчання',
  shownRows: 'Показано рядки', totalInBase: 'Всього в базі', nothingFound: 'Нічого не знайдено.', notSet: '(не задано)', rows: 'рядків',
  email: 'E-mail', password: 'Пароль', rememberMe: 'Запамʼятати мене', signIn: 'Увійти', badLogin: 'Неправильний логін або пароль.',
  stage: 'Етап', inArchiveSince: 'В архіві з', history: 'Історія', noHistory: 'Записів немає',
  badRequest: 'Не вдалося перевірити передані дані.', notFound: 'Сторінку не знайдено.',
  dashboardText: (leads: number, clients: number) => `Активних лідів: ${leads}. Клієнтів: ${clients}.`,
};

export type Labels = typeof UK;

const RU: Labels = {
  ...UK,
  htmlLang: 'ru',
  leadsTitle: 'Лиды', clientsTitle: 'Клиенты', dashboardTitle: 'Аналитика', loginTitle: 'Вход в личный кабинет',
  menuDashboard: 'Аналитика', menuLessons: 'Уроки', menuTasks: 'Задачи', menuClients: 'Клиенты', menuGroups: 'Группы',
  menuTeachers: 'Педагоги', menuFinance: 'Финансы', menuLeads: 'Лиды', menuProfile: 'Мой профиль', logout: 'Выход',
  unsortedBadge: (n: number) => `${n} неразобранных лида`,
  searchClient: 'Поиск клиента',
  add: 'Добавить', reports: 'Отчеты', reportRejects: 'Причины потери лидов', bulkArchive: 'Отправить в архив', bulkUnarchive: 'Вернуть из архива',
  tabCurrent: 'Текущие', tabMine: 'Я — ответственный', tabArchive: 'Архив (отказы)',
  stagesShown: (n: number) => `Отображено ${n} этапов воронки.`,
  reasonsShown: (n: number) => `Отображено ${n} причин отказа.`,
  unsorted: 'Не разобрано', noReason: 'Без причины', noLeads: 'нет лидов',
  openCard: 'Открыть карточку клиента', toArchive: 'В архив', nextStage: 'Перенести на следующий этап', makeClient: 'Сделать клиентом',
  subjects: 'Предметы:', source: 'Источник', manager: 'Ответственный менеджер', unassigned: 'Не закреплен', assignMe: 'закрепить за мной',
  rejectReason: 'Причина отказа', archivedAt: 'Дата архивации',
  clientTabs: ['Текущие', 'Без группы', 'С группой', 'Д/р в этом месяце', 'Архивные'],
  colName: 'ФИО', colPhone: 'Телефон', colEmail: 'E-mail', colSource: 'Источник', colManager: 'Ответственный', colAdded: 'Добавлен',
  colLossReason: 'Причина потери', colBalance: 'Общий остаток (деньги)', colPaidTill: 'Дата истечения оплаты', colStudyStatus: 'Статус обучения',
  shownRows: 'Отображены строки', totalInBase: 'Всего в базе', nothingFound: 'Ничего не найдено.', notSet: '(не задано)', rows: 'строк',
  email: 'E-mail', password: 'Пароль', rememberMe: 'Запомнить меня', signIn: 'Войти', badLogin: 'Неправильный логин или пароль.',
  stage: 'Этап', inArchiveSince: 'В архиве с', history: 'История', noHistory: 'Записей нет',
  badRequest: 'Не удалось проверить переданные данные.', notFound: 'Страница не найдена.',
  dashboardText: (leads: number, clients: number) => `Активных лидов: ${leads}. Клиентов: ${clients}.`,
};

export function labels(lang: UiLang): Labels {
  return lang === 'ru' ? RU : UK;
}
