/**
 * The cabinet's token (contract §2): a script of the extension reads `livetex.auth` in a cabinet
 * tab of the account (isolated world, the very origin checked), checks `expires_at`, and hands
 * the token to the background, which keeps it in session storage per account — never on disk,
 * never in content scripts' reach — for the background sync while it lasts.
 */
import { storage } from '@wxt-dev/storage';
import { CrmError } from '../../errors';
import type { CabinetToken, CabinetTokens } from './api-client';
import { AUTH_KEY } from './pages';

/** What a tab's reading gave. */
export type TabAuth = { origin: string } & (
  { state: 'ok'; token: string; expiresAt: number; employeeId: number | null } | { state: 'absent' | 'expired' } | { state: 'unreadable'; shape: unknown }
);

/** Runs in a cabinet tab (browser.scripting, serialised: nothing from outside this function). */
export function readCabinetAuth(key: string): TabAuth {
  const origin = location.origin;
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return { origin, state: 'absent' };
  }
  if (raw === null) return { origin, state: 'absent' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { origin, state: 'unreadable', shape: 'not JSON' };
  }
  const a = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (typeof a.access_token !== 'string' || !a.access_token || typeof a.expires_at !== 'number') {
    const shape = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v === null ? 'null' : typeof v]));
    return { origin, state: 'unreadable', shape: value && typeof value === 'object' ? shape : typeof value };
  }
  if (a.expires_at <= Date.now()) return { origin, state: 'expired' };
  return { origin, state: 'ok', token: a.access_token, expiresAt: a.expires_at, employeeId: typeof a.employee_id === 'number' ? a.employee_id : null };
}

/** The account's cabinet tabs (`prefer` first), read one by one until one holds a session. */
export async function readFromTabs(account: string, prefer: number[]): Promise<TabAuth | null> {
  const tabs = (await browser.tabs.query({})).filter((t) => t.id != null && t.url?.startsWith(`${account}/`));
  tabs.sort((a, b) => Number(prefer.includes(b.id!)) - Number(prefer.includes(a.id!)));
  let best: TabAuth | null = null;
  for (const tab of tabs) {
    try {
      const [res] = await browser.scripting.executeScript({ target: { tabId: tab.id! }, func: readCabinetAuth, args: [AUTH_KEY] });
      const auth = res?.result as TabAuth | undefined;
      // The tab may have gone elsewhere since it was listed: another origin's key is never taken.
      if (!auth || auth.origin !== account) continue;
      if (auth.state === 'ok') return auth;
      if (best?.state !== 'unreadable') best = auth;
    } catch {
      // closed, or showing a page the extension may not read
    }
  }
  return best;
}

export interface SessionDeps {
  readTabs(account: string, prefer: number[]): Promise<TabAuth | null>;
  kept: { get(account: string): Promise<CabinetToken | null>; set(account: string, token: CabinetToken | null): Promise<void> };
  now?: () => number;
}

/** Tokens within this long of their end are read afresh rather than used. */
const MARGIN_MS = 10_000;

/** The cabinet tokens of one account: an export's tabs first, else the kept token, else any cabinet tab. */
export function cabinetTokens(account: string, deps: SessionDeps): CabinetTokens {
  const now = deps.now ?? Date.now;
  const fromTabs = async (prefer: number[], rejected?: string): Promise<CabinetToken | null> => {
    const auth = await deps.readTabs(account, prefer);
    if (auth?.state === 'unreadable') {
      await deps.kept.set(account, null);
      throw new CrmError('layout-not-recognised', `the cabinet's session (${AUTH_KEY}) is not in a known form`, { key: AUTH_KEY, shape: auth.shape });
    }
    const fresh = auth?.state === 'ok' && auth.token !== rejected;
    const token = fresh ? { token: auth.token, expiresAt: auth.expiresAt, employeeId: auth.employeeId } : null;
    // Signed out, expired or refused: forgotten here too.
    await deps.kept.set(account, token);
    return token;
  };
  return {
    async get(prefer) {
      if (prefer.length) return fromTabs(prefer);
      const kept = await deps.kept.get(account);
      return kept && kept.expiresAt - MARGIN_MS > now() ? kept : fromTabs(prefer);
    },
    reread: (rejected, prefer) => fromTabs(prefer, rejected).catch(() => null),
  };
}

const keptItem = storage.defineItem<Record<string, CabinetToken>>('session:livetex-cabinet', { fallback: {} });

/** Session storage: gone with the browser, closed to content scripts. */
export const keptTokens: SessionDeps['kept'] = {
  get: async (account) => (await keptItem.getValue())[account] ?? null,
  set: async (account, token) => {
    const all = { ...(await keptItem.getValue()) };
    if (token) all[account] = token;
    else delete all[account];
    await keptItem.setValue(all);
  },
};
