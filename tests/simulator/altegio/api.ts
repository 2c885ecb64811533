/**
 * `/api/v1/*` (contract §1): on the API origin with `Bearer <partner>, User <user>`, on the web
 * origin with the page token alone (§2). One handler per route behind either.
 */
import { json, type Reply } from '../http';
import { fail, header, MSG, ok, wantsV2, type ACtx } from './envelope';
import type { AltegioState } from './state';
import { matchApi, type ApiRoute } from './routes';
import type { SimUser } from './types';
import { findUser } from './users';
import { cardShape } from './shapes';
import { definitionRow } from './definitions';
import { search } from './api-search';
import { bulkList } from './api-list';

export interface Caller {
  user: SimUser;
  viaPageToken: boolean;
}

const unauthorized = () => fail(401, MSG.unauthorized);

function parseJson(text: string): Record<string, unknown> | null {
  if (!text.trim()) return {};
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `POST /auth` with the partner half: 201 and the user token (stable until revoked or expired). */
function auth(ctx: ACtx, st: AltegioState): Reply {
  if (ctx.method !== 'POST') return fail(404, MSG.notFound);
  const body = parseJson(ctx.body);
  const u = body && typeof body.login === 'string' ? findUser(st.users, body.login) : undefined;
  if (!u || !body || body.password !== u.password) return fail(401, MSG.badLogin);
  const token = st.tokens.issue(u.key, st.knobs.current.userTokenLifetimeSec);
  return ok({ id: u.id, user_token: token, name: u.name, phone: u.phone, login: u.login, email: u.login, avatar: '', is_approved: true }, [], 201);
}

/** The API origin: partner token, plus a live user token for everything but `/auth`. */
export function handleApiOrigin(ctx: ACtx, st: AltegioState): Reply {
  if (!ctx.path.startsWith('/api/v1/')) return fail(404, MSG.notFound);
  const route = matchApi(ctx.path.slice('/api/v1'.length));
  const authz = header(ctx, 'authorization');
  const partner = /Bearer\s+([^\s,]+)/i.exec(authz)?.[1];
  const userToken = /(?:^|[\s,])User\s+([^\s,]+)/i.exec(authz)?.[1];
  if (partner !== st.partnerToken) return unauthorized();
  if (route.kind === 'auth') return auth(ctx, st);
  const key = userToken ? st.tokens.check(userToken, st.knobs.current.userTokenLifetimeSec) : null;
  if (!key) return unauthorized();
  return serveApiRoute(ctx, st, route, { user: st.users[key], viaPageToken: false });
}

/** A client route for a known caller: rights, location, licence, then the route itself. */
export function serveApiRoute(ctx: ACtx, st: AltegioState, route: ApiRoute, caller: Caller): Reply {
  if (route.kind === 'other' || route.kind === 'company-client' || route.kind === 'auth') return fail(404, MSG.notFound);
  if ((route.kind === 'search') !== (ctx.method === 'POST')) return fail(404, MSG.notFound);
  if (!caller.user.rights.clients_access) return fail(403, MSG.forbidden);
  if (route.cid === 0) return fail(404, MSG.noLocation);
  if (!st.store.hasLocation(route.cid)) return fail(403, MSG.forbidden);
  const lic = st.knobs.current.licenseExpired;
  if (lic !== null) return fail(lic, MSG.license(route.cid));
  const k = st.knobs.current;
  const v2 = wantsV2(ctx);
  switch (route.kind) {
    case 'search': {
      const body = parseJson(ctx.body);
      return body ? search(body, st, route.cid, caller.user.key) : fail(400, MSG.badFilter, { errors: { filters: ['body is not a JSON object'] } });
    }
    case 'card': {
      const c = st.store.get(route.id);
      if (!c || c.location_id !== route.cid) return fail(404, MSG.notFound);
      const data = cardShape(c, caller.user.key, k.emptyCustomFields);
      return v2 ? ok(data) : json(200, data);
    }
    case 'list':
      return bulkList(ctx, st, route.cid, caller, v2);
    case 'fields': {
      const rows = st.store.defs(route.cid).map((d) => definitionRow(d, route.cid));
      return v2 ? ok(rows) : json(200, rows);
    }
  }
}
