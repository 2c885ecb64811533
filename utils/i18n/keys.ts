/**
 * The message keys the code may use, typed from locales/en.yml (generated into .wxt/i18n by
 * `wxt prepare`): a key en.yml lacks, or a wrong number of values, does not compile.
 */
import type { GeneratedI18nStructure as Messages } from '#i18n';

/** A key of locales/en.yml ('popup.syncNow'); the browser's own `@@…` messages left out. */
export type MessageKey = Exclude<keyof Messages, `@@${string}`>;

type Value = string | number;
type Values<N> = N extends 0 ? [] : N extends 1 ? [Value] : N extends 2 ? [Value, Value] : N extends 3 ? [Value, Value, Value] : Value[];

/**
 * Words that travel as data (a connection check's answer, a reconciliation's differences): a
 * key and the values of its $1, $2…, read in the user's language where they are shown.
 */
export type Phrase = { [K in MessageKey]: [key: K, ...values: Values<Messages[K]['substitutions']>] }[MessageKey];

/** Keys whose message takes no value. */
export type PlainKey = { [K in MessageKey]: Messages[K]['substitutions'] extends 0 ? K : never }[MessageKey];

/** A phase of a run, as the popup and the CRM tab's button name it. */
export type PhaseKey = Extract<PlainKey, `phase.${string}`>;
/** A count the popup shows for a job. */
export type CountKey = Extract<PlainKey, `count.${string}`>;
/** The label of a CRM page's export button. */
export type ButtonKey = Extract<PlainKey, `button.${string}`>;
/** What a line of the popup's reconciliation counts. */
export type ReconKey = Extract<PlainKey, `reconLine.${string}`>;
/** A note an export's result carries (what the file holds). */
export type NoteKey = Extract<PlainKey, `note.${string}`>;
/** An error's sentence (utils/errors.ts maps the codes to them). */
export type ErrorKey = Extract<PlainKey, `error.${string}`>;

/** The languages of locales/: English is the default, for any other browser language too. */
export type Lang = 'en' | 'uk' | 'ru';
