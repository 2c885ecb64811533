/** Numbers as the reader's locale writes them; «—» where a value cannot be computed. */
import type { Lang } from '@/utils/i18n';

const LOCALE: Record<Lang, string> = { uk: 'uk-UA', ru: 'ru-RU', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, digits: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${lang}|${digits}|${style}`;
  let f = cache.get(key);
  if (!f)
    cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang], { style, maximumFractionDigits: digits, minimumFractionDigits: style === 'percent' ? 1 : 0 })));
  return f;
}

const ok = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

export const fmtInt = (lang: Lang, v: number | null | undefined): string => (ok(v) ? nf(lang, 0).format(v) : '—');
export const fmtPct = (lang: Lang, v: number | null | undefined): string => (ok(v) ? nf(lang, 1, 'percent').format(v) : '—');
export const fmtMoney = (lang: Lang, v: number | null | undefined): string => (ok(v) ? nf(lang, 2).format(v) : '—');
export const fmtDays = (lang: Lang, v: number | null | undefined): string => (ok(v) ? nf(lang, 1).format(v) : '—');
/** 'YYYY-MM-DD HH:MM:SS' → 'YYYY-MM-DD' (the page shows days). */
export const fmtDate = (s: string | null): string => (s ? s.slice(0, 10) : '—');
