/**
 * LiveTex's client over plain HTTP against the simulator (small dataset): pulls as an operator
 * and an admin, a 401 met once (the cabinet's token read again, the saved identity signed in
 * again), and each refusal or broken answer a named error that keeps nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TokenCache } from '@/utils/engine/source';
import { CrmError, toErrorInfo } from '@/utils/errors';
import { errorText } from '@/utils/i18n';
import { LivetexClient, type CabinetToken, type CabinetTokens } from '@/utils/sources/livetex/api-client';
import { readJson } from '@/utils/sources/livetex/api-envelope';
import { mergeLead } from '@/utils/sources/livetex/merge';
import { Pacer } from '@/utils/sources/livetex/pacer';
import { pullAll, tokenClient } from '@/utils/sources/livetex/pull';
import type { Identity, LeadFacts } from '@/utils/sources/livetex/types';
import { startLivetexSimulator } from '../../simulator/livetex/server';
import { NO_LIMITS, tokenFor } from '../../simulator/livetex/test-helpers';
import type { LivetexSimulator } from '../../simulator/livetex/types';

let sim: LivetexSimulator;

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small', seed: 3 });
});
afterAll(() => sim?.close());
beforeEach(() => {
  sim.setKnobs({ ...NO_LIMITS, malformedOnRequest: null, malformedMatch: null, forbidden: {}, hiddenForm: 'absent' });
});

/** The cabinet as a queue of tokens: `get` gives the first, each `reread` the next. */
function cabinetOf(tokens: string[], employeeId: number | null): CabinetTokens & { rereads: number } {
  const as = (token?: string): CabinetToken | null => (token ? { token, expiresAt: Date.now() + 3_600_000, employeeId } : null);
  const c = {
    rereads: 0,
    get: async () => as(tokens[0]),
    reread: async (rejected: string) => {
      c.rereads++;
      const next = tokens[c.rereads];
      return next && next !== rejected ? as(next) : null;
    },
  };
  return c;
}

function memoryTokens(initial: string | null = null): TokenCache & { value: string | null } {
  const t = { value: initial, get: async () => t.value, set: async (v: string | null) => void (t.value = v) };
  return t;
}

function clientWith(
  cabinet: CabinetTokens,
  saved?: { who: 'admin' | 'blocked'; tokens?: TokenCache; password?: string },
  fetchImpl?: typeof fetch,
): LivetexClient {
  const e = saved ? sim.employees[saved.who] : undefined;
  return new LivetexClient(sim.cabinetUrl, sim.apiUrl, {
    pacer: new Pacer({ gapMs: 0, sleep: async () => undefined }),
    cabinet,
    saved: e ? { email: e.email, password: saved!.password ?? e.password, tokens: saved!.tokens ?? memoryTokens() } : undefined,
    fetch: fetchImpl,
  });
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as CrmError,
  );
/** What the user reads of an error (English). */
const said = (e: CrmError | null) => (e ? errorText(toErrorInfo(e)) : null);

