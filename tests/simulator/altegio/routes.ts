/**
 * Which route a request is, before it is served: the kind names the stats, and decides whether
 * the rate limit applies (API calls, getClientInfo, tabs) and whether the malformed knob may hit it.
 */
import type { Origin } from './envelope';

export type ApiRoute =
  | { kind: 'auth' }
  | { kind: 'search'; cid: number }
  | { kind: 'card'; cid: number; id: number }
  | { kind: 'list'; cid: number }
  | { kind: 'fields'; cid: number }
  /** `/company/{cid}/client/{id}`: what users try; documented nowhere, 404. */
  | { kind: 'company-client' }
  | { kind: 'other' };

export type WebRoute =
  | { kind: 'api'; api: ApiRoute }
  | { kind: 'client-info'; id: number }
  | { kind: 'tab'; cid: number; byWindow: boolean }
  | { kind: 'signin'; back: string | null }
  | { kind: 'logout' }
  | { kind: 'page'; cid: number | null }
  | { kind: 'other' };

/** A path below `/api/v1`. Legacy `/company/{id}` and canonical `/locations/{id}` reach one handler. */
export function matchApi(rest: string): ApiRoute {
  const p = rest.replace(/\/+$/, '');
  let m: RegExpExecArray | null;
  if (p === '/auth') return { kind: 'auth' };
  if ((m = /^\/(?:company|locations)\/(\d+)\/clients\/search$/.exec(p))) return { kind: 'search', cid: Number(m[1]) };
  if ((m = /^\/client\/(\d+)\/(\d+)$/.exec(p))) return { kind: 'card', cid: Number(m[1]), id: Number(m[2]) };
  if ((m = /^\/clients\/(\d+)$/.exec(p))) return { kind: 'list', cid: Number(m[1]) };
  if ((m = /^\/custom_fields\/client\/(\d+)$/.exec(p))) return { kind: 'fields', cid: Number(m[1]) };
  if (/^\/(?:company|locations)\/\d+\/client\/\d+$/.test(p)) return { kind: 'company-client' };
  return { kind: 'other' };
}

const TAB = /^\/custom_fields_salon\/resource\/(tab_by_window|tab_not_by_window)\/(\d+)\/client\/0\/is_show_ui_window_client\/?$/;
const PAGES = [/^\/clients\/(\d+)\/base\/?$/, /^\/timetable\/(\d+)\/?$/, /^\/dashboard\/(\d+)\/?$/];

export function matchWeb(path: string): WebRoute {
  let m: RegExpExecArray | null;
  if (path.startsWith('/api/v1/')) return { kind: 'api', api: matchApi(path.slice('/api/v1'.length)) };
  if ((m = /^\/clients\/getClientInfo\/(\d+)\/?$/.exec(path))) return { kind: 'client-info', id: Number(m[1]) };
  if ((m = TAB.exec(path))) return { kind: 'tab', cid: Number(m[2]), byWindow: m[1] === 'tab_by_window' };
  if (path === '/signin' || path === '/signin/') return { kind: 'signin', back: null };
  if (path.startsWith('/signin/')) return { kind: 'signin', back: path.slice('/signin/'.length) };
  if (path === '/logout') return { kind: 'logout' };
  if (path === '/') return { kind: 'page', cid: null };
  for (const re of PAGES) if ((m = re.exec(path))) return { kind: 'page', cid: Number(m[1]) };
  return { kind: 'other' };
}

/** The stats kind, and whether the per-IP limit and the malformed knob apply. */
export function classify(origin: Origin, path: string): { kind: string; limited: boolean; data: boolean } {
  if (origin === 'api') {
    const r = path.startsWith('/api/v1/') ? matchApi(path.slice('/api/v1'.length)) : { kind: 'other' as const };
    return { kind: r.kind === 'company-client' ? 'other' : r.kind, limited: true, data: r.kind !== 'auth' };
  }
  const w = matchWeb(path);
  if (w.kind === 'api') return { kind: w.api.kind === 'company-client' ? 'other' : w.api.kind, limited: true, data: true };
  const limited = w.kind === 'client-info' || w.kind === 'tab';
  return { kind: w.kind === 'logout' ? 'signin' : w.kind, limited, data: limited };
}
