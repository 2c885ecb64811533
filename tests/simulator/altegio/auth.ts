/**
 * API user tokens (stable per user, as the real `/auth` is, until revoked or expired) and web
 * sessions (cookie `yc_session`, each with its own page token that dies with it).
 */
import { randomBytes } from 'node:crypto';
import type { AltegioKnobs, UserKey } from './types';

const token = () => randomBytes(16).toString('hex');

export class UserTokens {
  private readonly current = new Map<UserKey, string>();
  private readonly issued = new Map<string, { user: UserKey; at: number }>();

  private alive(t: string, lifetimeSec: number | null, now: number): boolean {
    const e = this.issued.get(t);
    if (!e) return false;
    if (lifetimeSec !== null && now - e.at >= lifetimeSec * 1000) {
      this.issued.delete(t);
      return false;
    }
    return true;
  }

  /** The user's token: the same one again while it lives, else a new one. */
  issue(user: UserKey, lifetimeSec: number | null, now = Date.now()): string {
    const t = this.current.get(user);
    if (t && this.alive(t, lifetimeSec, now)) return t;
    const fresh = token();
    this.current.set(user, fresh);
    this.issued.set(fresh, { user, at: now });
    return fresh;
  }

  check(t: string, lifetimeSec: number | null, now = Date.now()): UserKey | null {
    return this.alive(t, lifetimeSec, now) ? (this.issued.get(t) as { user: UserKey }).user : null;
  }

  /** As a password change: every token issued so far stops working. */
  revokeAll(): void {
    this.issued.clear();
    this.current.clear();
  }
}

export interface WebSession {
  id: string;
  user: UserKey;
  pageToken: string;
  /** Counting starts here: login, or the last change of a session knob. */
  since: number;
  requests: number;
}

export class WebSessions {
  private readonly byId = new Map<string, WebSession>();
  private readonly byToken = new Map<string, WebSession>();

  create(user: UserKey): WebSession {
    const s: WebSession = { id: randomBytes(20).toString('hex'), user, pageToken: token(), since: Date.now(), requests: 0 };
    this.byId.set(s.id, s);
    this.byToken.set(s.pageToken, s);
    return s;
  }

  byCookie(id: string | undefined): WebSession | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  byPageToken(t: string | undefined): WebSession | undefined {
    return t ? this.byToken.get(t) : undefined;
  }

  destroy(s: WebSession): void {
    this.byId.delete(s.id);
    this.byToken.delete(s.pageToken);
  }

  /** Counts one request; false (and the session is gone, page token too) once it has expired. */
  touch(s: WebSession, k: AltegioKnobs, now = Date.now()): boolean {
    s.requests++;
    const tooMany = k.sessionMaxRequests !== null && s.requests > k.sessionMaxRequests;
    const tooOld = k.sessionMaxAgeSec !== null && now - s.since >= k.sessionMaxAgeSec * 1000;
    if (!tooMany && !tooOld) return true;
    this.destroy(s);
    return false;
  }

  /** Session knobs changed: live sessions count from now. */
  restart(now = Date.now()): void {
    for (const s of this.byId.values()) {
      s.since = now;
      s.requests = 0;
    }
  }
}
