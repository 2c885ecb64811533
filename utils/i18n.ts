/**
 * User-visible strings. Ukrainian, Russian and English; the browser's language picks one
 * (Ukrainian for uk browsers, Russian for ru, English otherwise).
 */
const en = {
  exportArchive: 'Export archive',
  starting: 'starting',
  saved: 'Saved $1: $2 rows',
  downloadDiagnostics: 'Download diagnostics',
};
type Key = keyof typeof en;

const uk: Record<Key, string> = {
  exportArchive: 'Експорт архіву',
  starting: 'початок',
  saved: 'Збережено $1: рядків $2',
  downloadDiagnostics: 'Завантажити діагностику',
};

const ru: Record<Key, string> = {
  exportArchive: 'Экспорт архива',
  starting: 'начало',
  saved: 'Сохранено $1: строк $2',
  downloadDiagnostics: 'Скачать диагностику',
};

export const LOCALES = { en, uk, ru };

export function pickLocale(lang: string): keyof typeof LOCALES {
  const l = lang.toLowerCase();
  return l.startsWith('uk') ? 'uk' : l.startsWith('ru') ? 'ru' : 'en';
}

export function t(key: Key, subs: string[] = [], lang = globalThis.navigator?.language ?? 'en'): string {
  return LOCALES[pickLocale(lang)][key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
