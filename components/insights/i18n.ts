/** The page's language: a context set from the page's `lang` prop, read with useT(). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { STRINGS, type Lang } from './strings';

export const LangContext = createContext<Lang>('en');

export type T = (key: string, ...args: (string | number)[]) => string;

/** The English key's text in `lang`, `$1`, `$2`… replaced by args; the key itself when missing. */
export function translate(lang: Lang, key: string, ...args: (string | number)[]): string {
  const text = lang === 'en' ? key : (STRINGS[lang][key] ?? key);
  return text.replace(/\$(\d)/g, (_: string, i: string) => String(args[Number(i) - 1] ?? ''));
}

export function useT(): T {
  const lang = useContext(LangContext);
  return (key, ...args) => translate(lang, key, ...args);
}

export const useLang = (): Lang => useContext(LangContext);
