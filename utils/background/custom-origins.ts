/**
 * Self-hosted and custom-domain CRMs: when the user grants an origin in the options, the content
 * script (the loader) is registered there too (and unregistered when access is withdrawn). The
 * loader brings in the full part itself (crm-ui-injection.ts).
 */
const SCRIPT_ID = 'custom-crm-origins';
/** entrypoints/crm-loader.content.ts, as the manifest lists it. */
const LOADER_FILE = 'content-scripts/crm-loader.js';

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
  if (!browser.scripting?.registerContentScripts) return;
  const matches = await customOrigins();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: [LOADER_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
}

export function registerCustomOrigins(): void {
  browser.permissions.onAdded.addListener(() => void syncCustomOrigins());
  browser.permissions.onRemoved.addListener(() => void syncCustomOrigins());
  browser.runtime.onInstalled.addListener(() => void syncCustomOrigins());
}
