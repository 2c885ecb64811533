/**
 * A tab that takes a read and then falls silent (frozen, its reader dead): an export reading in
 * it ends with a named error; a sync's read goes to a tab again. Found by the silence alarm.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSimulator, type Simulator } from '../../simulator/server';
import type { TabTask } from '@/utils/engine/run';
import { configure, freshExtension, newWorker } from './engine-harness';

/** A tab that says it started reading and then never reports; the only tab the browser has. */
function mute(url: string, tabId = 9): { asked: number } {
  const state = { asked: 0 };
  Object.assign(fakeBrowser.tabs, {
    query: async () => [{ id: tabId, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false }],
    get: async (id: number) => (id === tabId ? { id, url } : Promise.reject(new Error(`No tab with id: ${id}.`))),
    sendMessage: (tab: number, message: { type: string }, _opts: unknown, answer: (r: unknown) => void) => {
      if (message.type === 'tabRead' && tab === tabId) state.asked++;
      answer({ res: { ok: true, value: 'started' } });
    },
  });
  return state;
}

// One simulated CRM for the file: no test here changes its data.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ dataset: 'small' });
});
afterAll(async () => sim?.close());

describe('a tab that falls silent', () => {
  async function silenceAndCheck(w: Awaited<ReturnType<typeof newWorker>>, key: string): Promise<void> {
    await vi.waitFor(async () => expect((await w.db.jobs.get(key))?.run?.tasks.find((t) => t.kind === 'tab')).toMatchObject({ state: 'requested' }), {
      timeout: 10_000,
    });
    expect(await fakeBrowser.alarms.get('tab-silence')).toBeDefined();
    // Nothing for three minutes: then the silence alarm fires.
    await w.db.jobs
      .where('key')
      .equals(key)
      .modify((j) => {
        for (const t of j.run!.tasks) if (t.kind === 'tab') (t as TabTask).heardAt = new Date(Date.now() - 3 * 60_000).toISOString();
      });
    const { registerAlarms } = await import('@/utils/background/alarms');
    registerAlarms();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'tab-silence', scheduledTime: Date.now(), persistAcrossSessions: false });
  }

  it('ends an export reading in it, named', async () => {
    await freshExtension();
    const url = `${sim.url}/company/1/lead/index?LeadSearch%5Bf_removed%5D=2`;
    mute(url);
    const w = await newWorker();
    const { pageOf } = await import('@/utils/sources/pages');
    const { startExport } = await import('@/utils/engine/exports');
    const { jobKey } = await startExport({ tabId: 9, frameId: 0, url, page: pageOf(url)! });
    await silenceAndCheck(w, jobKey);
    await vi.waitFor(async () => expect((await w.db.jobs.get(jobKey))?.run?.exports[0].error?.code).toBe('tab-closed'), { timeout: 30_000 });
    expect((await w.db.jobs.get(jobKey))?.state).toBe('error');
  });

  it('asks again for a sync’s read', async () => {
    await freshExtension();
    await configure([{ id: 'a1', source: 'alfacrm', origin: sim.url, login: '' }], {});
    const tab = mute(`${sim.url}/company/1/dashboard/index`);
    const w = await newWorker();
    const key = (await w.ensureJob('alfacrm', sim.url, '1')).key;
    void w.syncNow(key, 'full');
    await silenceAndCheck(w, key);
    await vi.waitFor(() => expect(tab.asked).toBe(2), { timeout: 30_000 });
    expect((await w.db.jobs.get(key))?.state).toBe('running');
  });
});

describe('a browser closed while a tab read for a sync', () => {
  it('asks a tab of the relaunched browser at once, not after the silence alarm', async () => {
    await freshExtension();
    await configure([{ id: 'a1', source: 'alfacrm', origin: sim.url, login: '' }], {});
    const page = `${sim.url}/company/1/dashboard/index`;
    mute(page, 9);
    const before = await newWorker();
    const key = (await before.ensureJob('alfacrm', sim.url, '1')).key;
    void before.syncNow(key, 'full');
    const boardTask = async () => (await before.db.jobs.get(key))?.run?.tasks.find((t) => t.kind === 'tab') as TabTask | undefined;
    await vi.waitFor(async () => expect(await boardTask()).toMatchObject({ state: 'requested', readerTab: 9 }), { timeout: 10_000 });

    // The browser and its worker end; the relaunched browser has a new tab of the account, tab 9 is no more.
    const relaunched = mute(page, 21);
    const after = await newWorker();
    await after.resumeAll({ freshStart: true });
    await vi.waitFor(() => expect(relaunched.asked).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    expect(await boardTask()).toMatchObject({ state: 'requested', readerTab: 21 });
  });
});

describe('a tab waiting for its pace turn', () => {
  it('is heard (not silent) while it only asks for turns, at most one write per half minute', async () => {
    await freshExtension();
    const url = `${sim.url}/company/1/lead/index?LeadSearch%5Bf_removed%5D=2`;
    mute(url, 11);
    const w = await newWorker();
    const { pageOf } = await import('@/utils/sources/pages');
    const { startExport } = await import('@/utils/engine/exports');
    const { tabHeard } = await import('@/utils/engine/tab-reports');
    const { jobKey } = await startExport({ tabId: 11, frameId: 0, url, page: pageOf(url)! });
    const heard = async () => ((await w.db.jobs.get(jobKey))?.run?.tasks.find((t) => t.kind === 'tab') as TabTask | undefined)?.heardAt;
    await vi.waitFor(async () => expect(await heard()).toBeDefined(), { timeout: 10_000 });
    const later = Date.now() + 5 * 60_000;
    await tabHeard(11, later);
    expect(await heard()).toBe(new Date(later).toISOString());
    await tabHeard(11, later + 10_000);
    expect(await heard()).toBe(new Date(later).toISOString());
  });
});
