/**
 * The Insights input: a flat copy of the store's records, cheap to build for 100,000 rows.
 * A source's adapter fills it from the store; nothing here reads IndexedDB or names a CRM.
 */

/** One record of a partition (branch): a lead, or a client. */
export interface InsightRecord {
  id: number;
  kind: 'lead' | 'client';
  /** In the CRM's archive, as the CRM says (never guessed from a reason id). */
  archived: boolean;
  /** The reason the lead was lost; only read for archived leads. */
  reasonId: number | null;
  sourceId: number | null;
  statusId: number | null;
  managerId: number | null;
  /** 'YYYY-MM-DD HH:MM:SS' as the API gives it (only the date part is read). */
  createdAt: string | null;
  /** When the lead was archived, if known. */
  archivedAt: string | null;
  /** 'log': from the change log (a real date); 'first-sync': the first sync that saw it archived. */
  archivedAtFrom: 'log' | 'first-sync' | null;
  /** `lead_status_id` the lead left when archived (from the change log), if known. */
  archivedFromStatusId: number | null;
  name: string;
  /** Phones joined with ', ' as in the CSV. */
  phone: string;
  /** Other fields (e.g. custom_ads_comp), to group campaigns by. */
  fields?: Record<string, string>;
}

export interface NamedId {
  id: number;
  name: string;
}

export interface InsightDicts {
  reasons: { id: number; name: string; enabled: boolean }[];
  sources: NamedId[];
  statuses: NamedId[];
  managers?: NamedId[];
}

export interface InsightData {
  records: InsightRecord[];
  dicts: InsightDicts;
  /** Archived leads per reason as the CRM's archive board shows them (0 = the «no reason» column). */
  uiCounts?: { byReason: Record<number, number> } | null;
  /** Whether the records came through the API (else from the web UI only). */
  hasApi: boolean;
}

export type Category = 'target' | 'non-target' | 'unclassified';
export const CATEGORIES: readonly Category[] = ['target', 'non-target', 'unclassified'];

/** How far a lead got, in funnel order; 'none' is a new or unreached lead. */
export type Stage = 'none' | 'contact' | 'trial-booked' | 'trial-held' | 'awaiting-payment';
export const STAGES: readonly Stage[] = ['none', 'contact', 'trial-booked', 'trial-held', 'awaiting-payment'];

/** Created-between and archived-between, as inclusive 'YYYY-MM-DD' dates; empty = open. */
export interface PeriodFilter {
  createdFrom?: string;
  createdTo?: string;
  archivedFrom?: string;
  archivedTo?: string;
}
