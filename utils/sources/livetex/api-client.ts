/**
 * LiveTex's Web API for one account (contract §1), in the background: two identities at most —
 * the cabinet tab's session and an employee saved in the options — behind one pacer. A 401 is
 * met once per request (§3): the cabinet's token is read again, the saved identity signs in
 * again; failing that, the named error. Tokens go to `apiOrigin` only, never into errors.
 */
import type { Phrase, TokenCache } from '../../engine/source';
import { CrmError } from '../../errors';
import { accessToken, leadList, readJson, refusal, refuseRedirect, single } from './api-envelope';
import { sessionExpired } from './errors';
import { identityOf, listQuery, ME_FIELDS, PAGE_SIZE } from './leads';
import type { Pacer } from './pacer';
import type { Identity, LeadRow, Slot } from './types';

/** The cabinet's session token, as a cabinet tab holds it. */
export interface CabinetToken {
  token: string;
  expiresAt: number;
  employeeId: number | null;
}

/** Where the cabinet's tokens come from (cabinet-session.ts); `prefer`: tabs to read first (an export's). */
export interface CabinetTokens {
  get(prefer: number[]): Promise<CabinetToken | null>;
  /** The token read again after LiveTex refused `rejected`; null unless it is another. */
  reread(rejected: string, prefer: number[]): Promise<CabinetToken | null>;
}

export interface SavedIdentity {
  email: string;
  password: string;
  tokens: TokenCache;
}

export interface ClientDeps {
  pacer: Pacer;
  cabinet: CabinetTokens;
  saved?: SavedIdentity;
  fetch?: typeof fetch;
}

/** Rounds a request may go while the tokens it was given are refused before its turn. */
const MAX_ROUNDS = 5;

/** The token a request was given was refused before its turn came. */
class StaleToken extends Error {}

export class LivetexClient {
  /** Tokens LiveTex refused: never sent again. */
  private readonly rejected = new Set<string>();
  private cabinetToken: CabinetToken | null = null;
  private accountToken: string | null = null;
  private login: Promise<string> | null = null;
  private readonly fetchImpl: typeof fetch;

  constructor(
    readonly account: string,
    readonly apiOrigin: string,
    private readonly deps: ClientDeps,
  ) {
    this.fetchImpl = deps.fetch ?? ((...a) => fetch(...a));
  }

  get hasSaved(): boolean {
    return !!this.deps.saved;
  }

  /** Who holds the slot's token; a cabinet's is read afresh (the page's session, now). */
  async me(slot: Slot, prefer: number[]): Promise<Identity> {
    if (slot === 'cabinet') this.cabinetToken = null;
    const body = await this.get(slot, `/employees/me?fields=${encodeURIComponent(ME_FIELDS)}`, prefer, null, 'unknown');
    return identityOf(single(body, '/employees/me'), slot);
  }

  /** Rows `page × 100` to `page × 100 + 99`; a short answer goes on at offset + rows received. */
  async leadsPage(who: Identity, page: number, prefer: number[]): Promise<{ rows: LeadRow[]; total: number }> {
    const start = page * PAGE_SIZE;
    const rows: LeadRow[] = [];
    for (;;) {
      const body = await this.get(who.slot, listQuery(start + rows.length, PAGE_SIZE - rows.length), prefer, who.employeeId, who.role);
      const got = leadList(body, '/leads/list');
      rows.push(...got.rows);
      if (got.rows.length === 0 || rows.length >= PAGE_SIZE || start + rows.length >= got.total) return { rows, total: got.total };
    }
  }

  /** The options page's check of the saved identity. */
  async check(): Promise<Phrase> {
    if (!this.deps.saved) throw new CrmError('api-not-configured', 'no e-mail and password for this account');
    const who = await this.me('account', []);
    return ['options.connectedAs', who.name, who.role];
  }

  private async get(slot: Slot, path: string, prefer: number[], employeeId: number | null, role: string): Promise<unknown> {
    const what = path.split('?')[0];
    let { res, token } = await this.send(slot, path, prefer, employeeId);
    refuseRedirect(res, what);
    if (res.status === 401) {
      this.rejected.add(token);
      await this.renew(slot, token, prefer, employeeId);
      ({ res, token } = await this.send(slot, path, prefer, employeeId));
      refuseRedirect(res, what);
      if (res.status === 401) {
        this.rejected.add(token);
        throw this.refusedAgain(slot);
      }
    }
    if (!res.ok) throw refusal(res.status, await readJson(res, what).catch(() => null), what, role);
    return readJson(res, what);
  }

