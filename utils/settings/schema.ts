/** The user's settings (version 2): the configured accounts and how files are written. */
import type { AccountConfig } from '../engine/source';

export type HeaderLanguage = 'keys' | 'uk' | 'ru';

export interface Settings {
  /** Accounts the user configured: background sync and credentials are for these only. */
  accounts: AccountConfig[];
  delimiter: 'auto' | ';' | ',';
  headerLanguage: HeaderLanguage;
  /** Prefix formula-like cells with `'` (off only for files meant for scripts). */
  escapeFormulae: boolean;
  fileFormat: 'csv' | 'xlsx';
  syncPeriodMin: number;
  /**
   * An API login kept from version 1 when no CRM address was set (a blank address then meant
   * "any CRM tab"): shown in the form until an address is given, used for nothing.
   */
  draftLogin?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  accounts: [],
  delimiter: 'auto',
  headerLanguage: 'keys',
  escapeFormulae: true,
  fileFormat: 'csv',
  syncPeriodMin: 30,
};

/** Version 1: one AlfaCRM account, its address optional. */
export interface SettingsV1 {
  crmUrl?: string;
  apiEmail?: string;
  delimiter?: Settings['delimiter'];
  headerLanguage?: HeaderLanguage;
  escapeFormulae?: boolean;
  syncPeriodMin?: number;
}

/** The key of a secret kept for a draft (no account yet). */
export const DRAFT_SECRET = 'draft';
