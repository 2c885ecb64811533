/**
 * Reading a paged Altegio list to its end (contract §3): pages from 1; a page shorter than asked
 * while `total_count` says more means the size was not honoured (paging restarts with the size
 * served); repeated ids are dropped; a list that never ends stops at a hard cap; a filtered list
 * whose rows do not match its filter is the fallback trap (the whole base): an answer with no
 * matching row means "none", one with some is broken. Pure: the fetch is passed in.
 */
import { CrmError } from '../../errors';
import { altegioError } from './errors';

export type Row = Record<string, unknown> & { id: number };

export interface PageAnswer {
  rows: Row[];
  total: number;
}

export interface PagerOptions {
  what: string;
  size: number;
  fetch(page: number, size: number): Promise<PageAnswer>;
  /** A filtered list: whether a row satisfies the filter. */
  matches?(row: Row): boolean;
  /** Times the whole list may be read again when it moved under the reader (default 2). */
  rereads?: number;
}

export interface PagerPage {
  page: number;
  /** Rows not seen before in this read. */
  rows: Row[];
  total: number;
  seen: number;
}

/** Pages of new rows, in order; ends when one pass saw every row `total_count` promised. */
export async function* readPages(opts: PagerOptions): AsyncGenerator<PagerPage> {
  const seen = new Set<number>();
  let pass = new Set<number>();
  let size = opts.size;
  let resized = false;
  let rereads = opts.rereads ?? 2;
  let total: number | null = null;
  let page = 1;
  const again = (why: string) => {
    if (rereads-- <= 0) throw new CrmError('incomplete-read', `${opts.what}: ${why}`);
    pass = new Set();
    page = 1;
  };
  for (;;) {
    const ans = await opts.fetch(page, size);
    if (opts.matches && ans.rows.length) {
      const ok = ans.rows.filter((r) => opts.matches!(r)).length;
      // The fallback trap: a filter that matched nobody answered with the whole base.
      if (ok === 0 && page === 1) return;
      if (ok < ans.rows.length) throw altegioError('malformed-response', `${opts.what}: rows outside the filter on page ${page}`);
    }
    const fresh = ans.rows.filter((r) => !seen.has(r.id));
    for (const r of ans.rows) {
      seen.add(r.id);
      pass.add(r.id);
    }
    if (fresh.length) yield { page, rows: fresh, total: ans.total, seen: seen.size };
    // Rows shift when one leaves or comes while the list is read: read it all again.
    const moved = total !== null && ans.total !== total;
    total = ans.total;
    if (moved) {
      again(`the list changed while it was read (${total} rows)`);
      continue;
    }
    if (pass.size >= total) return;
    if (ans.rows.length === 0) {
      again(`an empty page ${page} at ${pass.size} of ${total} rows`);
      continue;
    }
    if (ans.rows.length < size) {
      // Fewer rows than asked while more are due: the CRM serves another size. Go on with it.
      if (resized) {
        again(`short pages at ${pass.size} of ${total} rows`);
        continue;
      }
      resized = true;
      size = ans.rows.length;
      if (page > 1) again('the page size changed');
      else page++;
      continue;
    }
    page++;
    if (page > Math.ceil(total / size) * 2 + 5) throw new CrmError('pager-never-ends', `${opts.what}: ${page} pages, ${pass.size} of ${total}`);
  }
}
