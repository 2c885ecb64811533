/** The public REST API v2 (contract §1): POST JSON in, Yii-style JSON out. */
import type { Ctx, Reply } from './http';
import { json, parseForm, yiiError } from './http';
import type { SimState } from './state';
import { customerPredicate, toInt, toIntList } from './api-filters';
import { BRANCHES, LEAD_SOURCES, LEAD_STATUSES, STUDY_STATUSES } from './dictionaries';
import { CUSTOMER_REJECT_REASONS, LEAD_REJECT_REASONS } from './reasons';

export const API_PAGE_SIZE = 50;

const unauthorized = (message = 'Your request was made with invalid credentials.') => yiiError(401, 'Unauthorized', message);
const notFound = () => yiiError(404, 'Not Found', 'Page not found.');

type Body = Record<string, unknown>;

const DICTIONARIES: Record<string, () => readonly object[]> = {
  'lead-reject': () => LEAD_REJECT_REASONS,
  'customer-reject': () => CUSTOMER_REJECT_REASONS,
  'lead-status': () => LEAD_STATUSES.map(({ id, name, is_enabled, weight, pipeline_id }) => ({ id, name, is_enabled, weight, pipeline_id })),
  'lead-source': () => LEAD_SOURCES,
  'study-status': () => STUDY_STATUSES,
  branch: () => BRANCHES,
};
const ENTITIES = ['customer', 'communication', 'log'].concat(Object.keys(DICTIONARIES));

function parseBody(ctx: Ctx): Body | null {
  const text = ctx.body.trim();
  if (!text) return {};
  const type = String(ctx.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded') && !text.startsWith('{')) return parseForm(text);
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : {};
  } catch {
    return null;
  }
}

/** `{branch?, entity}` for a known route, else null. */
function route(path: string): { branch: number | null; entity: string } | null {
  let m = /^\/v2api\/(\d+)\/([a-z-]+)\/index\/?$/.exec(path);
  if (m) return ENTITIES.indexOf(m[2]) >= 0 ? { branch: Number(m[1]), entity: m[2] } : null;
  m = /^\/v2api\/([a-z-]+)\/index\/?$/.exec(path);
  if (m) return ENTITIES.indexOf(m[1]) >= 0 ? { branch: null, entity: m[1] } : null;
  return null;
}

function paging(ctx: Ctx, body: Body): { page: number; size: number } {
  const page = Math.max(0, toInt(body.page) ?? toInt(ctx.url.searchParams.get('page')) ?? 0);
  const per = toInt(ctx.url.searchParams.get('per-page'));
  const size = per !== null && per >= 1 ? Math.min(per, API_PAGE_SIZE) : API_PAGE_SIZE;
  return { page, size };
}

/** The envelope; `overlap` repeats a few rows of the previous page (observed ~1.7%). */
function envelope<T>(all: readonly T[], page: number, size: number, overlap: number, map: (x: T) => unknown): Reply {
  const start = page * size - Math.floor(page * size * overlap);
  const items = all.slice(start, start + size).map(map);
  return json(200, { total: all.length, count: items.length, page, items });
}

export function handleApi(ctx: Ctx, st: SimState): Reply {
  ctx.kind = 'api';
  const isLogin = /^\/v2api\/auth\/login\/?$/.test(ctx.path);
  // Every API call but the login is a data request (the malformed knob counts those).
  ctx.dataRequest = !isLogin;
  const r = isLogin ? { branch: null, entity: 'auth' } : route(ctx.path);
  if (!r) return notFound();
  ctx.entity = r.entity;
  if (ctx.method !== 'POST') {
    return yiiError(405, 'Method Not Allowed', 'Method Not Allowed. This URL can only handle the following request methods: POST.', { Allow: 'POST' });
  }
  const body = parseBody(ctx);
  if (isLogin) {
    const c = st.credentials;
    if (body && body.email === c.apiEmail && body.api_key === c.apiKey) return json(200, { token: st.tokens.issue() });
    return unauthorized('Неверный email или API-ключ.');
  }
  const token = ctx.headers['x-alfacrm-token'];
  if (!st.tokens.valid(Array.isArray(token) ? token[0] : token, st.knobs.current.tokenLifetimeSec)) return unauthorized();
  if (st.limiter.early()) st.stats.earlyRetry();
  const wait = st.limiter.take(st.knobs.current.apiRateLimit);
  if (wait) return yiiError(429, 'Too Many Requests', 'Rate limit exceeded.', { 'Retry-After': String(wait) });
  if (!body) return yiiError(400, 'Bad Request', 'Invalid JSON data in request body: Syntax error.');

  const { page, size } = paging(ctx, body);
  if (r.entity === 'customer') {
    const pred = customerPredicate(body, r.branch);
    const list = st.data.records.filter(pred);
    return envelope(list, page, size, st.knobs.current.duplicateRate, (x) => x.data);
  }
  if (r.entity === 'communication') {
    const q = (k: string) => body[k] ?? ctx.url.searchParams.get(k) ?? undefined;
    const cls = String(q('class') ?? 'Customer');
    const related = toInt(q('related_id'));
    const rec = related === null ? undefined : st.data.get(related);
    const ok = cls.toLowerCase() === 'customer' && rec && (r.branch === null || rec.branch === r.branch);
    return envelope(ok && rec ? st.data.notes(rec.id) : [], page, size, 0, (x) => x);
  }
  if (r.entity === 'log') {
    // Only customers' changes are kept here; `entity_id` narrows to records (assumed filter).
    const entity = String(body.entity ?? 'Customer').toLowerCase();
    const entries = entity === 'customer' ? st.data.log.list(r.branch, toIntList(body.entity_id)) : [];
    return envelope(entries, page, size, 0, (x) => x);
  }
  let items = DICTIONARIES[r.entity]() as readonly { id: number }[];
  const ids = toIntList(body.id);
  if (ids) items = items.filter((x) => ids.indexOf(x.id) >= 0);
  return envelope(items, page, size, 0, (x) => x);
}
