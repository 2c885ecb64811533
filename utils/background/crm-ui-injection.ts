/**
 * Injects the CRM tab's full part (crm-ui.js) when the loader on a CRM page asks for it. Only a
 * page of an origin the extension holds a host permission for (the AlfaCRM hosts, the e2e
 * loopback hosts, origins the user granted in the options) gets it: the request itself could
 * come from any page the loader runs on, and this file reads the user's CRM data.
 */

import { CrmError } from '../errors';
import type { Sender } from '../messages/policy';

/** The unlisted script built from entrypoints/crm-ui/. */
export const CRM_UI_FILE = '/crm-ui.js';

/** The permission pattern of a page URL's origin, or null for non-web URLs. */
export function originPattern(url: string | undefined): string | null {
  try {
    const u = new URL(url ?? '');
    // Chrome's patterns may name a port (one without matches any); Firefox's must not.
    const host = import.meta.env.FIREFOX ? u.hostname : u.host;
    return /^https?:$/.test(u.protocol) ? `${u.protocol}//${host}/*` : null;
  } catch {
    return null;
  }
}

/** Whether the extension holds host access to every one of these origin patterns. */
export function hostGranted(patterns: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins: [...new Set(patterns)] });
}

export async function injectCrmUi(sender: Sender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId == null || sender.id !== browser.runtime.id) throw new CrmError('malformed-response', 'not asked from a tab');
  // The document that asked (sender.url) and the tab's page must both be CRM pages.
  const patterns = [originPattern(sender.url), originPattern(sender.tab?.url ?? sender.url)];
  if (patterns.some((p) => p == null)) throw new CrmError('malformed-response', 'not a web page');
  if (!(await hostGranted(patterns as string[]))) {
    throw new CrmError('malformed-response', 'not a CRM origin this extension may read');
  }
  // The very document that asked (Chrome knows it by id), not whatever the frame holds by now.
  const documentId = sender.documentId;
  const target = documentId && !import.meta.env.FIREFOX ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [sender.frameId ?? 0] };
  await browser.scripting.executeScript({ target, files: [CRM_UI_FILE] });
}
