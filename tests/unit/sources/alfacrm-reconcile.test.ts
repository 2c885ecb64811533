/** The popup's reconciliation, computed when a run completes: counted by the rows' marks in a real (fake) IndexedDB. */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { newJob } from '@/utils/engine/run';
import { toRow } from '@/utils/engine/rows';
import { ExportDb, type RecordRow } from '@/utils/engine/store';
import { derive } from '@/utils/sources/alfacrm/derive';
import { mismatched } from '@/components/popup/Reconciliation';
import { reconcileJob } from '@/utils/sources/alfacrm/reconcile';
import type { ApiFacts, UiFacts } from '@/utils/sources/alfacrm/types';

const HOST = 'https://demo.s20.online';
const api = (id: number, archived: boolean, isStudy = 0): ApiFacts => ({ record: { id, branch_ids: [1], is_study: isStudy }, archived, fetchedAt: '' });
const ui = (id: number, archived: boolean): UiFacts => ({ branch: 1, kind: 'lead', archived, columnId: 3, reasonText: 'R', card: { id }, seenAt: '' });
const row = (id: number, a?: ApiFacts, u?: UiFacts) => toRow('alfacrm', HOST, id, { api: a, ui: u }, derive);

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** The rows stored (with a row of another branch, which must not count), reconciled as a run's end does. */
async function reconcile(memo: Record<string, unknown>, rows: RecordRow[]) {
  const name = `recon-${Math.random()}`;
  names.push(name);
  const db = new ExportDb(name);
  const elsewhere: ApiFacts = { record: { id: 999, branch_ids: [2], is_study: 0 }, archived: true, fetchedAt: '' };
  await db.rows.bulkPut([...rows, toRow('alfacrm', HOST, 999, { api: elsewhere }, derive)]);
  const r = await reconcileJob(db, { ...newJob('alfacrm', HOST, '1'), memo });
  db.close();
  return r;
}

describe('reconcile', async () => {
  it('counts archived leads per page, API and store on one line, archived clients on their own, and names each disagreement', async () => {
    const rows = [
      row(1, api(1, true), ui(1, true)),
      row(2, api(2, true), ui(2, false)), // the API's archive, not on the board
      row(3, api(3, false), ui(3, true)), // on the board, active per the API
      row(4, undefined, ui(4, true)),
      row(5, api(5, false), undefined),
      row(6, api(6, true, 1), undefined), // an archived client
    ];
    expect(await reconcile({ uiArchived: 4, apiArchived: 5 }, rows)).toEqual({
      lines: [
        { label: 'reconLine.archivedLeads', page: 4, api: 2, stored: 3 },
        { label: 'reconLine.archivedClients', page: null, api: 1, stored: 1 },
      ],
      differences: [
        ['reconcile.boardVsStore', 4, 3],
        ['reconcile.apiOnly', 1],
        ['reconcile.uiOnly', 1],
      ],
    });
  });

  it('a branch whose 40 archived clients the board does not show agrees line by line (no mismatch to mark)', async () => {
    const leads = Array.from({ length: 12 }, (_, i) => row(i + 1, api(i + 1, true), ui(i + 1, true)));
    const clients = Array.from({ length: 40 }, (_, i) => row(100 + i, api(100 + i, true, 1)));
    const r = await reconcile({ uiArchived: 12, apiArchived: 52 }, [...leads, ...clients]);
    expect(r).toEqual({
      lines: [
        { label: 'reconLine.archivedLeads', page: 12, api: 12, stored: 12 },
        { label: 'reconLine.archivedClients', page: null, api: 40, stored: 40 },
      ],
      differences: [],
    });
    expect(r.lines!.map(mismatched)).toEqual([false, false]);
  });

  it('without the API the API column is not read (null), and a line is marked only when its numbers differ', async () => {
    const r = await reconcile({ uiArchived: 3 }, [row(1, undefined, ui(1, true)), row(2, undefined, ui(2, true))]);
    expect(r.lines![0]).toEqual({ label: 'reconLine.archivedLeads', page: 3, api: null, stored: 2 });
    expect(r.lines!.map(mismatched)).toEqual([true, false]);
  });
});
