/**
 * AlfaCRM's pages as the loader sees them: the hosts, and which page a URL is. Kept to a few
 * lines of imports: the loader on every CRM page carries this.
 */
import type { PageInfo, SourcePages } from '../../engine/source';
import { branchFromUrl, pageKind } from './page-kind';

/** What the button of each kind of page exports. */
export const SCOPES = { leads: 'archived-leads', customers: 'archived-customers', all: 'all' } as const;

export const alfacrmPages: SourcePages = {
  id: 'alfacrm',
  name: 'AlfaCRM',
  matches: ['https://*.s20.online/*', 'https://*.alfacrm.pro/*', 'https://*.alfacrm.com/*'],
  page(url: string): PageInfo | null {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return null;
    }
    const branch = branchFromUrl(url);
    if (branch == null) return null;
    const kind = pageKind(url);
    const scope = kind === 'leads' ? SCOPES.leads : kind === 'customers' ? SCOPES.customers : null;
    return { source: 'alfacrm', account: origin, partition: String(branch), scope };
  },
};
