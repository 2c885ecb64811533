/**
 * AlfaCRM's part of the CRM tab: its readers (the archive board, the clients archive grid),
 * each reporting in units the background commits one by one, and where its button goes.
 */
import type { SourceTab, TabReader } from '../../engine/source';
import { readLeadArchive } from './archive-reader';
import { readCustomerArchive } from './customer-archive-reader';
import { pageKind } from './page-kind';
import { alfacrmPages } from './pages';
import { parseWithDomParser } from './ui-fetch';

/** Names of AlfaCRM's tab reads (task names). */
export const TAB_READS = { board: 'archive-board', grid: 'customer-archive' } as const;

const board: TabReader = {
  async read(req, io) {
    const result = await readLeadArchive({
      pageUrl: `${location.origin}/company/${req.partition}/lead/index`,
      parse: parseWithDomParser,
      skipColumn: (id, count) => req.skip[String(id)] === count,
      known: (id) => req.known?.[String(id)],
      onProgress: (p) => io.progress(p.done, p.expected),
      onColumn: (col) =>
        io.unit({ key: String(col.columnId), count: col.count, label: col.columnName, items: col.cards, ...(col.kept ? { kept: col.kept } : {}) }),
    });
    const counts = Object.fromEntries(result.columns.map((c) => [String(c.columnId), c.count]));
    const expected = result.columns.reduce((n, c) => n + c.count, 0);
    // With every column read, the ids tell which leads left the archive by any way.
    const complete = result.columns.every((c) => !c.skipped && !c.partial);
    return { expected, counts, ...(complete ? { ids: result.ids } : {}) };
  },
};

const grid: TabReader = {
  async read(req, io) {
    let page = 0;
    const result = await readCustomerArchive(Number(req.partition), {
      pageUrl: location.href,
      parse: parseWithDomParser,
      onProgress: (p) => io.progress(p.done, p.expected),
      onRows: (rows) => io.unit({ key: `page:${++page}`, count: rows.length, label: 'clients archive', items: rows }),
    });
    return { expected: result.expected, counts: {}, ids: result.ids };
  },
};

export const alfacrmTab: SourceTab = {
  pages: alfacrmPages,
  readers: { [TAB_READS.board]: board, [TAB_READS.grid]: grid },
  button: {
    testId: 'export-archive',
    label: 'button.exportArchive',
    anchor: (doc) => doc.querySelector('ul.nav-tabs') ?? doc.body.firstElementChild,
  },
  diagnosticsFile: 'alfacrm-diagnostics.json',
  archiveView: {
    // «Архів (відмови)»: the leads board with `LeadSearch[f_removed]=2`, one column per reject reason.
    is: (url) => pageKind(url) === 'leads' && new URL(url).searchParams.get('LeadSearch[f_removed]') === '2',
    columnHeaders: (doc) =>
      [...doc.querySelectorAll('.board-column')].flatMap((col) => {
        const id = /\blead-items-(\d+)\b/.exec(col.className)?.[1];
        const header = col.querySelector('h3');
        return id !== undefined && header ? [{ key: id, header }] : [];
      }),
  },
};
