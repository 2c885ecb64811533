/**
 * Reads the leads archive tab «Архів (відмови)» through the UI's own XHR: every column
 * (`lead/board`) and every `crm-scroll-pager` to the end. Runs in the content script.
 * Each column's `board-count` is what it should hold; a shortfall is an error, not a success.
 */
import { CrmError } from '../../errors';
import type { BoardColumn, UiCard } from './types';
import { archiveTabUrl, parseBoardPage, parseColumnContent, parsePagerContent } from './board';
import { branchFromUrl } from './page-kind';
import { readBoardJson } from './response';
import { fetchUiText, type ParseHtml } from './ui-fetch';

export interface ArchiveChunk {
  columnId: number;
  columnName: string;
  cards: UiCard[];
  /** Cards the column still holds from the last read, not read again (by id). */
  kept?: number[];
}

export interface ReadProgress {
  done: number;
  expected: number;
}

export interface ArchiveReadOptions {
  /** A URL of the leads board of the branch (any tab). */
  pageUrl: string;
  parse: ParseHtml;
  /** A column read in full (the background commits a column at a time). */
  onColumn?: (column: ArchiveChunk & { count: number }) => Promise<void>;
  onProgress?: (p: ReadProgress) => void;
  /** Columns read at the same time. */
  concurrency?: number;
  /** Columns to skip because their count is unchanged (incremental refresh). */
  skipColumn?: (columnId: number, count: number) => boolean;
  /**
   * What a column held at the last read and which of those left it since: the board shows the
   * newest first, so a column is read down to where the cards it held resume, and taken as read
   * when its count then agrees; otherwise it is read to the end.
   */
  known?: (columnId: number) => { held: number[]; left: number[] } | undefined;
  onRequest?: () => void;
}

export interface ArchiveReadResult {
  /** Cards the columns read in full should hold (skipped columns excluded). */
  expected: number;
  ids: number[];
  columns: { columnId: number; name: string; count: number; read: number; skipped: boolean; partial?: boolean }[];
}

export async function readLeadArchive(opts: ArchiveReadOptions): Promise<ArchiveReadResult> {
  const branch = branchFromUrl(opts.pageUrl);
  if (branch == null) throw new CrmError('not-a-crm-page');
  // The route is known; the page's own tab link is not needed to find it.
  const archiveUrl = archiveTabUrl({ pageUrl: opts.pageUrl, branch, tabs: [] });
  const html = await fetchUiText(archiveUrl, { onRequest: opts.onRequest });
  const board = parseBoardPage(opts.parse(html), archiveUrl);
  if (!board.isArchiveTab) throw new CrmError('layout-not-recognised', 'the archive tab did not open');

  const seen = new Set<number>();
  const columns: ArchiveReadResult['columns'] = [];
  const state = { seen, expected: 0 };
  const queue = [...board.columns];
  const worker = async () => {
    for (let ref = queue.shift(); ref; ref = queue.shift()) columns.push(await readColumn(ref.url, opts, state));
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 3, queue.length || 1) }, worker));

  const expected = state.expected;
  columns.sort((a, b) => a.columnId - b.columnId);
  const short = columns.filter((c) => c.read < c.count);
  if (seen.size < expected || short.length > 0) {
    const where = short.map((c) => `«${c.name}» ${c.read}/${c.count}`).join(', ');
    throw new CrmError('incomplete-read', `expected ${expected}, got ${seen.size}${where ? `; ${where}` : ''}`);
  }
  return { expected, ids: [...seen], columns };
}

async function readColumn(
  url: string,
  opts: ArchiveReadOptions,
  state: { seen: Set<number>; expected: number },
): Promise<ArchiveReadResult['columns'][number]> {
  const first: BoardColumn = parseColumnContent(readBoardJson(await fetchUiText(url, { xhr: true, onRequest: opts.onRequest })), opts.parse);
  const { seen } = state;
  if (first.count < 0) throw new CrmError('layout-not-recognised', `column «${first.name}» shows no count`);
  if (opts.skipColumn?.(first.columnId, first.count)) {
    return { columnId: first.columnId, name: first.name, count: first.count, read: first.count, skipped: true };
  }
  state.expected += first.count;
  let read = 0;
  const all: UiCard[] = [];
  const take = async (cards: UiCard[]) => {
    const fresh = cards.filter((c) => !seen.has(c.id));
    for (const c of fresh) seen.add(c.id);
    read += cards.length;
    all.push(...fresh);
    opts.onProgress?.({ done: seen.size, expected: state.expected });
    return fresh.length;
  };
  await take(first.cards);
  const hint = opts.known?.(first.columnId);
  const held = new Set(hint?.held ?? []);
  const kept = hint ? hint.held.filter((id) => !hint.left.includes(id)) : [];
  let resumed = first.cards.some((c) => held.has(c.id));
  /** Down to the known cards, and the count agrees: the rest of the column is as it was. */
  const settled = () => hint && resumed && all.filter((c) => !held.has(c.id)).length + kept.length === first.count;

  const perPage = Math.max(first.cards.length, 1);
  const cap = Math.ceil(first.count / perPage) * 2 + 5;
  let pager = first.pagerUrl;
  for (let page = 1; pager && !settled(); page++) {
    if (page > cap) throw new CrmError('pager-never-ends', `«${first.name}»: ${page} pages for ${first.count} cards`);
    const abs = new URL(pager, url).href;
    const chunk = parsePagerContent(readBoardJson(await fetchUiText(abs, { xhr: true, onRequest: opts.onRequest })), opts.parse);
    if (chunk.cards.length > 0 && (await take(chunk.cards)) === 0) {
      throw new CrmError('incomplete-read', `«${first.name}»: a page repeats the previous page's cards`);
    }
    resumed ||= chunk.cards.some((c) => held.has(c.id));
    pager = chunk.pagerUrl;
  }
  if (pager && settled()) {
    const fresh = all.filter((c) => !held.has(c.id));
    for (const id of kept) seen.add(id);
    await opts.onColumn?.({ columnId: first.columnId, columnName: first.name, count: first.count, cards: fresh, kept });
    return { columnId: first.columnId, name: first.name, count: first.count, read: first.count, skipped: false, partial: true };
  }
  if (read < first.count) {
    throw new CrmError('incomplete-read', `«${first.name}»: expected ${first.count}, got ${read}`);
  }
  await opts.onColumn?.({ columnId: first.columnId, columnName: first.name, count: first.count, cards: all });
  return { columnId: first.columnId, name: first.name, count: first.count, read, skipped: false };
}
