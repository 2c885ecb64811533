/**
 * CDP sessions to targets Playwright does not hand out (the extension's service worker, its
 * offscreen document), through the browser session's non-flattened Target.attachToTarget.
 */
import type { CDPSession } from 'playwright-core';

export interface TargetSession {
  targetId: string;
  type: string;
  url: string;
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Events of this target (e.g. Runtime.consoleAPICalled after Runtime.enable). */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  detach(): Promise<void>;
}

export async function findTargets(browser: CDPSession, match: (t: { type: string; url: string }) => boolean) {
  const { targetInfos } = await browser.send('Target.getTargets');
  return targetInfos.filter(match);
}

export async function attachTarget(browser: CDPSession, target: { targetId: string; type: string; url: string }): Promise<TargetSession> {
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  let next = 0;
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: { message: string } };
    if (msg.method) for (const l of listeners.get(msg.method) ?? []) l(msg.params ?? {});
    const p = msg.id === undefined ? undefined : pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id!);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  };
  browser.on('Target.receivedMessageFromTarget', onMessage);
  return {
    ...target,
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        browser.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      }),
    on: (method, listener) => listeners.set(method, [...(listeners.get(method) ?? []), listener]),
    detach: async () => {
      browser.off('Target.receivedMessageFromTarget', onMessage);
      for (const p of pending.values()) p.reject(new Error('detached'));
      await browser.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}
