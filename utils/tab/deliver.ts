/** Messages from a CRM tab to a service worker that may be stopping or starting: sent again. */
const RESTARTING = /Receiving end|message port closed|message channel closed|Could not establish connection|did not answer/i;

export async function deliver<T>(send: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await send();
    } catch (e) {
      if (i >= tries || !RESTARTING.test(String(e))) throw e;
    }
  }
}
