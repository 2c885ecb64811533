/** Altegio's derived, indexed fields of a stored row (recomputed on every write). */
import type { Derived } from '../../engine/source';
import type { SideFacts } from './types';
import { mergeClient } from './merge';

/** Clients with clear contacts, with a masked one, and those the id pass no longer lists. */
export const TALLY = { clear: 0, masked: 1, removed: 2 } as const;

/**
 * A short signature of the client's custom codes in order: a file reads one client per
 * signature to find the codes no definition names. cyrb53, a 53-bit string hash.
 */
export function codesSig(codes: string[]): string {
  const s = codes.join('\u0001');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function derive(row: { id: number; api?: unknown; ui?: unknown }): Derived {
  const m = mergeClient(row.id, row.api as SideFacts | undefined, row.ui as SideFacts | undefined);
  const tally = m.removed ? TALLY.removed : m.masked ? TALLY.masked : TALLY.clear;
  // One location per account: a single partition.
  return { partitions: [''], tally, sig: codesSig(m.custom.map(([code]) => code)) };
}
