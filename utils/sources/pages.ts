/** Every source's pages (light: the loader carries this): which CRM page a URL is. */
import type { PageInfo, SourcePages } from '../engine/source';
import { alfacrmPages } from './alfacrm/pages';
import { altegioPages } from './altegio/pages';
import { livetexPages } from './livetex/pages';

export const SOURCE_PAGES: SourcePages[] = [alfacrmPages, altegioPages, livetexPages];

/** Content-script matches and host permissions of every source. */
export const CRM_MATCHES: string[] = SOURCE_PAGES.flatMap((s) => s.matches);

/** Host permissions for APIs on hosts without pages of ours (no content script goes there). */
export const API_HOSTS: string[] = SOURCE_PAGES.flatMap((s) => s.apiHosts ?? []);

/** The localStorage keys that mark a source's pages off its own hosts. */
export const STORAGE_MARKS: string[] = SOURCE_PAGES.flatMap((s) => (s.storageMark ? [s.storageMark] : []));

/** The page at `url` for the first source that recognises it, or null. */
export function pageOf(url: string, marks?: readonly string[]): PageInfo | null {
  for (const s of SOURCE_PAGES) {
    const page = s.page(url, marks);
    if (page) return page;
  }
  return null;
}

/** In a content script: the page at `url` in this document, with the marks its origin's storage holds. */
export function pageHere(url: string): PageInfo | null {
  const marks = STORAGE_MARKS.filter((key) => {
    try {
      return localStorage.getItem(key) !== null;
    } catch {
      return false; // storage closed to this page
    }
  });
  return pageOf(url, marks);
}

/** Whether a host permission pattern (`https://*.s20.online/*`) covers an origin. */
export function patternCovers(pattern: string, origin: string): boolean {
  const m = /^(\*|https?):\/\/(\*\.)?([^/]+)\/\*$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  if (m[1] !== '*' && `${m[1]}:` !== u.protocol) return false;
  return m[2] ? u.hostname === m[3] || u.hostname.endsWith(`.${m[3]}`) : u.hostname === m[3];
}

/** The source whose hosts an origin is on, or null (self-hosted, custom domains, loopback). */
export function sourceOfOrigin(origin: string): SourcePages['id'] | null {
  return SOURCE_PAGES.find((s) => s.matches.some((p) => patternCovers(p, origin)))?.id ?? null;
}
