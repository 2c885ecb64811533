/**
 * The Web API origin (contract §1): routing of `/resource/method` and the v2 forms
 * (`/v2/leads`, `/v2/leads/list`, `/v2/leads.list`), the token endpoint, Bearer (and on v2 HTTP
 * Basic) auth, the rate limit, the `forbidden` knob, then the method itself.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { json, type Reply } from '../http';
import { ApiFail, apiError, forbidden, notFound, tooMany, unauthorized, type Call, type Method } from './api-common';
import { DIRECTORY_METHODS } from './api-directory';
import { LEAD_METHODS } from './api-leads';
import { runBatch } from './batch';
import type { Employee } from './directory';
import { param, readParams, type Params } from './params';
import type { LtState } from './state';
import { ACCOUNT_ID } from './stats';
import { nowMs } from './dates';

export interface LtRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}
export interface ApiOutcome {
  reply: Reply;
  route: string;
  dataRequest: boolean;
}

const METHODS: Record<string, Method> = { ...DIRECTORY_METHODS, ...LEAD_METHODS };

/** `leads.list` for `/leads/list`, `/v2/leads`, `/v2/leads/list`, `/v2/leads.list`; null if unknown. */
export function methodFor(path: string): { method: string; v2: boolean } | null {
  const p = path.toLowerCase().replace(/\/+$/, '');
  const v2 = p.startsWith('/v2/');
  const m = v2 ? /^\/v2\/([a-z0-9]+)(?:[./]([a-z0-9]+))?$/.exec(p) : /^\/([a-z0-9]+)\/([a-z0-9]+)$/.exec(p);
  if (!m) return null;
  const method = `${m[1]}.${m[2] ?? 'list'}`;
  const known = method in METHODS || method === 'oauth2.token' || (v2 && method === 'utils.batch');
  return known ? { method, v2 } : null;
}

const header = (h: IncomingHttpHeaders, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

function issueToken(st: LtState, params: Params, origin: string | undefined): Reply {
  if (param(params, 'grant_type') !== 'password') {
    return apiError(400, 'Bad Request', { errors: { grant_type: ['Поддерживается только password'] } });
  }
  const emp = st.store.employeeByEmail(param(params, 'username') ?? '');
  if (!emp || emp.password !== param(params, 'password') || !emp.is_active || emp.is_deleted) return unauthorized();
  const rec = st.tokens.issue(emp.id, origin !== undefined && st.cabinetOrigins().includes(origin));
  st.stats.tokenIssued(rec.token, emp.id);
  return json(200, { results: { access_token: rec.token, token_type: 'Bearer', expires_in: st.knobs.current.tokenLifetimeSec } });
}

const usable = (e: Employee | undefined): Employee | undefined => (e && e.is_active && !e.is_deleted ? e : undefined);

/** One method with its parameters, for a caller already let in (Web API, v2 and batch items). */
function dispatch(method: string, params: Params, call: Call): Reply {
  const fn = METHODS[method];
  if (!fn) return notFound();
  const [res, name] = method.split('.');
  const roles = call.st.knobs.current.forbidden[`/${res}/${name}`] ?? call.st.knobs.current.forbidden[method];
  if (roles && (roles.includes('*') || roles.includes(call.caller.role))) return forbidden();
  try {
    return fn({ ...call, params });
  } catch (err) {
    if (err instanceof ApiFail) return err.reply;
    throw err;
  }
}

export function handleWebApi(req: LtRequest, st: LtState): ApiOutcome {
  const path = req.url.pathname;
  const route = path.toLowerCase().replace(/\/+$/, '') || '/';
  const r = methodFor(path);
  if (!r) return { reply: notFound(), route, dataRequest: false };
  if (req.method !== 'GET' && req.method !== 'POST' && req.method !== 'HEAD') {
    return { reply: apiError(405, 'Method Not Allowed', {}, { Allow: 'GET, POST' }), route, dataRequest: false };
  }
  const params = readParams(req.url, req.headers, req.body);
  if (r.method === 'oauth2.token') return { reply: issueToken(st, params, header(req.headers, 'origin')), route, dataRequest: false };

  const now = Date.now();
  const auth = header(req.headers, 'authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  const basic = r.v2 ? /^Basic\s+(\S+)$/i.exec(auth)?.[1] : undefined;
  let caller: Employee | undefined;
  let key = bearer ?? '';
  if (bearer) {
    st.stats.tokenSeen(bearer, now);
    const rec = st.tokens.use(bearer, st.knobs.current, now);
    caller = rec ? usable(st.store.employee(rec.employeeId)) : undefined;
  } else if (basic) {
    const text = Buffer.from(basic, 'base64').toString('utf8');
    const at = text.indexOf(':');
    const emp = st.store.employeeByEmail(text.slice(0, at));
    caller = at > 0 && emp && emp.password === text.slice(at + 1) ? usable(emp) : undefined;
    key = `basic:${emp?.id ?? '?'}`;
    st.stats.tokenSeen(key, now);
  }
  if (!caller) return { reply: unauthorized(), route, dataRequest: false };
  st.stats.employeeSeen(caller.id, now);

  const k = st.knobs.current;
  if (!st.perToken.fits(key, k.rateLimitPerSecond, now) || !st.perAccount.fits(ACCOUNT_ID, k.rateLimitPerMinute, now)) {
    st.stats.limited(key, 1, now);
    return { reply: tooMany(), route, dataRequest: false };
  }
  st.perToken.add(key, now);
  st.perAccount.add(ACCOUNT_ID, now);

  const call: Call = { st, caller, params, token: bearer ?? null, now: nowMs() };
  const reply = r.method === 'utils.batch' ? runBatch(call, dispatch) : dispatch(r.method, params, call);
  return { reply, route, dataRequest: !r.method.startsWith('oauth2.') };
}
