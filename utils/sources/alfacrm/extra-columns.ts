/**
 * The CSV's extra columns: every API key the fixed columns do not represent (`custom_*`
 * included), in API order. A key that only some records have is placed right after the key
 * that precedes it in the first record having it; when all records share one key order this is
 * exactly the first-seen order.
 */
import { REPRESENTED_API_KEYS } from './columns';
import type { ApiRecord } from './types';

/** Records fed in id order; a record whose keys were all seen before changes nothing. */
export class ExtraColumns {
  readonly columns: string[] = [];
  private readonly seen = new Set<string>();

  add(record: ApiRecord): void {
    let anchor = -1; // index in `columns` of the previous key of this record
    for (const key of Object.keys(record)) {
      if (REPRESENTED_API_KEYS.has(key)) continue;
      if (this.seen.has(key)) {
        anchor = this.columns.indexOf(key);
        continue;
      }
      this.seen.add(key);
      this.columns.splice(anchor + 1, 0, key);
      anchor += 1;
    }
  }
}

/**
 * A short signature of a record's keys in order (stored and indexed with each row): since only
 * the first record of each key order can add columns, the export looks at one record per
 * signature instead of reading every record twice. All keys, not only today's extra ones, so a
 * stored signature stays true whatever the fixed columns become. cyrb53, a 53-bit string hash.
 */
export function keyOrderSig(record: ApiRecord): string {
  const text = Object.keys(record).join('\u0001');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
