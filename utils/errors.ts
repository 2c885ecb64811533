/**
 * Every failure the user can see has a code and a sentence. The code is stable (tests and the
 * popup key on it); the message is what the button and `export-error` show.
 */
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
  'unknown',
] as const;

export type CrmErrorCode = Exclude<(typeof ERROR_CODES)[number], 'unknown'>;

const MESSAGES: Record<CrmErrorCode, string> = {
  'session-expired': 'session expired: log in to $CRM again',
  'layout-not-recognised': 'layout not recognised',
  'incomplete-read': 'incomplete read',
  'api-key-rejected': 'API key rejected',
  'api-not-configured': 'API not configured',
  'rate-limited': 'rate limited beyond retries',
  'malformed-response': 'malformed response',
  network: 'network error',
  'pager-never-ends': 'pager never ends',
  'not-a-crm-page': 'nothing to export on this page',
  'tab-closed': 'the CRM tab was closed or left the page before the read ended',
};

export class CrmError extends Error {
  readonly code: CrmErrorCode;
  /** Response shape without personal data, for the diagnostics download. */
  readonly diagnostics?: unknown;

  /** `crm`: the CRM's name, for the sentences that say it (a source passes its own). */
  constructor(code: CrmErrorCode, detail?: string, diagnostics?: unknown, crm = 'the CRM') {
    const text = MESSAGES[code].replace('$CRM', crm);
    super(detail ? `${text} (${detail})` : text);
    this.name = 'CrmError';
    this.code = code;
    this.diagnostics = diagnostics;
  }
}

/** Rebuilds an error that crossed a message boundary, keeping its code and words. */
export function fromErrorInfo(info: ErrorInfo): CrmError {
  const e = new CrmError(info.code === 'unknown' ? 'malformed-response' : info.code);
  e.message = info.message;
  return e;
}

export function isCrmError(e: unknown): e is CrmError {
  return e instanceof CrmError;
}

/** Plain-object form for messages between contexts (class instances do not survive). */
export interface ErrorInfo {
  code: CrmErrorCode | 'unknown';
  message: string;
}

export function toErrorInfo(e: unknown): ErrorInfo {
  if (isCrmError(e)) return { code: e.code, message: e.message };
  return { code: 'unknown', message: e instanceof Error ? e.message : String(e) };
}
