/**
 * Every message's sender policy: accepted from the one kind of sender it names, refused from
 * every other (another extension, a page no source recognises, the wrong context), and the
 * router refuses before any handler runs.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allowed, crmTab, type Self, type Sender } from '@/utils/messages/policy';
import { PROTOCOL, type MessageName, type SenderKind } from '@/utils/messages/protocol';
import { pageOf } from '@/utils/sources/pages';

const GRANTED = ['https://demo.s20.online'];
const SELF: Self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/', pageOf, hostGranted: async (url) => GRANTED.includes(new URL(url).origin) };
const CRM = 'https://demo.s20.online/company/1/lead/index';

const SENDERS: Record<SenderKind, Sender> = {
  'extension-page': { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' },
  background: { id: 'ext-id', url: 'chrome-extension://ext-id/background.js' },
  'crm-tab': { id: 'ext-id', url: CRM, tab: { id: 3, url: CRM }, frameId: 0 },
};

const STRANGERS: Record<string, Sender> = {
  'another extension’s page': { id: 'other-id', url: 'chrome-extension://other-id/popup.html' },
  'another extension’s worker': { id: 'other-id', url: 'chrome-extension://other-id/background.js' },
  'another extension’s content script on a CRM page': { id: 'other-id', url: CRM, tab: { id: 3, url: CRM }, frameId: 0 },
  'this extension’s content script on a page no source knows': { id: 'ext-id', url: 'https://evil.example/', tab: { id: 4, url: 'https://evil.example/' } },
  'the offscreen document': { id: 'ext-id', url: 'chrome-extension://ext-id/offscreen.html' },
  'a CRM host page outside the app (login)': { id: 'ext-id', url: 'https://demo.s20.online/login', tab: { id: 5, url: 'https://demo.s20.online/login' } },
  'a sender with no id': { url: 'chrome-extension://ext-id/popup.html' },
};

describe('sender policy of each message', () => {
  for (const [name, def] of Object.entries(PROTOCOL) as [MessageName, (typeof PROTOCOL)[MessageName]][]) {
    it(`${name}: only from ${def.from}`, () => {
      for (const [kind, sender] of Object.entries(SENDERS)) expect(allowed(def.from, sender, SELF), `${name} from ${kind}`).toBe(kind === def.from);
      for (const [what, sender] of Object.entries(STRANGERS)) expect(allowed(def.from, sender, SELF), `${name} from ${what}`).toBe(false);
    });
  }

  it('a CRM tab sender carries the page the browser says it is on (account, partition, scope)', () => {
    expect(crmTab(SENDERS['crm-tab'], SELF)).toEqual({
      tabId: 3,
      frameId: 0,
      url: CRM,
      documentId: undefined,
      page: { source: 'alfacrm', account: 'https://demo.s20.online', partition: '1', scope: 'archived-leads' },
    });
  });
});

describe('the router', () => {
  /** The router as a new context has it (webext-core keeps one root listener per module instance). */
  async function freshRouter() {
    fakeBrowser.reset();
    vi.resetModules();
    return (await import('@/utils/messages/router')).serve;
  }

  /** Sends one message through the browser's onMessage as webext-core does, and returns the answer. */
  async function dispatch(type: MessageName, data: unknown, sender: Sender): Promise<unknown> {
    const answer = new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { id: 1, type, data, timestamp: 0 },
        sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
        resolve,
      );
    });
    return ((await answer) as { res: unknown }).res;
  }

  it('refuses a sender the policy does not allow, before the handler runs', async () => {
    const serve = await freshRouter();
    const getStatus = vi.fn(() => ({ jobs: [], accounts: 0 }));
    const self = { ...SELF, id: fakeBrowser.runtime.id, baseUrl: `chrome-extension://${fakeBrowser.runtime.id}/` };
    serve({ getStatus }, self);
    const fromPage = { id: fakeBrowser.runtime.id, url: CRM, tab: { id: 3, url: CRM } };
    expect(await dispatch('getStatus', undefined, fromPage)).toEqual({
      ok: false,
      error: {
        code: 'malformed-response',
        message: 'malformed-response (getStatus: not accepted from this sender)',
        detail: 'getStatus: not accepted from this sender',
      },
    });
    expect(getStatus).not.toHaveBeenCalled();
    expect(await dispatch('getStatus', undefined, { id: fakeBrowser.runtime.id, url: self.baseUrl + 'popup.html' })).toEqual({
      ok: true,
      value: { jobs: [], accounts: 0 },
    });
    expect(getStatus).toHaveBeenCalledTimes(1);
  });

  it('refuses a CRM-looking page on an origin the extension was not granted', async () => {
    const serve = await freshRouter();
    const exportStart = vi.fn(() => ({ jobKey: 'k', runId: 'r' }));
    const self = { ...SELF, id: fakeBrowser.runtime.id, baseUrl: `chrome-extension://${fakeBrowser.runtime.id}/` };
    serve({ exportStart }, self);
    const url = 'https://evil.example/company/1/lead/index';
    expect(await dispatch('exportStart', undefined, { id: fakeBrowser.runtime.id, url, tab: { id: 4, url }, frameId: 0 })).toMatchObject({ ok: false });
    expect(exportStart).not.toHaveBeenCalled();
    expect(await dispatch('exportStart', undefined, { id: fakeBrowser.runtime.id, url: CRM, tab: { id: 3, url: CRM }, frameId: 0 })).toEqual({
      ok: true,
      value: { jobKey: 'k', runId: 'r' },
    });
  });

  it('refuses data its schema does not accept', async () => {
    const serve = await freshRouter();
    const syncNow = vi.fn(() => null);
    const self = { ...SELF, id: fakeBrowser.runtime.id, baseUrl: `chrome-extension://${fakeBrowser.runtime.id}/` };
    serve({ syncNow }, self);
    const popup = { id: fakeBrowser.runtime.id, url: self.baseUrl + 'popup.html' };
    expect(await dispatch('syncNow', { jobKey: 'x'.repeat(5000) }, popup)).toMatchObject({ ok: false, error: { code: 'malformed-response' } });
    expect(syncNow).not.toHaveBeenCalled();
  });
});
