/**
 * Web UI sessions (cookie PHPSESSID) and Yii-style CSRF protection: the `_csrf` cookie holds a
 * secret; page tokens are the secret's hash masked with a random half (so every page shows a
 * different token, and any of them validates against the cookie).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  user: string;
  /** /company/* requests made in this session since login. */
  requests: number;
}

export class Sessions {
  private readonly map = new Map<string, Session>();

  create(user: string): Session {
    const id = randomBytes(13).toString('hex');
    const s: Session = { id, user, requests: 0 };
    this.map.set(id, s);
    return s;
  }

  get(id: string | undefined): Session | undefined {
    return id ? this.map.get(id) : undefined;
  }

  destroy(id: string | undefined): void {
    if (id) this.map.delete(id);
  }
}

const b64 = (buf: Buffer) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
const unb64 = (s: string) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
const secretHash = (cookie: string) => createHash('sha256').update(`csrf:${cookie}`).digest();

export function newCsrfSecret(): string {
  return b64(randomBytes(24));
}

/** A masked token for the secret: 64 bytes, base64 with `-_` (88 chars, ends in `==`). */
export function csrfTokenFor(secret: string): string {
  const mask = randomBytes(32);
  const h = secretHash(secret);
  const masked = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) masked[i] = mask[i] ^ h[i];
  return b64(Buffer.concat([mask, masked]));
}

export function csrfValid(secret: string | undefined, token: string | undefined): boolean {
  if (!secret || !token) return false;
  const raw = unb64(token);
  if (raw.length !== 64) return false;
  const h = secretHash(secret);
  let diff = 0;
  for (let i = 0; i < 32; i++) diff |= raw[i] ^ raw[32 + i] ^ h[i];
  return diff === 0;
}
