/**
 * Who a message came from, judged from what the browser says of its sender (never from what
 * the message says of itself). Pure: the extension's id and base URL and the page recogniser
 * are passed in, so every policy is unit-tested.
 */
import type { PageInfo } from '../engine/source';
import type { SenderKind } from './protocol';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  documentId?: string;
}

export interface Self {
  id: string;
  /** `chrome-extension://<id>/` (or moz-extension). */
  baseUrl: string;
  /** The page a URL is for one of the sources (given the storage marks of its origin), or null. */
  pageOf(url: string, marks?: readonly string[]): PageInfo | null;
  /**
   * The sources' storage marks the sender's document holds, as the browser reads them there:
   * asked only for a tab whose URL alone names no source (background only).
   */
  marksOf?(s: Sender): Promise<string[]>;
  /** Whether the extension holds host access to a page's origin (its content scripts run only there). */
  hostGranted(url: string): Promise<boolean>;
}

/** The pages a person uses: what they send counts as the user's. */
const USER_PAGES = ['popup.html', 'options.html', 'insights.html'];

/** A CRM tab's sender, with what the handlers need of it. */
export interface TabSender {
  tabId: number;
  frameId: number;
  documentId?: string;
  url: string;
  page: PageInfo;
}

function isWeb(url: string | undefined): url is string {
  return !!url && /^https?:\/\//.test(url);
}

export function fromExtensionPage(s: Sender, self: Self): boolean {
  if (s.id !== self.id || !s.url?.startsWith(self.baseUrl)) return false;
  const path = s.url.slice(self.baseUrl.length).split(/[?#]/)[0];
  return USER_PAGES.includes(path);
}

/** The service worker (or Firefox's event page): no tab, the extension's own script. */
export function fromBackground(s: Sender, self: Self): boolean {
  if (s.id !== self.id || s.tab != null) return false;
  if (s.url == null) return true;
  const path = s.url.startsWith(self.baseUrl) ? s.url.slice(self.baseUrl.length) : null;
  return path !== null && (path.endsWith('.js') || path === '_generated_background_page.html');
}

/** Whether the sender could be a CRM tab whose page only its storage marks tell (worth asking the browser). */
export function needsMarks(s: Sender, self: Self): boolean {
  return !!self.marksOf && s.id === self.id && s.tab?.id != null && isWeb(s.url) && self.pageOf(s.url) === null;
}

/** A content script of this extension in a web page that a source recognises, else null. */
export function crmTab(s: Sender, self: Self, marks?: readonly string[]): TabSender | null {
  if (s.id !== self.id || s.tab?.id == null || !isWeb(s.url)) return null;
  // The frame that sent it and the tab's page must both be the CRM's.
  if (s.tab.url && s.tab.url !== s.url && !isWeb(s.tab.url)) return null;
  const page = self.pageOf(s.url, marks);
  if (!page) return null;
  return { tabId: s.tab.id, frameId: s.frameId ?? 0, documentId: s.documentId, url: s.url, page };
}

export function allowed(kind: SenderKind, s: Sender, self: Self, marks?: readonly string[]): boolean {
  if (kind === 'extension-page') return fromExtensionPage(s, self);
  if (kind === 'background') return fromBackground(s, self);
  return crmTab(s, self, marks) !== null;
}