  /**
   * One request in the account's pacer. The token is made ready before the turn (signing in is a
   * request of its own) and taken in it: one refused meanwhile sends this request round again.
   */
  private async send(slot: Slot, path: string, prefer: number[], employeeId: number | null): Promise<{ res: Response; token: string }> {
    for (let round = 0; ; round++) {
      await this.ready(slot, prefer, employeeId);
      let token: string | null = null;
      try {
        const res = await this.deps.pacer.run(async () => {
          token = this.usable(slot);
          if (token === null) throw new StaleToken();
          return this.fetchImpl(this.apiOrigin + path, {
            headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
            credentials: 'omit',
            redirect: 'manual',
          });
        });
        return { res, token: token! };
      } catch (e) {
        if (!(e instanceof StaleToken)) throw e;
        // Each round got a fresh token first; tokens refused this often are not worth more.
        if (round >= MAX_ROUNDS) throw this.refusedAgain(slot);
      }
    }
  }

  private async ready(slot: Slot, prefer: number[], employeeId: number | null): Promise<void> {
    if (slot === 'account') {
      if (this.usable('account')) return;
      const cached = await this.savedOrThrow().tokens.get();
      this.accountToken = cached && !this.rejected.has(cached) ? cached : await this.signIn();
      return;
    }
    const held = this.cabinetToken;
    if (!held || this.rejected.has(held.token) || held.expiresAt <= Date.now()) this.cabinetToken = await this.deps.cabinet.get(prefer);
    this.checkedCabinet(this.cabinetToken, employeeId);
  }

  private usable(slot: Slot): string | null {
    const t = slot === 'account' ? this.accountToken : (this.cabinetToken?.token ?? null);
    return t && !this.rejected.has(t) ? t : null;
  }

  private async renew(slot: Slot, rejected: string, prefer: number[], employeeId: number | null): Promise<void> {
    if (slot === 'account') {
      this.accountToken = null;
      await this.savedOrThrow().tokens.set(null);
      return;
    }
    this.cabinetToken = await this.deps.cabinet.reread(rejected, prefer);
    this.checkedCabinet(this.cabinetToken, employeeId);
  }

  private checkedCabinet(t: CabinetToken | null, employeeId: number | null): string {
    if (!t || this.rejected.has(t.token)) throw sessionExpired();
    // Another employee signed in meanwhile: his view must not be filed under the first one's.
    if (employeeId !== null && t.employeeId !== null && t.employeeId !== employeeId) throw sessionExpired('another employee signed in');
    return t.token;
  }

  /** A token refused even after the one renewal §3 allows. */
  private refusedAgain(slot: Slot): CrmError {
    return slot === 'cabinet' ? sessionExpired() : new CrmError('api-key-rejected', 'LiveTex refused a fresh token of the saved identity');
  }

  private savedOrThrow(): SavedIdentity {
    if (!this.deps.saved) throw new CrmError('api-not-configured', 'no e-mail and password for this account');
    return this.deps.saved;
  }

  /** `POST /oauth2/token` with the saved e-mail and password (one sign-in at a time). */
  private signIn(): Promise<string> {
    this.login ??= (async () => {
      const saved = this.savedOrThrow();
      const form = new FormData();
      form.append('grant_type', 'password');
      form.append('username', saved.email);
      form.append('password', saved.password);
      const res = await this.deps.pacer.run(() =>
        this.fetchImpl(`${this.apiOrigin}/oauth2/token`, { method: 'POST', body: form, credentials: 'omit', redirect: 'manual' }),
      );
      refuseRedirect(res, '/oauth2/token');
      if (res.status === 401) throw new CrmError('api-key-rejected', 'LiveTex did not accept the saved e-mail and password');
      const body = await readJson(res, '/oauth2/token');
      if (!res.ok) throw refusal(res.status, body, '/oauth2/token', 'unknown');
      const token = accessToken(body);
      await saved.tokens.set(token);
      return token;
    })().finally(() => (this.login = null));
    return this.login;
  }
}
