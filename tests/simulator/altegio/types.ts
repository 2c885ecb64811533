/** Public types of the simulated Altegio / YCLIENTS (shared/altegio-contract.md §4). */

export type EmptyCustomFields = 'default' | 'array' | 'object' | 'null' | 'absent' | 'mixed';
export type MalformedKind = 'html502' | 'truncated' | 'v1-array' | 'success-false';
export type PageTokenBulkList = 'allow' | '401' | '403' | '404' | 'html' | 'no-custom-fields';

export interface AltegioKnobs {
  /** Added to every non-control response, in ms. Default 0. */
  latencyMs: number;
  /**
   * Accepted requests per client IP in any 1 s, both origins together; 0 = off. Default 5.
   * Setting either rate knob empties the windows.
   */
  rateLimitPerSecond: number;
  /** Accepted requests per client IP in any 60 s, both origins together; 0 = off. Default 200. */
  rateLimitPerMinute: number;
  /** `Retry-After` of a 429, in seconds; null = no header. Default 1. */
  retryAfterSec: number | null;
  /** User tokens die this many seconds after issue; null = never (default). */
  userTokenLifetimeSec: number | null;
  /** One-shot: true revokes every user token issued so far (as a password change), then reads false. */
  revokeUserTokens: boolean;
  /** A web session dies after this many requests (counted from login or from setting the knob); null = never. */
  sessionMaxRequests: number | null;
  /** A web session dies this many seconds after login (or after setting the knob); null = never. */
  sessionMaxAgeSec: number | null;
  /** How the web origin's bulk list answers the page token: 'allow' (default) or a refusal. */
  pageTokenBulkList: PageTokenBulkList;
  /** How a client without custom values shows them: 'default' = card/getClientInfo `[]`, list `{}`. */
  emptyCustomFields: EmptyCustomFields;
  /** The Nth data request after setting this is broken (malformedKind), once; then reads null. */
  malformedOnRequest: number | null;
  malformedKind: MalformedKind;
  /** Only data requests whose path + query contain this count for malformedOnRequest; null = all. */
  malformedMatch: string | null;
  /** Search honours `fields` ('honour', default) or always answers id, name, surname, phone, email. */
  searchFields: 'honour' | 'fixed-five';
  /** Client routes refuse with 402 or 403 «Необходимо продлить лицензию…»; null = licensed (default). */
  licenseExpired: 402 | 403 | null;
  /** The client base page redraws its container every N ms; 0 = only on demand (default). */
  uiRedrawMs: number;
}

export type UserKey = 'owner' | 'restricted' | 'nobase';

export interface Rights {
  clients_access: boolean;
  client_phones_access: boolean;
  clients_phones_email_access: boolean;
  clients_card_phone_access: boolean;
}

export interface SimUser {
  key: UserKey;
  id: number;
  name: string;
  /** E-mail login (the phone works too). */
  login: string;
  phone: string;
  password: string;
  rights: Rights;
}

export type CustomValue = string | number | string[];

export interface Category {
  id: number;
  title: string;
  color: string;
}

/** A client as stored, under the API's own key names; routes derive their shapes from it. */
export interface SimClient {
  id: number;
  location_id: number;
  name: string;
  surname: string;
  patronymic: string;
  /** '' when none; sometimes a number (observed). */
  phone: string | number;
  additional_phone: string;
  email: string;
  categories: Category[];
  sex_id: 0 | 1 | 2;
  sex: string;
  /** 'Y-m-d', a unix-seconds string, or null (observed). */
  birth_date: string | null;
  discount: number;
  importance_id: 0 | 1 | 2 | 3;
  importance: string;
  card: string;
  comment: string;
  sms_check: 0 | 1;
  sms_not: 0 | 1;
  spent: number;
  balance: number;
  visits: number;
  sold_amount: number;
  first_visit_date: string | null;
  last_visit_date: string | null;
  /** `2024-05-01T12:00:00+0300`, the location's local time. */
  last_change_date: string;
  online_booking_ban: 0 | 1;
  client_agreements: { is_newsletter_allowed: boolean | null; is_personal_data_processing_allowed: boolean | null };
  /** Only codes holding a value: definition order, then codes without a definition. */
  custom_fields: Record<string, CustomValue>;
}

