/**
 * AlfaCRM's export-ready line of a record, made on every write: its fixed cells (dictionary texts
 * as the page gave them, resolved by id when the file is written; the branch cell filled then),
 * its extra API keys, and the scopes it is in. A file reads these instead of whole records.
 */
import type { LineItem } from '../../engine/line-blocks';
import type { LineRow, RecordRow } from '../../engine/store';
import { REPRESENTED_API_KEYS } from './columns';
import { cellText, FIXED_COLUMNS, isArchived, kindOf, mergeCells } from './merge';
import type { ApiFacts, Dictionaries, StoredRecord, UiFacts } from './types';

type Fixed = (typeof FIXED_COLUMNS)[number];
const at = (c: Fixed) => FIXED_COLUMNS.indexOf(c);
const BRANCH = at('branch_id');
/** Text cells that come from a dictionary by the id in another cell. */
const BY_ID: [id: number, text: number, dict: keyof Dictionaries][] = [
  [at('lead_status_id'), at('lead_status'), 'leadStatus'],
  [at('lead_reject_id'), at('lead_reject_reason'), 'leadReject'],
  [at('customer_reject_id'), at('customer_reject_reason'), 'customerReject'],
  [at('lead_source_id'), at('lead_source'), 'leadSource'],
];

function factsOf(row: Pick<RecordRow, 'id' | 'api' | 'ui'>): StoredRecord {
  return { id: row.id, api: row.api as ApiFacts | undefined, ui: row.ui as UiFacts | undefined };
}

export function project(row: RecordRow): Pick<LineRow, 'scopes' | 'data'> | null {
  const rec = factsOf(row);
  if ((!rec.api && !rec.ui) || rec.api?.gone) return null;
  // Which branch is the line's parts (derive.ts); here which of the scopes it is in.
  const scopes = ['all'];
  const kind = isArchived(rec) ? kindOf(rec) : undefined;
  if (kind === 'lead') scopes.push('archived-leads');
  if (kind === 'customer') scopes.push('archived-customers');
  const fixed = mergeCells(rec, null, { branch: 0, only: 'all' }, []);
  const extra: Record<string, string> = {};
  const record = rec.api?.record;
  if (record) for (const key of Object.keys(record)) if (!REPRESENTED_API_KEYS.has(key)) extra[key] = cellText(record[key]);
  return { scopes, data: JSON.stringify([fixed, extra]) };
}

/** The cells of a line in a file: the branch, the dictionary texts, the extra columns in order. */
export function lineCells(line: LineItem, branch: number, dicts: Dictionaries | null, extras: readonly string[]): string[] {
  const [fixed, extra] = JSON.parse(line.data) as [string[], Record<string, string>];
  fixed[BRANCH] = String(branch);
  if (dicts) {
    for (const [id, text, dict] of BY_ID) {
      const name = fixed[id] === '' ? undefined : dicts[dict][Number(fixed[id])];
      if (typeof name === 'string') fixed[text] = name;
    }
  }
  for (const key of extras) fixed.push(extra[key] ?? '');
  return fixed;
}