describe('LiveTex client against the simulator', () => {
  it('pulls every lead as operator 1 and as the admin; merged, no text stays hidden', async () => {
    const op1 = sim.employees.operator1;
    const client = clientWith(cabinetOf([await tokenFor(sim, 'operator1')], op1.id), { who: 'admin' });
    const me = await client.me('cabinet', []);
    expect(me).toMatchObject({ employeeId: op1.id, role: 'operator', restricted: true, name: `${op1.firstName} ${op1.lastName} (${op1.id})` });
    const admin = await client.me('account', []);
    expect(admin).toMatchObject({ role: 'admin', restricted: false });

    const facts = new Map<number, LeadFacts>();
    const merge = (rows: { id: number }[], who: Identity, at: string) => rows.forEach((r) => facts.set(r.id, mergeLead(facts.get(r.id), r as never, who, at)));
    const mine = await pullAll(client, me);
    expect(mine.rows).toHaveLength(300);
    merge(mine.rows, me, '2025-01-01T00:00:00Z');
    const hidden = [...facts.values()].filter((f) => !f.texts.text.visible).length;
    expect(hidden).toBe(sim.truth.outOfScope(op1.id).length);
    merge((await pullAll(client, admin)).rows, admin, '2025-01-01T00:01:00Z');
    expect([...facts.values()].filter((f) => !f.texts.text.visible || !f.texts.answer_text.visible)).toEqual([]);
    expect(sim.stats().byRoute['/leads/list']).toBeGreaterThanOrEqual(6);
  });

  it('pulls on one fixed token as the benchmark does, paced as the extension paces', async () => {
    const pacer = new Pacer({ gapMs: 50 });
    const client = tokenClient(sim.apiUrl, await tokenFor(sim, 'admin'), pacer);
    const { rows, total } = await pullAll(client, await client.me('cabinet', []));
    expect([rows.length, total, pacer.sent]).toEqual([300, 300, 4]);
  });

  it('reads the cabinet’s token again once on a 401; the same token again is «session expired»', async () => {
    const op1 = sim.employees.operator1;
    const [old, fresh] = [await tokenFor(sim, 'operator1'), await tokenFor(sim, 'operator1')];
    sim.mutate({ revokeTokens: op1.id });
    const renewed = await tokenFor(sim, 'operator1');
    const cabinet = cabinetOf([old, renewed], op1.id);
    const me = await clientWith(cabinet).me('cabinet', []);
    expect(me.employeeId).toBe(op1.id);
    expect(cabinet.rereads).toBe(1);

    const stuck = cabinetOf([fresh, fresh], op1.id); // revoked above, and read back unchanged
    const err = await errorOf(clientWith(stuck).me('cabinet', []));
    expect(said(err)).toBe('session expired: sign in to LiveTex again');
    const another = await errorOf(clientWith(cabinetOf([renewed], sim.employees.operator2.id)).leadsPage(me, 0, []));
    expect(said(another)).toBe('session expired: sign in to LiveTex again (another employee signed in)');
  });

  it('signs the saved identity in again when its token is refused, and names a wrong password', async () => {
    const tokens = memoryTokens('expired-or-revoked');
    const client = clientWith(cabinetOf([], null), { who: 'admin', tokens });
    expect(await client.check()).toEqual(['options.connectedAs', expect.stringContaining(`(${sim.employees.admin.id})`), 'admin']);
    expect(tokens.value).not.toBe('expired-or-revoked');
    const wrong = await errorOf(clientWith(cabinetOf([], null), { who: 'admin', password: 'nope' }).check());
    expect(wrong?.code).toBe('api-key-rejected');
    const blocked = await errorOf(clientWith(cabinetOf([], null), { who: 'blocked' }).check());
    expect(blocked?.code).toBe('api-key-rejected');
    expect((await errorOf(clientWith(cabinetOf([], null)).me('cabinet', [])))?.code).toBe('session-expired');
  });

  it('names a 403 for the role and shows a 422 in LiveTex’s words', async () => {
    const op1 = sim.employees.operator1;
    const client = clientWith(cabinetOf([await tokenFor(sim, 'operator1')], op1.id));
    const me = await client.me('cabinet', []);
    sim.setKnobs({ forbidden: { '/leads/list': ['operator'] } });
    expect(said(await errorOf(client.leadsPage(me, 0, [])))).toBe('forbidden for this role (operator: /leads/list)');
    sim.setKnobs({ forbidden: {} });
    const tooMany: typeof fetch = (url, init) => fetch(String(url).replace('limit=100', 'limit=500'), init);
    const refused = await errorOf(clientWith(cabinetOf([await tokenFor(sim, 'operator1')], op1.id), undefined, tooMany).leadsPage(me, 0, []));
    expect(refused?.code).toBe('request-rejected');
    expect(said(refused)).toBe('the CRM refused the request (limit: Значение должно быть меньше 100)');
  });

  it('goes on after a short page, tries a 502 again, and names broken answers by their shape only', async () => {
    const op1 = sim.employees.operator1;
    const client = clientWith(cabinetOf([await tokenFor(sim, 'operator1')], op1.id));
    const me = await client.me('cabinet', []);
    sim.setKnobs({ malformedKind: 'short_page', malformedMatch: '/leads/list', malformedOnRequest: 1 });
    const page = await client.leadsPage(me, 1, []);
    expect(page.rows.map((r) => r.id)).toEqual(sim.truth.leadIds().slice(100, 200));
    sim.setKnobs({ malformedKind: 'html502', malformedMatch: '/leads/list', malformedOnRequest: 1 });
    expect((await client.leadsPage(me, 0, [])).rows).toHaveLength(100);
    for (const kind of ['truncated', 'results_object', 'total_missing'] as const) {
      sim.setKnobs({ malformedKind: kind, malformedMatch: '/leads/list', malformedOnRequest: 1 });
      const err = await errorOf(client.leadsPage(me, 0, []));
      expect(err?.code, kind).toBe('malformed-response');
      expect(JSON.stringify(err?.diagnostics ?? '')).not.toContain(String(sim.truth.leads()[0].name));
    }
  });

  it('never follows a redirect with the token, and refuses an answer too large to be a page', async () => {
    const seen: string[] = [];
    const redirecting: typeof fetch = async (url, init) => {
      seen.push(`${String(url)} ${init?.redirect}`);
      return new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/leads' } });
    };
    const client = clientWith(cabinetOf(['tok'], null), undefined, redirecting);
    const err = await errorOf(client.me('cabinet', []));
    expect(said(err)).toBe('malformed response (/employees/me: a redirect, not followed)');
    expect(seen).toEqual([
      `${sim.apiUrl}/employees/me?fields=${encodeURIComponent('id,first_name,last_name,email,is_active,is_deleted,role(code,title,is_admin)')} manual`,
    ]);
    const big = await errorOf(readJson(new Response('[' + '1,'.repeat(64) + '1]'), '/leads/list', 100));
    expect(said(big)).toBe('malformed response (/leads/list: an answer larger than 100 bytes)');
    expect(await readJson(new Response('{"ok":true}'), '/x', 100)).toEqual({ ok: true });
  });
});
