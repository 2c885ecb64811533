/**
 * Sending messages: the typed functions of @webext-core/messaging over PROTOCOL's types, and
 * `call`, the one place an Outcome is unwrapped. Types only come from protocol.ts, so the
 * loader that imports this carries no schemas.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { CrmError, fromErrorInfo } from '../errors';
import type { DataOf, MessageName, Outcome, ProtocolMap, ResultOf } from './protocol';

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** The value of an answer, or its error thrown as a CrmError. */
export function unwrap<T>(o: Outcome<T> | undefined | null): T {
  if (!o) throw new CrmError('network', 'the extension did not answer');
  if (!o.ok) throw fromErrorInfo(o.error);
  return o.value;
}

type Args<K extends MessageName> = DataOf<K> extends undefined ? [data?: undefined, tabId?: number] : [data: DataOf<K>, tabId?: number];

/** Sends a message (to the background, or to a tab) and unwraps its answer. */
export async function call<K extends MessageName>(name: K, ...[data, tabId]: Args<K>): Promise<ResultOf<K>> {
  const send = sendMessage as unknown as (n: K, d: unknown, t?: number) => Promise<Outcome<ResultOf<K>>>;
  return unwrap(await send(name, data, tabId));
}
