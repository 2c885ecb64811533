/**
 * The web origin (contract §2): `/signin`, the app pages, `getClientInfo`, the custom-field tabs
 * (session cookie `yc_session`), and `/api/v1/*` with the session's page token.
 */
import { html, json, parseForm, redirect, setCookie, type Reply } from '../http';
import { fail, header, MSG, type ACtx } from './envelope';
import type { AltegioState } from './state';
import type { WebSession } from './auth';
import { matchWeb } from './routes';
import { serveApiRoute } from './api';
import { findUser } from './users';
import { clientInfoShape } from './shapes';
import { tabContent } from './web-tabs';
import { appLocation, appPage, notFoundPage, signinPage } from './web-pages';
import { LOCATIONS, MAIN_CID } from './dataset';

export const SESSION_COOKIE = 'yc_session';
export const DEFAULT_RETURN = `/clients/${MAIN_CID}/base/`;

/** `/signin/<return-url>` for this request. */
const signinUrl = (ctx: ACtx) => `/signin/${encodeURIComponent(ctx.path + ctx.url.search)}`;

/** The return URL from `/signin/<…>`: a same-site path only. */
function returnPath(raw: string | null): string {
  if (!raw) return DEFAULT_RETURN;
  let v: string;
  try {
    v = decodeURIComponent(raw);
  } catch {
    return DEFAULT_RETURN;
  }
  const m = /^https?:\/\/[^/]+(\/.*)?$/i.exec(v);
  if (m) v = m[1] || '/';
  if (!v.startsWith('/')) v = `/${v}`;
  return v.startsWith('//') ? DEFAULT_RETURN : v;
}

export function handleWeb(ctx: ACtx, st: AltegioState): Reply {
  const r = matchWeb(ctx.path);
  switch (r.kind) {
    case 'api': {
      const t = /^Bearer\s+([^\s,]+)\s*$/i.exec(header(ctx, 'authorization'))?.[1];
      const s = st.sessions.byPageToken(t);
      if (!s || !st.sessions.touch(s, st.knobs.current)) return fail(401, MSG.unauthorized);
      if (r.api.kind === 'auth') return fail(404, MSG.notFound);
      return serveApiRoute(ctx, st, r.api, { user: st.users[s.user], viaPageToken: true });
    }
    case 'signin':
      return signin(ctx, st, r.back);
    case 'logout': {
      const s = st.sessions.byCookie(ctx.cookies[SESSION_COOKIE]);
      if (s) st.sessions.destroy(s);
      return redirect('/signin/', { 'Set-Cookie': setCookie(SESSION_COOKIE, '', 'Path=/; Max-Age=0') });
    }
    case 'other':
      return ctx.path === '/favicon.ico' ? { status: 204, headers: {}, body: '' } : html(404, notFoundPage());
    default:
      break;
  }
  const s = st.sessions.byCookie(ctx.cookies[SESSION_COOKIE]);
  // Logged out (or expired): every page and JSON route answers with the way to the sign-in form.
  if (!s || !st.sessions.touch(s, st.knobs.current)) return redirect(signinUrl(ctx));
  const user = st.users[s.user];
  switch (r.kind) {
    case 'page':
      if (r.cid === null) return redirect(`/dashboard/${MAIN_CID}/`);
      return st.store.hasLocation(r.cid) ? html(200, page(st, s)) : html(404, notFoundPage());
    case 'client-info': {
      if (!user.rights.clients_access) return fail(403, MSG.forbidden);
      const c = st.store.get(r.id);
      return c ? json(200, clientInfoShape(c, user.key, st.knobs.current.emptyCustomFields)) : fail(404, MSG.notFound);
    }
    case 'tab':
      if (!user.rights.clients_access || !st.store.hasLocation(r.cid)) return fail(403, MSG.forbidden);
      return json(200, { data: { content: tabContent(st.store.defs(r.cid), r.byWindow) } });
  }
}

function page(st: AltegioState, s: WebSession): string {
  const user = st.users[s.user];
  return appPage(
    {
      userName: user.name,
      denied: !user.rights.clients_access,
      redrawMs: st.knobs.current.uiRedrawMs,
      locations: LOCATIONS.map((l) => appLocation(l, user.rights.clients_access ? st.store.list(l.id) : [], user.key)),
    },
    s.pageToken,
  );
}

function signin(ctx: ACtx, st: AltegioState, back: string | null): Reply {
  const target = returnPath(back);
  const action = `/signin/${encodeURIComponent(target)}`;
  if (ctx.method !== 'POST') {
    const s = st.sessions.byCookie(ctx.cookies[SESSION_COOKIE]);
    return s ? redirect(target) : html(200, signinPage(action, null));
  }
  const form = parseForm(ctx.body);
  const u = findUser(st.users, form.login ?? '');
  if (!u || form.password !== u.password) return html(200, signinPage(action, MSG.badLogin, form.login ?? ''));
  const old = st.sessions.byCookie(ctx.cookies[SESSION_COOKIE]);
  if (old) st.sessions.destroy(old);
  const s = st.sessions.create(u.key);
  return redirect(target, { 'Set-Cookie': setCookie(SESSION_COOKIE, s.id) });
}
