/** Public types of the simulated AlfaCRM (see shared/alfacrm-contract.md §4). */
import type { LogEntry } from './change-log';

export type { LogEntry, LogFields } from './change-log';

export interface Knobs {
  /** Added to every (non-control) response, in ms. Default 0. */
  latencyMs: number;
  /** API requests per second per account, sliding 1000 ms window; 0 = unlimited. Default 5. */
  apiRateLimit: number;
  /** API token lifetime in seconds. Default 900; 0 = single-use tokens (one request each). */
  tokenLifetimeSec: number;
  /** A UI session dies after this many /company/* requests (counted from login); null = never. */
  sessionExpiresAfter: number | null;
  /** Fraction of rows repeated across consecutive API pages. Default 0.017. */
  duplicateRate: number;
  /**
   * The Nth data request after the knob was set (API calls other than auth/login, and
   * /company/* requests) gets half of its body, status 200; it fires once, then reads null.
   */
  malformedOnRequest: number | null;
  /** Only requests whose path + query contain this count for malformedOnRequest (null = all). */
  malformedMatch: string | null;
  /** Cards per board load / pager page. Default 20. */
  uiPageSize: number;
}

export type UiLang = 'uk' | 'ru';

export interface SimulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Loopback address to listen on, default 127.0.0.1 (127.0.0.2 is an origin outside the e2e build's matches). */
  host?: string;
  /** Data seed, default 1. */
  seed?: number;
  knobs?: Partial<Knobs>;
  dataset?: 'default' | 'small';
  /** Labels of the web UI, default 'uk'. */
  uiLang?: UiLang;
}

/** One customer record exactly as the API v2 returns it: 45 keys, in the real 2025 order. */
export interface ApiCustomer {
  id: number;
  branch_ids: number[];
  teacher_ids: number[];
  name: string;
  barcode: string;
  color: string | null;
  is_study: number;
  study_status_id: number | null;
  lead_status_id: number | null;
  pipeline_id: number | null;
  lead_reject_id: number | null;
  customer_reject_id: number | null;
  lead_source_id: number | null;
  assigned_id: number | null;
  legal_type: number;
  legal_name: string;
  company_id: number | null;
  dob: string;
  balance: string;
  balance_base: string;
  balance_bonus: number;
  paid_count: number;
  next_lesson_date: string | null;
  paid_till: string | null;
  last_attend_date: string | null;
  b_date: string | null;
  e_date: string;
  note: string;
  paid_lesson_count: number;
  paid_lesson_date: string | null;
  updated_at: string;
  created_at: string;
  phone: string[];
  email: string[];
  web: string[];
  addr: string[];
  custom_id_srm: string;
  custom_ads_comp: string;
  custom_gorodstvaniya: string;
  custom_age_: string[];
  custom_email: string;
  custom_schedule: string;
  custom_yazik: string;
  custom_urovenvladenwoo: string;
  custom_try_lessons: string;
}

/** A record as the ground truth shows it: the API shape plus whether it is archived. */
export type SimRecord = ApiCustomer & { archived: boolean };

export interface RejectReason {
  id: number;
  name: string;
  is_enabled: number;
  weight: number;
}

export interface GroundTruth {
  branches: number[];
  records(): SimRecord[];
  /** is_study 0, archived; ascending ids. */
  archivedLeadIds(branch: number): number[];
  /** is_study 1, archived; ascending ids. */
  archivedCustomerIds(branch: number): number[];
  /** Every active record (leads and clients); ascending ids. */
  activeIds(branch: number): number[];
  leadRejectReasons(): RejectReason[];
  customerRejectReasons(): RejectReason[];
  /** The branch's change log (`log/index`), newest first. */
  changeLog(branch: number): LogEntry[];
}

export interface SimStats {
  total: number;
  /** 'api', 'login', 'ui-page', 'ui-board', 'ui-pager', 'ui-grid', 'ui-post', 'ui-redirect', 'other'. */
  byKind: Record<string, number>;
  /** API entity ('customer', 'lead-reject', 'auth', ...). */
  byEntity: Record<string, number>;
  byStatus: Record<string, number>;
  status429: number;
  status401: number;
  /** Responses cut in half by the malformedOnRequest knob. */
  malformed: number;
  /**
   * Token-authenticated API requests that arrived while the last 429's Retry-After was still
   * running (a client that honours Retry-After and pauses all its requests keeps this at 0).
   */
  retriesBeforeRetryAfter: number;
}

export interface Credentials {
  uiLogin: string;
  uiPassword: string;
  apiEmail: string;
  apiKey: string;
}

export interface Simulator {
  url: string;
  port: number;
  credentials: Credentials;
  /** Current values (a live view: read it again after setKnobs). */
  knobs: Knobs;
  setKnobs(k: Partial<Knobs>): void;
  truth: GroundTruth;
  mutate: {
    /** Moves n active leads of the branch to the archive; returns their ids. `silent`: `updated_at` stays. */
    archiveLeads(branch: number, n: number, opts?: { silent?: boolean }): number[];
    /** Moves an archived record back to active. Throws for an unknown or active id. */
    restoreLead(id: number): void;
    /** Moves a record to another branch. */
    moveBranch(id: number, branch: number): void;
    /** Deletes a record from the CRM. */
    deleteRecord(id: number): void;
  };
  stats(): SimStats;
  resetStats(): void;
  close(): Promise<void>;
}
