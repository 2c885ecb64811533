/**
 * Every failure the user can see has a code, and perhaps a detail (counts, a column's name) and
 * the CRM's name. The code is stable (tests and the popup key on it) and names the sentence the
 * pages show in the user's language (utils/i18n `errorText`), the detail kept as it is.
 */
import type { ErrorKey, Phrase } from './i18n/keys';

export const ERROR_CODES = [
  'session-expired',
  'layout-not-recognised',
  'incomplete-read',
  'api-key-rejected',
  'api-not-configured',
  'rate-limited',
  'malformed-response',
  'network',
  'pager-never-ends',
  'not-a-crm-page',
  'tab-closed',
  'no-rights',
  'licence-expired',
  'forbidden',
  'request-rejected',
  'unknown',
] as const;

export type CrmErrorCode = Exclude<(typeof ERROR_CODES)[number], 'unknown'>;

/** Each code's sentence (locales/*.yml `error.*`). */
const SENTENCES: Record<CrmErrorCode, ErrorKey> = {
  'session-expired': 'error.sessionExpired',
  'layout-not-recognised': 'error.layoutNotRecognised',
  'incomplete-read': 'error.incompleteRead',
  'api-key-rejected': 'error.apiKeyRejected',
  'api-not-configured': 'error.apiNotConfigured',
  'rate-limited': 'error.rateLimited',
  'malformed-response': 'error.malformedResponse',
  network: 'error.network',
  'pager-never-ends': 'error.pagerNeverEnds',
  'not-a-crm-page': 'error.notACrmPage',
  'tab-closed': 'error.tabClosed',
  'no-rights': 'error.noRights',
  'licence-expired': 'error.licenceExpired',
  // The CRM refuses the signed-in user's role this method (HTTP 403).
  forbidden: 'error.forbidden',
  // The CRM refused a parameter (HTTP 422): its own words follow as the detail, verbatim.
  'request-rejected': 'error.requestRejected',
};

/** The sentences that say which CRM ($1), for an error that knows it. */
const NAMING: Partial<Record<CrmErrorCode, 'error.sessionExpiredIn'>> = { 'session-expired': 'error.sessionExpiredIn' };

export class CrmError extends Error {
  readonly code: CrmErrorCode;
  /** What the sentence leaves out, shown as it is in parentheses (not translated). */
  readonly detail?: string;
  /** The CRM's name, for the sentences that say it (a source passes its own). */
  readonly crm?: string;
  /** Response shape without personal data, for the diagnostics download. */
  readonly diagnostics?: unknown;
  /** A sentence a source words its own way, instead of the code's. */
  sentence?: ErrorKey;

  constructor(code: CrmErrorCode, detail?: string, diagnostics?: unknown, crm?: string) {
    // For logs only: the user reads the sentence of the code, in the user's language.
    super(detail ? `${code} (${detail})` : code);
    this.name = 'CrmError';
    this.code = code;
    if (detail) this.detail = detail;
    if (crm) this.crm = crm;
    this.diagnostics = diagnostics;
  }
}

/** Rebuilds an error that crossed a message boundary, keeping its code, detail and diagnostics. */
export function fromErrorInfo(info: ErrorInfo): CrmError {
  if (info.code === 'unknown') return new CrmError('malformed-response', info.message);
  const e = new CrmError(info.code, info.detail, info.diagnostics, info.crm);
  if (info.sentence) e.sentence = info.sentence;
  return e;
}

export function isCrmError(e: unknown): e is CrmError {
  return e instanceof CrmError;
}

/**
 * Plain-object form for messages between contexts (class instances do not survive), and for the
 * store: language-neutral, the words are the page's (`errorText`).
 */
export interface ErrorInfo {
  code: CrmErrorCode | 'unknown';
  /** For logs; what the user reads only when the code is 'unknown'. */
  message: string;
  detail?: string;
  crm?: string;
  sentence?: ErrorKey;
  /** The response's shape (no personal data), for the diagnostics download where the error is shown. */
  diagnostics?: unknown;
}

export function toErrorInfo(e: unknown): ErrorInfo {
  if (isCrmError(e)) {
    const { code, message, detail, crm, sentence, diagnostics } = e;
    return {
      code,
      message,
      ...(detail ? { detail } : {}),
      ...(crm ? { crm } : {}),
      ...(sentence ? { sentence } : {}),
      ...(diagnostics === undefined ? {} : { diagnostics }),
    };
  }
  return { code: 'unknown', message: e instanceof Error ? e.message : String(e) };
}

/** The sentence of an error's code, with the CRM's name where it says it; null: no code, no sentence. */
export function errorPhrase(info: Pick<ErrorInfo, 'code' | 'crm' | 'sentence'>): Phrase | null {
  if (info.code === 'unknown') return null;
  if (info.sentence) return [info.sentence];
  const naming = info.crm ? NAMING[info.code] : undefined;
  return naming ? [naming, info.crm!] : [SENTENCES[info.code]];
}
