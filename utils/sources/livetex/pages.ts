/**
 * LiveTex's cabinet as the loader sees it (contract §2): every page of my.livetex.ru, and on
 * other origins (a loopback simulator) the pages whose origin holds the cabinet's session key.
 * Kept free of imports that carry code: the loader on every CRM page carries this.
 */
import type { PageInfo, SourcePages } from '../../engine/source';

/** The cabinet's localStorage key: `{"access_token", "token_type", "expires_at", "employee_id"}`. */
export const AUTH_KEY = 'livetex.auth';
export const CABINET_HOST = 'my.livetex.ru';
/** What the button exports: every lead the signed-in employee (and a saved identity) may see. */
export const SCOPE = 'leads';

export const livetexPages: SourcePages = {
  id: 'livetex',
  name: 'LiveTex',
  matches: [`https://${CABINET_HOST}/*`],
  apiHosts: ['https://web-api.livetex.ru/*'],
  storageMark: AUTH_KEY,
  page(url: string, marks?: readonly string[]): PageInfo | null {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return null;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.hostname !== CABINET_HOST && !marks?.includes(AUTH_KEY)) return null;
    // The sign-in page is the cabinet's too (its tab tells a run the session), but has no button.
    const signIn = u.pathname === '/login' || u.pathname.startsWith('/login/');
    return { source: 'livetex', account: u.origin, partition: '', scope: signIn ? null : SCOPE };
  },
};
