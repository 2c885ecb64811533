/**
 * Request parameters (contract §1.2): query string and form body (urlencoded, multipart or JSON)
 * merged, the body winning; bracketed names nest (`methods[0][parameters][id]`).
 */
import type { IncomingHttpHeaders } from 'node:http';

export type Params = Record<string, unknown>;

function parseMultipart(body: string, contentType: string): [string, string][] {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!m) return [];
  const out: [string, string][] = [];
  const parts = body.split(`--${m[1] ?? m[2]}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, split));
    if (!name) continue;
    out.push([name[1], part.slice(split + 4).replace(/\r\n$/, '')]);
  }
  return out;
}

/** `a[b][0]` → ['a', 'b', '0']; `a[]` appends. */
function setNested(target: Params, name: string, value: unknown): void {
  const head = /^[^[]+/.exec(name)?.[0] ?? name;
  const path = [head, ...Array.from(name.slice(head.length).matchAll(/\[([^\]]*)\]/g), (m) => m[1])];
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]];
    if (!next || typeof next !== 'object') node[path[i]] = {};
    node = node[path[i]] as Params;
  }
  const last = path[path.length - 1];
  node[last === '' ? String(Object.keys(node).length) : last] = value;
}

function bodyPairs(body: string, contentType: string): [string, string][] | Params {
  const text = body.trim();
  if (!text) return [];
  if (/multipart\/form-data/i.test(contentType)) return parseMultipart(body, contentType);
  if (/json/i.test(contentType) || text.startsWith('{')) {
    try {
      const v: unknown = JSON.parse(text);
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Params;
    } catch {
      return [];
    }
  }
  return Array.from(new URLSearchParams(body).entries());
}

export function readParams(url: URL, headers: IncomingHttpHeaders, body: string): Params {
  const out: Params = {};
  for (const [k, v] of url.searchParams) setNested(out, k, v);
  const fromBody = bodyPairs(body, String(headers['content-type'] ?? ''));
  if (Array.isArray(fromBody)) for (const [k, v] of fromBody) setNested(out, k, v);
  else Object.assign(out, fromBody);
  return out;
}

/** A top-level parameter as text (numbers from JSON bodies included), else undefined. */
export function param(p: Params, name: string): string | undefined {
  const v = p[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** An object with keys 0, 1, … (or an array) as a list in index order. */
export function asList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (!v || typeof v !== 'object') return [];
  return Object.keys(v)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => (v as Params)[k]);
}
