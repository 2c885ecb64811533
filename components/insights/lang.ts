/** The page's language for numbers: a context set from the page's `lang` prop, read with useLang(). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '@/utils/i18n';

export const LangContext = createContext<Lang>('en');

export const useLang = (): Lang => useContext(LangContext);
