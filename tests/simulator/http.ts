/** Small HTTP helpers: replies as values, bodies, cookies, forms, Yii error bodies. */
import type { IncomingMessage } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  /** A Buffer only for a deliberately broken (half-written) body. */
  body: string | Buffer;
}

/** One request as the handlers see it. Handlers set `kind` (and `entity`) for the stats. */
export interface Ctx {
  method: string;
  url: URL;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  cookies: Record<string, string>;
  kind: string;
  entity: string | null;
  /** Whether the malformed-response knob may hit this request. */
  dataRequest: boolean;
}

export function json(status: number, value: unknown, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers }, body: JSON.stringify(value) };
}

export function html(status: number, body: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers }, body };
}

export function redirect(location: string, headers: Record<string, string | string[]> = {}): Reply {
  return { status: 302, headers: { Location: location, ...headers }, body: '' };
}

/** Yii2's JSON error body: {"name","message","code","status"}. */
export function yiiError(status: number, name: string, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { name, message, code: 0, status }, headers);
}

export function readBody(req: IncomingMessage, limit = 2_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export function setCookie(name: string, value: string, extra = 'Path=/; HttpOnly; SameSite=Lax'): string {
  return `${name}=${encodeURIComponent(value)}; ${extra}`;
}

/** `application/x-www-form-urlencoded` body to a flat map (last value wins). */
export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  new URLSearchParams(body).forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#039;'));
}

/** PHP's urlencode-like: also encodes ! ' ( ) * (as the real pages do). */
export function urlEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
