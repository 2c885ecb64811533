/** Reading a paged list to its end, whatever the CRM does with page sizes, filters and moving lists. */
import { describe, expect, it } from 'vitest';
import { readPages, type PageAnswer, type Row } from '@/utils/sources/altegio/pager';
import { saidBy } from './said';

const rows = (ids: number[]): Row[] => ids.map((id) => ({ id, last_change_date: `2024-05-0${(id % 9) + 1}T12:00:00+0300` }));
const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

/** A list served like the CRM: pages from 1, `served(count)` rows a page. */
function server(all: () => number[], served = (count: number) => count) {
  const calls: [number, number][] = [];
  return {
    calls,
    fetch: async (page: number, count: number): Promise<PageAnswer> => {
      calls.push([page, count]);
      const size = served(count);
      const list = all();
      return { rows: rows(list.slice((page - 1) * size, page * size)), total: list.length };
    },
  };
}

async function collect(it: AsyncGenerator<{ rows: Row[] }>): Promise<number[]> {
  const out: number[] = [];
  for await (const p of it) out.push(...p.rows.map((r) => r.id));
  return out;
}

describe('readPages', () => {
  it('reads every page once', async () => {
    const s = server(() => range(450));
    expect(await collect(readPages({ what: 'l', size: 200, fetch: s.fetch }))).toEqual(range(450));
    expect(s.calls).toEqual([
      [1, 200],
      [2, 200],
      [3, 200],
    ]);
  });

  it('goes on with the size served when the CRM serves fewer rows than asked', async () => {
    // `count=1000` silently gives 20 rows (contract §1.3).
    const s = server(
      () => range(65),
      (count) => (count > 300 ? 20 : count),
    );
    expect(await collect(readPages({ what: 'l', size: 1000, fetch: s.fetch }))).toEqual(range(65));
    expect(s.calls).toEqual([
      [1, 1000],
      [2, 20],
      [3, 20],
      [4, 20],
    ]);
  });

  it('reads the list again when it moved under the reader, never yielding a row twice', async () => {
    let list = range(10);
    let served = 0;
    const s = server(() => {
      // A client leaves after the first page: the rows behind it shift one place.
      if (++served === 2) list = list.filter((id) => id !== 2);
      return list;
    });
    const ids = await collect(readPages({ what: 'l', size: 4, fetch: s.fetch }));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id !== 2).sort((a, b) => a - b)).toEqual(list);
  });

  it('takes a filter that matched nobody (the whole base came back) for none, and refuses a mixed page', async () => {
    const since = '2024-05-05T00:00:00';
    const matches = (r: Row) => String(r.last_change_date).slice(0, 19) >= since;
    const whole = server(() => range(3));
    expect(await collect(readPages({ what: 'l', size: 200, fetch: async () => ({ rows: rows([9, 18]), total: 2 }), matches }))).toEqual([]);
    await expect(collect(readPages({ what: 'l', size: 200, fetch: whole.fetch, matches }))).resolves.toEqual([]);
    const mixed = readPages({ what: 'l', size: 200, fetch: async () => ({ rows: rows([5, 9]), total: 2 }), matches });
    expect(await saidBy(() => collect(mixed))).toBe('malformed response (l: rows outside the filter on page 1)');
  });

  it('stops a list that never ends, and one that keeps shrinking its pages', async () => {
    let n = 0;
    const endless = readPages({ what: 'l', size: 2, fetch: async () => ({ rows: rows([++n, ++n]), total: 4 }) });
    await expect(collect(endless)).resolves.toHaveLength(4);
    const repeating = readPages({ what: 'l', size: 2, fetch: async () => ({ rows: rows([1, 2]), total: 4 }) });
    expect(await saidBy(() => collect(repeating))).toMatch(/^pager never ends/);
    let size = 10;
    const shrinking = readPages({ what: 'l', size, fetch: async () => ({ rows: rows(range(--size > 0 ? size : 1, Math.random() * 1e6)), total: 100 }) });
    expect(await saidBy(() => collect(shrinking))).toMatch(/^incomplete read/);
  });
});
