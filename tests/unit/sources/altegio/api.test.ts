/**
 * The background's channel against the simulated Altegio's API origin: the password exchanged
 * once for the user token (kept instead), the id pass and the bulk list through the engine's
 * pager pages, its changes, its traps, and the shared pace with the tab's requests.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTask, newJob } from '@/utils/engine/run';
import { secretsItem } from '@/utils/settings/items';
import { altegio } from '@/utils/sources/altegio';
import { AltegioApiClient as AltegioApiClientClass, type AltegioApiClient } from '@/utils/sources/altegio/api-client';
import { accountFor, PARTNER_SECRET } from '@/utils/sources/altegio/pages';
import { pacerFor, takeTurn } from '@/utils/sources/altegio/pace';
import { startAltegioSimulator, type AltegioSimulator } from '../../../simulator/altegio/server';
import { NO_LIMIT } from '../../../simulator/altegio/test-helpers';
import { saidBy } from './said';

describe('Altegio API channel (simulated)', () => {
  let sim: AltegioSimulator;
  const api = altegio.api!;
  const config = () => ({ id: 'a1', source: 'altegio' as const, origin: sim.webUrl, login: sim.users.owner.login });
  const job = () => newJob('altegio', accountFor(sim.webUrl, sim.cid), '');
  let client: AltegioApiClient;

  beforeAll(async () => {
    sim = await startAltegioSimulator({ dataset: 'small', knobs: NO_LIMIT });
    await secretsItem.setValue({ [PARTNER_SECRET]: sim.partnerToken });
    const token = await api.keep!(config(), sim.users.owner.password);
    client = api.connect(config(), token, { get: async () => null, set: async () => undefined });
  });
  afterAll(async () => {
    await secretsItem.setValue({});
    await sim.close();
  });

  it('keeps a user token for the password (never the password), refuses a wrong one and a missing partner token', async () => {
    const token = await api.keep!(config(), sim.users.owner.password);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(token).not.toContain(sim.users.owner.password);
    expect(await saidBy(() => api.keep!(config(), 'wrong'))).toMatch(/^API key rejected/);
    await secretsItem.setValue({});
    expect(await saidBy(() => api.keep!(config(), sim.users.owner.password))).toMatch(/no Altegio partner token/);
    await secretsItem.setValue({ [PARTNER_SECRET]: sim.partnerToken });
    expect(api.origin(config())).toBe(sim.apiUrl);
    expect(api.origin({ ...config(), origin: 'https://example.org' })).toEqual({ refused: 'options.noApiHere' });
  });

  it('pages the id pass and the bulk list as the engine asks (pages from 0)', async () => {
    const ids = await api.fetchPage(client, job(), apiTask('api-ids', {}), 0);
    expect(ids.total).toBe(sim.truth.ids().length);
    expect(ids.items.map((r) => r.id)).toEqual(sim.truth.ids());
    const list = await api.fetchPage(client, job(), apiTask('api-list', {}), 0);
    expect(list.items.map((r) => r.id)).toEqual(sim.truth.ids());
    expect(list.items[0]).toHaveProperty('custom_fields');
    expect(await api.fetchPage(client, job(), apiTask('api-list', {}), 1)).toEqual({ items: [], total: sim.truth.ids().length });
  });

  it('reads changes only, and takes a changes answer that matched nobody for none', async () => {
    const { edited } = sim.mutate({ edit: 4, add: 0, delete: 0 });
    const since = new Date(Date.now() + 2 * 3600_000 - 5 * 60_000).toISOString().slice(0, 19);
    const changes = await api.fetchPage(client, job(), apiTask('api-list', { since }), 0);
    expect(changes.items.map((r) => r.id).sort()).toEqual([...edited].sort());
    expect(await api.fetchPage(client, job(), apiTask('api-list', { since: '2099-01-01T00:00:00' }), 0)).toEqual({ items: [], total: 0 });
  });

  it('shares one pace with the tab of the same backend: while the tab’s request is out, the API waits', async () => {
    const p = pacerFor(sim.webUrl);
    await takeTurn(p, 'tab:9');
    expect(p.ask('api')).toBeGreaterThan(0);
    p.report('tab:9', { outcome: 'ok' });
    // The API's requests took their turns from the same pacer.
    const calls = sim.stats().total;
    await api.fetchPage(client, job(), apiTask('api-ids', {}), 0);
    expect(sim.stats().total).toBe(calls + 1);
  });
  it('names a revoked token and a licence that ran out', async () => {
    sim.setKnobs({ licenseExpired: 403 });
    expect(await saidBy(() => api.fetchPage(client, job(), apiTask('api-ids', {}), 0))).toMatch(/^licence expired/);
    sim.setKnobs({ licenseExpired: null, revokeUserTokens: true });
    expect(await saidBy(() => api.fetchPage(client, job(), apiTask('api-ids', {}), 0))).toMatch(/^API key rejected/);
  });
});

describe('Altegio API client, refusing what it must not follow', () => {
  it('never follows a redirect with the tokens', async () => {
    const seen: RequestInit[] = [];
    const fake = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response('', { status: 302, headers: { Location: 'https://elsewhere.example/' } });
    }) as unknown as typeof fetch;
    const c = new AltegioApiClientClass({ apiOrigin: 'https://api.alteg.io', webOrigin: 'https://app.alteg.io', fetch: fake }, 'u', async () => 'p');
    await expect(c.searchPage(1, 1, 200)).rejects.toThrow(/a redirect, not followed/);
    expect(seen[0].redirect).toBe('manual');
  });
});
