/** How a stored row is made from facts: the one place its derived, indexed fields are set. */
import type { RecordRow } from './store';
import type { Derived, SourceId } from './source';

export function partKey(source: SourceId, account: string, partition: string): string {
  return `${source}|${account}|${partition}`;
}

/** The indexed key of a count mark in one partition. */
export function markKey(part: string, mark: string): string {
  return `${part}|${mark}`;
}

/** The row as stored: every write goes through here, so the derived, indexed fields stay true. */
export function toRow(
  source: SourceId,
  account: string,
  id: number,
  facts: { api?: unknown; ui?: unknown },
  derive: (r: Pick<RecordRow, 'api' | 'ui' | 'id'>) => Derived,
): RecordRow {
  const d = derive({ id, api: facts.api, ui: facts.ui });
  const parts = d.partitions.map((p) => partKey(source, account, p));
  const row: RecordRow = { source, account, id, parts, tally: d.tally };
  if (d.marks?.length) row.marks = parts.flatMap((p) => d.marks!.map((m) => markKey(p, m)));
  if (facts.api !== undefined) row.api = facts.api;
  if (facts.ui !== undefined) row.ui = facts.ui;
  if (d.unit !== undefined) row.unit = d.unit;
  if (d.sig !== undefined) row.sig = d.sig;
  return row;
}
