/** The shapes Altegio's reads are stored in (see facts.ts for how they are written). */
import type { ContactField } from './masked';

/** A row as received (a card, a list or search row): never changed, only read. */
export type Raw = Record<string, unknown>;

export type Side = 'api' | 'ui';

export interface SideFacts {
  /** The search projection (id, name, first/last visit, sold amount, visits). */
  search?: Raw;
  /** A full card: a bulk-list row (contract §1.3). */
  card?: Raw;
  cardAt?: string;
  /** The page's card, `getClientInfo` (contract §2.1); the page only. */
  info?: Raw;
  infoAt?: string;
  /** Clear contacts this side held before a masked read of them (contract §3). */
  clear?: Partial<Record<ContactField, string>>;
  /** When a list or a card last showed the client. */
  seenAt: string;
  /** The last complete id pass did not list it: gone from the location, not exported. */
  removed?: boolean;
}
