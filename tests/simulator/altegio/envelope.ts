/** The v2 envelope `{success, data, meta}`, the error bodies of contract §1, and the request context. */
import type { IncomingMessage } from 'node:http';
import { json, type Reply } from '../http';

export type Origin = 'web' | 'api';

/** One request as the Altegio handlers see it; handlers set `kind` for the stats. */
export interface ACtx {
  origin: Origin;
  method: string;
  url: URL;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  cookies: Record<string, string>;
  ip: string;
  kind: string;
}

export const MSG = {
  notFound: 'Не найдено',
  noLocation: 'Не указан филиал.',
  forbidden: 'Недостаточно прав',
  badFilter: 'Недопустимое значение фильтра',
  unauthorized: 'Необходима авторизация',
  badLogin: 'Неверный логин или пароль',
  tooMany: 'Too many requests',
  license: (cid: number) => `Необходимо продлить лицензию в филиале с id: ${cid}`,
} as const;

export function ok(data: unknown, meta: unknown = [], status = 200): Reply {
  return json(status, { success: true, data, meta });
}

export function fail(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Reply {
  return json(status, { success: false, data: null, meta: { message, ...extra } }, headers);
}

/** Whether the request asked for the v2 envelope (either vendor type). */
export function wantsV2(ctx: ACtx): boolean {
  const accept = String(ctx.headers.accept ?? '');
  return /application\/vnd\.(api|yclients)\.v2\+json/i.test(accept);
}

export function header(ctx: ACtx, name: string): string {
  const v = ctx.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : (v ?? '');
}
