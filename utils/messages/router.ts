/**
 * Receiving messages: one router for every context. Before a handler runs, the sender is
 * checked against the message's policy and the data against its schema; whatever the handler
 * throws becomes the Outcome's error. Nothing else registers message listeners.
 */
import { CrmError, toErrorInfo } from '../errors';
import { allowed, crmTab, needsMarks, type Self, type Sender, type TabSender } from './policy';
import { PROTOCOL, type DataOf, type MessageName, type ResultOf } from './protocol';
import { onMessage } from './send';

export interface HandlerContext {
  sender: Sender;
  /** Set for messages from CRM tabs. */
  tab?: TabSender;
}

export type Handlers = {
  [K in MessageName]?: (data: DataOf<K>, ctx: HandlerContext) => Promise<ResultOf<K>> | ResultOf<K>;
};

export function serve(handlers: Handlers, self: Self): void {
  for (const name of Object.keys(handlers) as MessageName[]) {
    const handler = handlers[name] as (data: unknown, ctx: HandlerContext) => unknown;
    const def = PROTOCOL[name];
    const listen = onMessage as unknown as (n: string, cb: (m: { data: unknown; sender: Sender }) => Promise<unknown>) => void;
    listen(name, async ({ data, sender }) => {
      try {
        const granted = def.from !== 'crm-tab' || (await self.hostGranted(sender.url ?? ''));
        // A page its URL does not name (a CRM off its own hosts) is judged by what its storage holds.
        const marks = granted && def.from === 'crm-tab' && needsMarks(sender, self) ? await self.marksOf!(sender) : undefined;
        if (!granted || !allowed(def.from, sender, self, marks)) throw new CrmError('malformed-response', `${name}: not accepted from this sender`);
        const parsed = def.data.safeParse(data);
        if (!parsed.success) throw new CrmError('malformed-response', `${name}: invalid message`);
        const ctx: HandlerContext = { sender, tab: def.from === 'crm-tab' ? crmTab(sender, self, marks)! : undefined };
        return { ok: true, value: (await handler(parsed.data, ctx)) ?? null };
      } catch (e) {
        return { ok: false, error: toErrorInfo(e) };
      }
    });
  }
}
