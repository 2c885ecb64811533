/**
 * Altegio's (YCLIENTS') pages as the loader sees them: the hosts, and which page a URL is. Every
 * app path names the location (`{cid}`); the store account is the web origin plus that location,
 * so two locations of one salon are two accounts. Kept free of heavy imports: the loader carries it.
 */
import type { PageInfo, SourcePages } from '../../engine/source';

/** What «Export clients» exports: every client of the location. */
export const SCOPE = 'clients';
/** Where the extension's partner token is kept among the secrets (SourcePages.appSecret). */
export const PARTNER_SECRET = 'partner:altegio';

const CLIENT_BASE = /^\/clients\/(\d+)\/base\/?$/;
/** Other app pages of a location: a tab there can still read for a background sync. */
const APP_PAGE = /^\/(?:clients|timetable|dashboard)\/(\d+)(?:\/|$)/;

/** The store account of location `cid` on a web origin: `https://app.alteg.io/517301`. */
export function accountFor(origin: string, cid: number): string {
  return `${origin}/${cid}`;
}

/** The location of a store account, or null when it is not one. */
export function locationOf(account: string): number | null {
  const m = /^https?:\/\/[^/]+\/(\d+)$/.exec(account);
  const cid = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(cid) && cid > 0 ? cid : null;
}

export const altegioPages: SourcePages = {
  id: 'altegio',
  name: 'Altegio',
  // The web hosts, and the API hosts the background sends an account's credentials to.
  matches: ['https://app.alteg.io/*', 'https://yclients.com/*', 'https://www.yclients.com/*', 'https://api.alteg.io/*', 'https://api.yclients.com/*'],
  appSecret: { key: PARTNER_SECRET, label: 'options.partnerToken' },
  page(url: string): PageInfo | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    const base = CLIENT_BASE.exec(u.pathname);
    const cid = Number((base ?? APP_PAGE.exec(u.pathname))?.[1]);
    if (!Number.isSafeInteger(cid) || cid <= 0) return null;
    return { source: 'altegio', account: accountFor(u.origin, cid), partition: '', scope: base ? SCOPE : null };
  },
};
