/** LiveTex's export file: fixed columns, every stored lead of the account once, and its name. */
import type { ExportTarget, FileLayout } from '../../engine/source';
import { sanitizeHost } from '../../files/csv';
import { cellsOf } from './cells';
import { COLUMN_TYPES, COLUMNS, headerRow } from './columns';
import { factsOf } from './facts';

export function layout(): Promise<FileLayout> {
  return Promise.resolve({
    columns: [...COLUMNS],
    header: headerRow,
    cells: (row) => {
      const facts = factsOf(row);
      return facts ? cellsOf(facts) : null;
    },
    types: COLUMN_TYPES,
  });
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `livetex-leads-{host}-{YYYY-MM-DD}` (local date), without the extension. */
export function fileName(target: ExportTarget, date: Date): string {
  const ymd = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return `livetex-leads-${sanitizeHost(new URL(target.account).host)}-${ymd}`;
}
