/**
 * The engine in a unit test: WXT's fake browser, fake-indexeddb, the simulated AlfaCRM in this
 * process, and a record of every request that left (URL, headers, body), so tests can say what
 * went where. Modules are imported afresh per "worker", as a service worker restart would.
 */
import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountConfig } from '@/utils/engine/source';

export interface Sent {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Every request the code under test sends through fetch. */
export function recordFetch(): { sent: Sent[]; hang: (match: (s: Sent) => boolean) => void; restore: () => void } {
  const real = globalThis.fetch;
  const sent: Sent[] = [];
  let hangIf: ((s: Sent) => boolean) | null = null;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const s: Sent = {
      url: String(input instanceof Request ? input.url : input),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    sent.push(s);
    // A worker that dies mid-request never sees the answer.
    if (hangIf?.(s)) return new Promise<Response>(() => undefined);
    return real(input, init);
  }) as typeof fetch;
  return { sent, hang: (m) => (hangIf = m), restore: () => (globalThis.fetch = real) };
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
