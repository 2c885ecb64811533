/**
 * Reads the clients archive tab («Архівні», `customer/index?CustomerSearch[f_removed]=2`): the
 * GridView pages in turn, until the pager has no «next». The summary's total is what it should
 * hold.
 */
import { CrmError } from '../../errors';
import type { UiCard } from './types';
import { parseCustomerGrid } from './grid';
import { fetchUiText, type ParseHtml } from './ui-fetch';

export interface CustomerArchiveOptions {
  pageUrl: string;
  parse: ParseHtml;
  onRows: (rows: UiCard[]) => Promise<void>;
  onProgress?: (p: { done: number; expected: number }) => void;
  pageSize?: number;
  onRequest?: () => void;
}

export function customerArchiveUrl(pageUrl: string, branch: number, pageSize: number): string {
  const url = new URL(`/company/${branch}/customer/index`, pageUrl);
  url.searchParams.set('CustomerSearch[f_removed]', '2');
  url.searchParams.set('page', '1');
  url.searchParams.set('pageSize', String(pageSize));
  return url.href;
}

export async function readCustomerArchive(branch: number, opts: CustomerArchiveOptions): Promise<{ expected: number; ids: number[] }> {
  const seen = new Set<number>();
  let expected: number | null = null;
  let url: string | null = customerArchiveUrl(opts.pageUrl, branch, opts.pageSize ?? 100);
  for (let page = 1; url; page++) {
    const grid = parseCustomerGrid(opts.parse(await fetchUiText(url, { onRequest: opts.onRequest })), url);
    if (!grid.isArchiveTab) throw new CrmError('layout-not-recognised', 'the clients archive did not open');
    expected ??= grid.summaryTotal;
    if (expected == null) throw new CrmError('layout-not-recognised', 'no total in the clients grid summary');
    if (page > Math.ceil(expected / Math.max(grid.rows.length, 1)) * 2 + 5) {
      throw new CrmError('pager-never-ends', `clients archive: ${page} pages for ${expected} rows`);
    }
    const fresh = grid.rows.filter((r) => !seen.has(r.id));
    if (grid.rows.length > 0 && fresh.length === 0) {
      throw new CrmError('incomplete-read', `clients archive: page ${page} repeats the previous page`);
    }
    for (const r of fresh) seen.add(r.id);
    if (grid.rows.length) await opts.onRows(grid.rows);
    opts.onProgress?.({ done: seen.size, expected });
    url = grid.nextPageUrl;
  }
  const total = expected ?? 0;
  if (seen.size < total) throw new CrmError('incomplete-read', `expected ${total}, got ${seen.size}`);
  return { expected: total, ids: [...seen] };
}
