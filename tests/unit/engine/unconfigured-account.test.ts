/**
 * A CRM page of an account the user did not configure: its tab announcing itself, its export
 * button and the periodic sync alarm never send a request carrying the API key there, whether
 * the options hold no address (a key kept from before addresses were required) or another
 * account's. The key goes only to its own account's address.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSimulator, type Simulator } from '../../simulator/server';
import { DRAFT_SECRET } from '@/utils/settings/schema';
import { configure, freshExtension, recordFetch } from './engine-harness';

const KEY = 'f'.repeat(36);

describe('the API key and an account the user did not configure', () => {
  let stranger: Simulator;
  let own: Simulator;
  let rec: ReturnType<typeof recordFetch>;
  beforeAll(async () => {
    [stranger, own] = await Promise.all([startSimulator({ dataset: 'small' }), startSimulator({ dataset: 'small' })]);
  });
  afterAll(async () => Promise.all([stranger?.close(), own?.close()]));
  afterEach(() => rec?.restore());

  /** The stranger's page is open, announces itself, its button is clicked, and the sync alarm fires. */
  async function visitStranger(ownAccount: string | null): Promise<void> {
    vi.resetModules();
    const { pageOf } = await import('@/utils/sources/pages');
    const { tabReady } = await import('@/utils/engine/tab-reports');
    const { startExport } = await import('@/utils/engine/exports');
    const { registerAlarms, SYNC_ALARM } = await import('@/utils/background/alarms');
    const { db } = await import('@/utils/engine/store');
    const url = `${stranger.url}/company/1/lead/index?LeadSearch%5Bf_removed%5D=2`;
    const tab = { tabId: 7, frameId: 0, url, page: pageOf(url)! };
    await tabReady(tab);
    const { jobKey } = await startExport(tab);
    // The export ends (there is no tab to read in here); the alarm then fires, as it does every 30 minutes.
    await vi.waitFor(async () => expect((await db.jobs.get(jobKey))?.state).toBe('error'), { timeout: 20_000 });
    registerAlarms();
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    // The configured account's sync, which the alarm started, reads its API to the end (its
    // board read then waits for a tab of its own).
    if (ownAccount) {
      await vi.waitFor(
        async () => {
          const own = (await db.jobs.toArray()).find((j) => j.account === ownAccount);
          expect(own?.run?.tasks.every((t) => t.kind === 'tab' || t.done)).toBe(true);
        },
        { timeout: 30_000, interval: 50 },
      );
    }
    expect((await db.jobs.toArray()).map((j) => j.account).sort()).toEqual([stranger.url, ...(ownAccount ? [ownAccount] : [])].sort());
  }

  const carries = (key: string) => (s: { body: string; headers: Record<string, string> }) =>
    s.body.includes(key) || Object.values(s.headers).some((v) => v.includes(key));

  it('with no address in the options (only a key kept as a draft), nothing is sent anywhere', async () => {
    await freshExtension();
    await configure([], { [DRAFT_SECRET]: KEY });
    rec = recordFetch();
    await visitStranger(null);
    expect(rec.sent.filter(carries(KEY))).toEqual([]);
    expect(rec.sent.filter((s) => s.url.includes('/v2api/'))).toEqual([]);
  });

  it("with another account's address, the key goes to that address only", async () => {
    await freshExtension();
    await configure([{ id: 'a1', source: 'alfacrm', origin: own.url, login: own.credentials.apiEmail }], { a1: own.credentials.apiKey });
    rec = recordFetch();
    await visitStranger(own.url);
    expect(rec.sent.filter((s) => s.url.startsWith(stranger.url) && s.url.includes('/v2api/'))).toEqual([]);
    const keyed = rec.sent.filter(carries(own.credentials.apiKey));
    // The alarm synced the configured account: its login carried the key, to its own address.
    expect(keyed.length).toBeGreaterThan(0);
    expect(keyed.every((s) => new URL(s.url).origin === own.url)).toBe(true);
  });
});
