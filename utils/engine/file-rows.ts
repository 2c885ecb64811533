/** Reading an account's rows for a file: in id order a chunk at a time, and one per signature. */
import type { SourceId } from './source';
import type { ExportDb, RecordRow } from './store';

/** Records per read: one chunk is all a file build holds at a time (besides the next, being read). */
export const CHUNK = 2000;

/** The account's rows after id `after`, a chunk at a time, in id order. */
export function chunkAfter(db: ExportDb, source: SourceId, account: string, after: number): Promise<RecordRow[]> {
  return db.rows.where('[source+account+id]').between([source, account, after], [source, account, Infinity], false).limit(CHUNK).toArray();
}

/**
 * The first row (by id) of each signature that passes `keep`, in id order. Columns that depend
 * on a record's keys can only be added by the first record of each key order, so a file reads
 * these instead of every record twice. One key lookup per signature.
 */
export async function firstPerSignature(db: ExportDb, source: SourceId, account: string, keep: (r: RecordRow) => boolean): Promise<RecordRow[]> {
  const index = db.rows.where('[source+account+sig+id]');
  const firsts: RecordRow[] = [];
  // Signatures are base-36 strings and ids finite numbers: these bounds enclose them all.
  let next = await index.between([source, account, '', -Infinity], [source, account, '\uffff', Infinity]).first();
  while (next?.sig !== undefined) {
    const sig = next.sig;
    const first = await index.between([source, account, sig, -Infinity], [source, account, sig, Infinity]).filter(keep).first();
    if (first) firsts.push(first);
    next = await index.between([source, account, sig, Infinity], [source, account, '\uffff', Infinity], false).first();
  }
  return firsts.sort((a, b) => a.id - b.id);
}
