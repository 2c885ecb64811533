/** LiveTex's derived, indexed fields of a stored lead (recomputed on every write). */
import type { Derived } from '../../engine/source';
import { TEXT_KEYS, type LeadFacts } from './types';

/** The popup counts leads by these: every text visible, or some still hidden from every identity. */
export const TALLY = { visible: 0, hidden: 1 } as const;

export function hasHiddenText(f: LeadFacts): boolean {
  return TEXT_KEYS.some((k) => !f.texts[k].visible);
}

/** One account, no partitions: every lead is in partition ''. */
export function derive(row: { id: number; api?: unknown; ui?: unknown }): Derived {
  const facts = row.api as LeadFacts | undefined;
  return { partitions: [''], tally: facts && hasHiddenText(facts) ? TALLY.hidden : TALLY.visible };
}
