/** Public types of the simulated LiveTex (shared/livetex-contract.md §4). */

export type RoleCode = 'admin' | 'admin_partner' | 'chief' | 'chief_partner' | 'manager' | 'operator';
export type RoleMode = 'documented' | 'implementation';
export type HiddenForm = 'absent' | 'null';
export type MalformedKind = 'html502' | 'truncated' | 'results_object' | 'total_missing' | 'short_page';
export type DatetimeForm = 'msk' | 'space' | 'utc_z' | 'offset';
export type DatasetName = 'default' | 'small';

export interface LivetexKnobs {
  /** documented: every lead listed, texts hidden out of scope; implementation: out-of-scope leads not listed. */
  roleMode: RoleMode;
  /** How a hidden text/answer_text looks: key absent, or null. */
  hiddenForm: HiddenForm;
  /** Added to every non-control response (both origins), ms. */
  latencyMs: number;
  /** Accepted requests per token in any 1 s; 0 = unlimited. Default 5. */
  rateLimitPerSecond: number;
  /** Accepted requests per account in any 60 s; 0 = unlimited. Default 120. */
  rateLimitPerMinute: number;
  /** Token lifetime in seconds (expires_in); judged against the value in force now. Default 3600. */
  tokenLifetimeSec: number;
  /** A session token is revoked once it has served this many requests (null = never). */
  sessionExpiresAfterRequests: number | null;
  /** A session token is revoked this many seconds after issue (null = never). */
  sessionExpiresAfterSec: number | null;
  /** Which tokens the two session knobs hit: those issued to the cabinet origin, or all. */
  sessionExpiryScope: 'cabinet' | 'all';
  /** Sort of Leads.list without `sort`. Default created_at:d. */
  defaultSort: string;
  /** The Nth data request (counted from when this was set) is broken, once; then null again. */
  malformedOnRequest: number | null;
  malformedKind: MalformedKind;
  /** Only requests whose path + query contain this count for malformedOnRequest (null = all). */
  malformedMatch: string | null;
  /** Web API path → role codes (or '*') answered 403, e.g. {"/leads/list":["operator"]}. */
  forbidden: Record<string, string[]>;
  /** How datetimes are written; msk = `2014-12-17T15:35:48` (Moscow, no offset). */
  datetimeForm: DatetimeForm;
  /** Ids written as numeric strings. */
  idsAsStrings: boolean;
  /** Leave `is_managed` out of lead rows. */
  omitIsManaged: boolean;
  /** References as requested by `fields`, or always `{id}` only. */
  refForm: 'requested' | 'id';
  /** Cabinet: delay before the script draws the header and content, ms. */
  cabinetDrawDelayMs: number;
}

export interface LivetexOptions {
  /** CABINET port; WEBAPI is port + 1. 0 (default) = a free pair. */
  port?: number;
  seed?: number;
  dataset?: DatasetName;
  knobs?: Partial<LivetexKnobs> & Record<string, unknown>;
}

export type EmployeeKey =
  | 'admin'
  | 'adminPartner'
  | 'chief'
  | 'chiefPartner'
  | 'manager1'
  | 'manager2'
  | 'operator1'
  | 'operator2'
  | 'operator3'
  | 'operator4'
  | 'deletedOperator'
  | 'blocked';

/** How to sign in as one employee. */
export interface EmployeeLogin {
  key: EmployeeKey;
  id: number;
  role: RoleCode;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  isActive: boolean;
  isDeleted: boolean;
}

/** A text cell as the extension should export it after the given identities pulled. */
export interface ExpectedCell {
  /** Some puller received the key (value kept even if "" or null). */
  visible: boolean;
  value: string | null;
  /** Role codes of the pullers that got it hidden, in the order given. */
  hiddenFrom: string[];
  /** `[hidden: {roles joined by ", "}]` when no puller saw it, else null. */
  marker: string | null;
}

export interface LivetexTruth {
  /** Every lead with every key, as an admin's pull with the extension's fields gets it. */
  leads(): Record<string, unknown>[];
  lead(id: number): Record<string, unknown> | undefined;
  leadIds(): number[];
  /** The visitor id `q=visitor_ids=` matches (not a Lead key). */
  visitorOf(leadId: number): string | undefined;
  /** Leads in the employee's scope (is_managed true); admins: all. */
  inScope(employeeId: number): number[];
  outOfScope(employeeId: number): number[];
  /** Leads Leads.list gives the employee under a role mode (default: the current knob). */
  listedFor(employeeId: number, mode?: RoleMode): number[];
  /** Leads Leads.listRouted gives the employee. */
  routedTo(employeeId: number): number[];
  /** text and answer_text per lead pulled by at least one of the employees. */
  expectedTexts(pullerIds: number[], mode?: RoleMode): Map<number, { text: ExpectedCell; answer_text: ExpectedCell }>;
  employees(): Record<string, unknown>[];
  sites(): { id: number; url: string }[];
  departments(): { id: number; title: string }[];
}

export interface LivetexStats {
  /** Non-control requests on both origins (preflights included). */
  total: number;
  /** `/leads/list`, `/v2/leads.list`, `cabinet:/leads`, `preflight`, … */
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  /** Authenticated Web API requests per employee id. */
  byEmployee: Record<string, number>;
  /** Web API requests per presented token (valid or not). */
  byToken: Record<string, number>;
  /** token → employee id, for tokens this simulator issued. */
  tokenEmployee: Record<string, number>;
  status401: number;
  status429: number;
  malformed: number;
  /** Most requests seen (accepted or not) in any 1 s window, per token. */
  maxPerSecondByToken: Record<string, number>;
  /** Most requests seen in any 60 s window, per account (one account: "1"). */
  maxPerMinuteByAccount: Record<string, number>;
  /** Most requests seen in any 60 s window, per employee. */
  maxPerMinuteByEmployee: Record<string, number>;
  maxPerSecond: number;
  maxPerMinute: number;
  /** Requests on a token that arrived while its last 429's Retry-After was running. */
  retriesBeforeRetryAfter: number;
}

/** Data changes between syncs (`mutate()` and POST /__sim/mutate take the same object). */
export interface LivetexMutation {
  /** New leads created now (after every existing one). */
  newLeads?: number;
  /** A missed lead (this id, else the oldest missed) completed now with answer_text. */
  completeMissed?: true | { id?: number; answerText?: string };
  /** A lead moved into or out of an employee's scope (default operator 1, out). */
  moveAcrossScope?: { id?: number; employeeId?: number; direction?: 'in' | 'out' };
  setManagedSites?: { employeeId: number; siteIds: number[] };
  setManagedDepartments?: { employeeId: number; departmentIds: number[] };
  /** Marks the employee deleted (is_deleted, not active) and revokes his tokens. */
  deleteEmployee?: number;
  /** Revokes every token of this employee, or all tokens. */
  revokeTokens?: number | 'all';
}

export interface MutationResult {
  newLeads?: number[];
  completed?: number;
  moved?: number;
  managedSites?: number[];
  managedDepartments?: number[];
  deleted?: number;
  revoked?: number;
}

export interface LivetexSimulator {
  cabinetUrl: string;
  apiUrl: string;
  port: number;
  employees: Record<EmployeeKey, EmployeeLogin>;
  /** Current values (a live view). */
  knobs: LivetexKnobs;
  setKnobs(k: Partial<LivetexKnobs> & Record<string, unknown>): LivetexKnobs;
  truth: LivetexTruth;
  mutate(m: LivetexMutation): MutationResult;
  stats(): LivetexStats;
  resetStats(): void;
  close(): Promise<void>;
}
