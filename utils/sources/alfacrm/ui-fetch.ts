/**
 * Same-origin requests to the CRM's web UI with the user's session, as the page itself makes
 * them. A redirect to the login page means the session is gone: that is an error, never data.
 */
import { CrmError } from '../../errors';
import { sessionExpired } from './errors';
import type { ParseHtml } from './dom';
import { isLoginPage } from './response';

export interface UiFetchOptions {
  /** Header for XHR endpoints that answer JSON. */
  xhr?: boolean;
  csrfToken?: string | null;
  signal?: AbortSignal;
  onRequest?: () => void;
}

export async function fetchUiText(url: string, opts: UiFetchOptions = {}): Promise<string> {
  opts.onRequest?.();
  let res: Response;
  try {
    res = await fetch(url, {
      credentials: 'same-origin',
      signal: opts.signal,
      headers: {
        ...(opts.xhr ? { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json, text/javascript, */*' } : {}),
        ...(opts.csrfToken ? { 'X-CSRF-Token': opts.csrfToken } : {}),
      },
    });
  } catch (e) {
    throw new CrmError('network', `${new URL(url).pathname}: ${(e as Error).message}`);
  }
  const text = await res.text();
  const landed = new URL(res.url || url);
  if (landed.pathname === '/login' || isLoginPage(text)) {
    throw sessionExpired();
  }
  if (res.status === 429) throw new CrmError('rate-limited', new URL(url).pathname);
  // A whole server-rendered page ends with </html>; one cut short is not read as data.
  if (!opts.xhr && res.ok && !/<\/html>\s*$/i.test(text)) {
    throw new CrmError('malformed-response', `${new URL(url).pathname}: the page ends early`);
  }
  if (!res.ok) throw new CrmError('malformed-response', `${new URL(url).pathname}: HTTP ${res.status}`);
  return text;
}

export type { ParseHtml };

export const parseWithDomParser: ParseHtml = (html) => new DOMParser().parseFromString(html, 'text/html');
