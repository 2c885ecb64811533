/**
 * The engine in a unit test: WXT's fake browser, fake-indexeddb, the simulated AlfaCRM in this
 * process, and a record of every request that left (URL, headers, body), so tests can say what
 * went where. Modules are imported afresh per "worker", as a service worker restart would.
 */
import 'fake-indexeddb/auto';
import { expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Job } from '@/utils/engine/run';
import type { AccountConfig, TabReadRequest } from '@/utils/engine/source';
import type { Simulator } from '../../simulator/server';

export interface Sent {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Every request the code under test sends through fetch. */
export function recordFetch(): { sent: Sent[]; hang: (match: (s: Sent) => boolean) => void; tap: (fn: (s: Sent) => void) => void; restore: () => void } {
  const real = globalThis.fetch;
  const sent: Sent[] = [];
  let hangIf: ((s: Sent) => boolean) | null = null;
  let tapFn: ((s: Sent) => void) | null = null;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const s: Sent = {
      url: String(input instanceof Request ? input.url : input),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    sent.push(s);
    // What happens in the CRM between a request leaving and its answer (a test's mutation).
    tapFn?.(s);
    // A worker that dies mid-request never sees the answer.
    if (hangIf?.(s)) return new Promise<Response>(() => undefined);
    return real(input, init);
  }) as typeof fetch;
  return { sent, hang: (m) => (hangIf = m), tap: (fn) => (tapFn = fn), restore: () => (globalThis.fetch = real) };
}

/** A fresh extension: storage, alarms and badge reset, the store emptied. */
export async function freshExtension(): Promise<void> {
  fakeBrowser.reset();
  // Not in the fake browser: the keep-alive's ping and the permission checks.
  Object.assign(fakeBrowser.runtime, { getPlatformInfo: async () => ({ os: 'linux', arch: 'x86-64' }) });
  const { db } = await import('@/utils/engine/store');
  await Promise.all([db.rows.clear(), db.jobs.clear(), db.lists.clear()]);
}

/** Saves accounts and their secrets as the options page does. */
export async function configure(accounts: AccountConfig[], secrets: Record<string, string>): Promise<void> {
  const { settingsItem, secretsItem } = await import('@/utils/settings/items');
  const { DEFAULT_SETTINGS } = await import('@/utils/settings/schema');
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, accounts });
  await secretsItem.setValue(secrets);
}

/** The engine's modules as a newly started worker has them (nothing kept in memory). */
export async function newWorker() {
  vi.resetModules();
  const runner = await import('@/utils/engine/runner');
  const jobs = await import('@/utils/engine/jobs');
  const store = await import('@/utils/engine/store');
  return { ...runner, ...jobs, db: store.db };
}

export type EngineWorker = Awaited<ReturnType<typeof newWorker>>;

/** Starts a sync of job `key` and waits until it has completed (a pause or an error fails the test); the job then. */
export async function syncAndWait(w: EngineWorker, key: string, mode: 'full' | 'incremental', timeout = 40_000): Promise<Job> {
  const before = (await w.db.jobs.get(key))?.lastSuccessStartedAt ?? '';
  void w.syncNow(key, mode);
  await vi.waitFor(
    async () => {
      const j = await w.db.jobs.get(key);
      if (j?.state === 'paused' || j?.state === 'error') throw new Error(`run stopped: ${JSON.stringify(j.lastError)}`);
      expect(j?.state === 'idle' && (j.lastSuccessStartedAt ?? '') > before).toBe(true);
    },
    { timeout, interval: 50 },
  );
  return (await w.db.jobs.get(key))!;
}

/**
 * A logged-in CRM tab as the background sees one: `tabs.query` lists it, and it answers a
 * `tabRead` of the archive board by reporting the simulator's board (its archived leads of the
 * branch, one unit per reject reason, as the real reader would) through the engine's handlers.
 */
export function fakeCrmTab(sim: Simulator, tabId = 5, partition = '1'): { reads: number } {
  const url = `${sim.url}/company/${partition}/dashboard/index`;
  const state = { reads: 0 };
  Object.assign(fakeBrowser.tabs, {
    query: async () => [{ id: tabId, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false }],
    sendMessage: (_tab: number, message: { type: string; data: TabReadRequest }, _opts: unknown, answer: (r: unknown) => void) => {
      if (message.type !== 'tabRead') return answer(undefined);
      answer({ res: { ok: true, value: 'started' } });
      state.reads++;
      setTimeout(() => void readBoard(sim, message.data, { tabId, frameId: 0, url }), 0);
    },
  });
  return state;
}

