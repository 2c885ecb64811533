/**
 * How the loader (content-scripts/crm-loader.js) and the full UI part (crm-ui.js) find each
 * other. The background injects the UI part into the loader's isolated world (every script of
 * the extension in a frame shares that world, in Chrome and Firefox alike), where it publishes
 * itself under a global the page cannot see. Types only cross the bundle boundary: this file
 * must stay free of imports that carry code, as the loader imports it.
 */
import type { TabReadRequest } from '../engine/source';

export interface CrmUiPart {
  /** 'mounted' while the export button is on the page. */
  state(): 'mounted' | 'idle';
  /** A run asks this tab to read (the request is checked here: the loader carries no schemas). */
  read(req: unknown): 'started' | 'busy' | 'failed';
}

const KEY = '__crmArchiveUiPart';
type WithPart = typeof globalThis & { [KEY]?: CrmUiPart };

export function publishCrmUiPart(part: CrmUiPart): void {
  (globalThis as WithPart)[KEY] = part;
}

/** The UI part, once it runs in this isolated world. */
export function crmUiPart(): CrmUiPart | undefined {
  return (globalThis as WithPart)[KEY];
}

export type { TabReadRequest };
