/** Which AlfaCRM page a URL is, judged by its path only (hosts vary: s20.online, custom domains). */
import { branchFromPath } from './dom';

export type PageKind = 'leads' | 'customers' | 'other';

/**
 * `leads`: `/company/{b}/lead/index` (any tab, incl. the archive `LeadSearch[f_removed]=2`) and
 * `/company/{b}/lead` or `/company/{b}/lead/`; `customers`: `/company/{b}/customer/index` (and
 * `/company/{b}/customer[/]`); everything else (cards, XHR routes, settings, login) is `other`.
 */
export function pageKind(url: string): PageKind {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return 'other';
  }
  const m = /^\/company\/\d+\/(lead|customer)(?:\/(?:index\/?)?)?$/.exec(path);
  if (!m) return 'other';
  return m[1] === 'lead' ? 'leads' : 'customers';
}

/** The branch `{b}` of a `/company/{b}/…` URL, else null. */
export function branchFromUrl(url: string): number | null {
  return branchFromPath(url);
}
