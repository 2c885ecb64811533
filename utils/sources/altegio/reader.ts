/**
 * «Export clients» and the tab's sync read, in the client-base tab with the page's session
 * (contract §2.3): the custom-field definitions, the id pass (search), then the rows: the bulk
 * list through the page token when its probe passes, else one card per id. Each page or chunk is a
 * unit the background commits with the cursor. Params: `since` reads only changes (bulk list with
 * `changed_after`), `ids` = '0' leaves the id pass out.
 */
import type { TabReadIo, TabReadRequest, TabReadResult } from '../../engine/source';
import { CARDS_PHASE, readCards } from './cards';
import { changedSince } from './changes';
import { altegioError } from './errors';
import { altegioPages, locationOf } from './pages';
import { readPages, type PageAnswer } from './pager';
import { pageTokenOf, WebClient } from './web-client';
import { fetchDefinitions, fetchListPage, fetchSearchPage, PAGE_SIZE, probeList } from './web-reads';

export const PHASES = { defs: 'phase.customFields', ids: 'phase.clientIds', list: 'phase.clientList', cards: CARDS_PHASE } as const;

/** What the tab gives the reader: its page, and how to parse HTML and fetch. */
export interface TabEnv {
  href: string;
  doc: Document;
  parse(html: string): Document;
  fetch?: typeof fetch;
}

export function browserEnv(): TabEnv {
  return { href: location.href, doc: document, parse: (html) => new DOMParser().parseFromString(html, 'text/html') };
}

export async function readClients(req: TabReadRequest, io: TabReadIo, env: TabEnv = browserEnv()): Promise<TabReadResult> {
  const page = altegioPages.page(env.href);
  const cid = page ? locationOf(page.account) : null;
  if (!page || cid === null) throw altegioError('layout-not-recognised', 'not a page of a location', { path: new URL(env.href).pathname.replace(/\d+/g, 'N') });
  const web = new WebClient(new URL(env.href).origin, pageTokenOf(env.doc), io, env.fetch);
  // Unit keys are unique per attempt: a read asked again must not collide with this one's.
  const attempt = Date.now().toString(36);
  let n = 0;
  try {
    const defs = await fetchDefinitions(web, cid, env.parse);
    await io.unit({ key: `defs:${attempt}`, count: 0, label: 'custom fields', items: defs ?? [], progress: { phase: PHASES.defs, done: 0, total: 0 } });
    const since = req.params?.since;
    let ids: number[] | null = since && req.params?.ids === '0' ? null : [];
    const readIds = async () => {
      const all: number[] = [];
      for await (const p of readPages({ what: 'client search', size: PAGE_SIZE, fetch: (pg, size) => fetchSearchPage(web, cid, pg, size) })) {
        all.push(...p.rows.map((r) => r.id));
        await io.unit({
          key: `ids:${attempt}:${++n}`,
          count: 0,
          label: 'client ids',
          items: p.rows,
          progress: { phase: PHASES.ids, done: p.seen, total: p.total },
        });
      }
      return all.sort((a, b) => a - b);
    };
    if (ids) ids = await readIds();
    const first = await probeList(web, cid, since);
    if (first) {
      let served: PageAnswer | null = first;
      const fetchPage = (pg: number, size: number) => {
        // The probe was page 1: it is not asked again.
        const cached = pg === 1 && size === PAGE_SIZE ? served : null;
        served = null;
        return cached ? Promise.resolve(cached) : fetchListPage(web, cid, pg, size, since);
      };
      const matches = since ? (r: Record<string, unknown>) => changedSince(r, since) : undefined;
      for await (const p of readPages({ what: 'client list', size: PAGE_SIZE, fetch: fetchPage, matches })) {
        await io.unit({
          key: `list:${attempt}:${++n}`,
          count: 0,
          label: 'client list',
          items: p.rows,
          progress: { phase: PHASES.list, done: p.seen, total: p.total },
        });
      }
    } else {
      ids ??= await readIds();
      await readCards(web, cid, ids, req, io);
    }
    return { expected: ids?.length ?? 0, counts: { [first ? 'list' : 'cards']: 1 }, ...(ids ? { ids } : {}) };
  } finally {
    await web.end();
  }
}