export type FieldType = 'text' | 'number' | 'select' | 'date' | 'datetime';

export interface Definition {
  /** The link id (outer `id` of §1.4). */
  id: number;
  fieldId: number;
  code: string;
  title: string;
  type: FieldType;
  showInUi: boolean;
  userCanEdit: boolean;
  /** Options of a select, else []. */
  values: string[];
}

export interface Location {
  id: number;
  title: string;
}

export interface MutationSpec {
  /** Location to change, default the main one. */
  location?: number;
  /** New clients (ids above every existing one). */
  add?: number;
  /** Clients whose custom values (and sometimes comment) change, with a newer last_change_date. */
  edit?: number;
  /** Clients deleted (cards 404, absent from lists). */
  delete?: number;
  /** Renames a definition's title (true: `note-2` → «Примечание 2»). */
  renameField?: boolean | { code: string; title: string };
  /** Adds a definition (true: `telegram`, text «Telegram») and values on a few clients. */
  addField?: boolean | { code: string; title: string; type?: FieldType };
}

export interface MutationResult {
  added: number[];
  edited: number[];
  deleted: number[];
  renamed: { code: string; from: string; to: string } | null;
  addedField: string | null;
}

export interface AltegioTruth {
  cid: number;
  decoyCid: number;
  /** Clients of a location in id order, values as stored (never masked). Copies. */
  clients(cid?: number): SimClient[];
  client(id: number): SimClient | undefined;
  ids(cid?: number): number[];
  /** Definitions in order (after renames and additions). */
  definitions(cid?: number): Definition[];
  /** Codes held by clients of the location that have no definition. */
  orphanCodes(cid?: number): string[];
  /** Export column order: definition codes, then orphan codes. */
  customCodes(cid?: number): string[];
  /** Ids whose phone or e-mail this user sees masked (every one with a phone or e-mail for `restricted`). */
  maskedIds(user: UserKey, cid?: number): number[];
  /** Ascending. */
  deletedIds(cid?: number): number[];
}

export interface AltegioStats {
  total: number;
  /** 'auth', 'search', 'card', 'list', 'fields', 'client-info', 'tab', 'page', 'signin', 'other'. */
  byKind: Record<string, number>;
  byOrigin: Record<'web' | 'api', number>;
  /** `web:search`, `api:list`, … */
  byOriginKind: Record<string, number>;
  byStatus: Record<string, number>;
  status429: number;
  status401: number;
  malformed: number;
  /** Most rate-limited requests (answered or refused) that arrived within any 1 s / any 60 s. */
  maxIn1s: number;
  maxIn60s: number;
  /** Requests that arrived while the last 429's Retry-After was still running. */
  retriesBeforeRetryAfter: number;
}

export interface AltegioSimulatorOptions {
  /** WEB port; API is port + 1. 0 (default) = a free pair. */
  port?: number;
  seed?: number;
  dataset?: 'default' | 'small';
  knobs?: Partial<AltegioKnobs>;
}

export interface UserCredentials {
  login: string;
  phone: string;
  password: string;
}

export interface AltegioSimulator {
  webUrl: string;
  apiUrl: string;
  cid: number;
  decoyCid: number;
  users: Record<UserKey, UserCredentials>;
  partnerToken: string;
  truth: AltegioTruth;
  /** Current knobs (a live view). */
  knobs: AltegioKnobs;
  setKnobs(k: Partial<AltegioKnobs>): AltegioKnobs;
  stats(): AltegioStats;
  resetStats(): void;
  /** No spec (or `{}`): 5 new, 10 edited, 3 deleted, `note-2` renamed. */
  mutate(spec?: MutationSpec): MutationResult;
  close(): Promise<void>;
}
