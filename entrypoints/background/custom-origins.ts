/**
 * Self-hosted and custom-domain CRMs: when the user grants an origin in the options, the content
 * script is registered there too (and unregistered when access is withdrawn).
 */
const SCRIPT_ID = 'custom-crm-origins';

/** Origins granted at run time: every host permission the manifest did not declare. */
export async function customOrigins(): Promise<string[]> {
  const declared = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => !declared.has(o) && /^https?:\/\/[^*]+\/\*$/.test(o));
}

let chain: Promise<void> = Promise.resolve();

/** One update at a time: two quick grants would otherwise both unregister, then both register. */
export function syncCustomOrigins(): Promise<void> {
  chain = chain.then(updateRegistration, updateRegistration);
  return chain;
}

async function updateRegistration(): Promise<void> {
  if (!chrome.scripting?.registerContentScripts) return;
  const matches = await customOrigins();
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await chrome.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

export function registerCustomOrigins(): void {
  browser.permissions.onAdded.addListener(() => void syncCustomOrigins());
  browser.permissions.onRemoved.addListener(() => void syncCustomOrigins());
  browser.runtime.onInstalled.addListener(() => void syncCustomOrigins());
}