async function readBoard(sim: Simulator, req: TabReadRequest, tab: { tabId: number; frameId: number; url: string }): Promise<void> {
  const { commitUnit, finishRead } = await import('@/utils/engine/tab-reports');
  const { pageOf } = await import('@/utils/sources/pages');
  const sender = { ...tab, page: pageOf(tab.url)! };
  const branch = Number(req.partition);
  const archived = new Set(sim.truth.archivedLeadIds(branch));
  const names = new Map(sim.truth.leadRejectReasons().map((r) => [r.id, r.name]));
  const columns = new Map<number, { id: number; name: string }[]>();
  for (const r of sim.truth.records()) {
    if (!archived.has(r.id as number)) continue;
    const col = (r.lead_reject_id as number | null) ?? 0;
    columns.set(col, [...(columns.get(col) ?? []), { id: r.id as number, name: String(r.name) }]);
  }
  const counts: Record<string, number> = {};
  for (const [col, cards] of columns) {
    counts[String(col)] = cards.length;
    if (req.skip[String(col)] === cards.length) continue;
    await commitUnit(
      { jobKey: req.jobKey, runId: req.runId, task: req.task, unit: { key: String(col), count: cards.length, label: names.get(col) ?? '', items: cards } },
      sender,
    );
  }
  const expected = Object.values(counts).reduce((a, b) => a + b, 0);
  const complete = Object.keys(req.skip).length === 0;
  await finishRead({ jobKey: req.jobKey, runId: req.runId, task: req.task, result: { expected, counts, ...(complete ? { ids: [...archived] } : {}) } }, sender);
}

/**
 * A logged-in CRM tab that reads with the source's real tab reader: the simulator's pages are
 * fetched with the tab's session cookie and parsed with jsdom, units go to the engine's handlers.
 */
export async function realCrmTab(sim: Simulator, tabId = 6, partition = '1'): Promise<{ reads: number }> {
  const { UiClient } = await import('../../simulator/test-helpers');
  const { JSDOM } = await import('jsdom');
  const ui = new UiClient(sim.url);
  await ui.login(sim);
  const url = `${sim.url}/company/${partition}/dashboard/index`;
  vi.stubGlobal('location', new URL(url));
  vi.stubGlobal('DOMParser', new JSDOM('').window.DOMParser);
  const inner = globalThis.fetch;
  // The page's own requests carry its session (cookies), as a tab's same-origin fetch does.
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const target = new URL(String(input instanceof Request ? input.url : input));
    if (target.origin !== sim.url || !target.pathname.startsWith('/company/')) return inner(input, init);
    const headers = { ...Object.fromEntries(new Headers(init?.headers).entries()), Cookie: [...ui.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    return inner(input, { ...init, headers, redirect: 'manual' });
  }) as typeof fetch;
  const state = { reads: 0 };
  Object.assign(fakeBrowser.tabs, {
    query: async () => [{ id: tabId, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false }],
    sendMessage: (_tab: number, message: { type: string; data: TabReadRequest }, _opts: unknown, answer: (r: unknown) => void) => {
      if (message.type !== 'tabRead') return answer(undefined);
      answer({ res: { ok: true, value: 'started' } });
      state.reads++;
      setTimeout(() => void readInTab(message.data, { tabId, frameId: 0, url }), 0);
    },
  });
  return state;
}

async function readInTab(req: TabReadRequest, tab: { tabId: number; frameId: number; url: string }): Promise<void> {
  const { commitUnit, finishRead, readFailed } = await import('@/utils/engine/tab-reports');
  const { pageOf } = await import('@/utils/sources/pages');
  const { tabPartOf } = await import('@/utils/sources/tab');
  const { toErrorInfo } = await import('@/utils/errors');
  const sender = { ...tab, page: pageOf(tab.url)! };
  const ref = { jobKey: req.jobKey, runId: req.runId, task: req.task };
  try {
    const result = await tabPartOf(sender.page.source)!.readers[req.task].read(req, {
      unit: (unit) => commitUnit({ ...ref, unit }, sender),
      progress: () => undefined,
    });
    await finishRead({ ...ref, result }, sender);
  } catch (e) {
    await readFailed({ ...ref, error: toErrorInfo(e) }, sender);
  }
}
