/** Where credentials may travel: over https, or in the clear only to this machine. */
import type { PlainKey } from '../i18n/keys';

/** http to 127.x, localhost or [::1]: the machine itself, where nothing is on the wire. */
export function isLoopback(origin: string): boolean {
  return /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(origin);
}

/** Why an origin may not receive credentials (the message key of a sentence for the user), or null when it may. */
export function credentialsRefused(origin: string): PlainKey | null {
  if (origin.startsWith('https://') || isLoopback(origin)) return null;
  return 'options.httpsOnly';
}
