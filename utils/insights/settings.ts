/**
 * The user's choices on the Insights page, per account, kept through an injected port so the
 * store (e.g. @wxt-dev/storage) can be wired in later. A stored value is read leniently: a broken
 * part falls back to its default, the rest is kept.
 */
import { z } from 'zod';
import { CATEGORIES, STAGES, type Category, type Stage } from './types';

/** Group campaigns by lead source, or by the values of a record field (`field:custom_ads_comp`). */
export const BY_SOURCE = 'source';
export const byField = (name: string): string => `field:${name}`;
export const groupingField = (grouping: string): string | null => (grouping.startsWith('field:') ? grouping.slice(6) : null);

export interface InsightSettings {
  /** Reason id → category chosen by the user (overrides the guess from the name). */
  categories: Record<string, Category>;
  /** Lead status id → funnel stage chosen by the user. */
  stages: Record<string, Stage>;
  grouping: string;
  /** Spend by spendKey(branch, grouping, period, group). */
  spend: Record<string, number>;
}

export interface InsightSettingsPort {
  get(account: string): Promise<unknown>;
  set(account: string, settings: InsightSettings): Promise<void>;
}

export const defaultSettings = (): InsightSettings => ({ categories: {}, stages: {}, grouping: BY_SOURCE, spend: {} });

const idKey = z.string().regex(/^\d+$/);
const parts = {
  categories: z.record(idKey, z.enum(CATEGORIES as [Category, ...Category[]])),
  stages: z.record(idKey, z.enum(STAGES as [Stage, ...Stage[]])),
  grouping: z.string().min(1),
  spend: z.record(z.string(), z.number().finite().nonnegative()),
};

export function parseSettings(raw: unknown): InsightSettings {
  const out = defaultSettings();
  if (!raw || typeof raw !== 'object') return out;
  const obj = raw as Record<string, unknown>;
  const take = <K extends keyof InsightSettings>(key: K) => {
    const r = parts[key].safeParse(obj[key]);
    if (r.success) out[key] = r.data as InsightSettings[K];
  };
  take('categories');
  take('stages');
  take('grouping');
  take('spend');
  return out;
}

/** Numeric-keyed view of the overrides, as the maths reads them. */
export const numericKeys = <V>(rec: Record<string, V>): Record<number, V> => rec as unknown as Record<number, V>;
