/** The popup's reconciliation, computed when a run completes. */
import { describe, expect, it } from 'vitest';
import { toRow } from '@/utils/engine/rows';
import { derive } from '@/utils/sources/alfacrm/derive';
import { reconcile } from '@/utils/sources/alfacrm/reconcile';
import type { ApiFacts, UiFacts } from '@/utils/sources/alfacrm/types';

const HOST = 'https://demo.s20.online';
const api = (id: number, archived: boolean, isStudy = 0): ApiFacts => ({ record: { id, branch_ids: [1], is_study: isStudy }, archived, fetchedAt: '' });
const ui = (id: number, archived: boolean): UiFacts => ({ branch: 1, kind: 'lead', archived, columnId: 3, reasonText: 'R', card: { id }, seenAt: '' });
const row = (id: number, a?: ApiFacts, u?: UiFacts) => toRow('alfacrm', HOST, id, { api: a, ui: u }, derive);

describe('reconcile', () => {
  it('counts the stored archive and names each disagreement', () => {
    const rows = [
      row(1, api(1, true), ui(1, true)),
      row(2, api(2, true), ui(2, false)), // the API's archive, not on the board
      row(3, api(3, false), ui(3, true)), // on the board, active per the API
      row(4, undefined, ui(4, true)),
      row(5, api(5, false), undefined),
    ];
    expect(reconcile({ uiArchived: 4, apiArchived: 4 }, rows)).toEqual({
      ui: 4,
      api: 4,
      stored: 4,
      differences: [
        ['reconcile.boardVsStore', 4, 3],
        ['reconcile.apiOnly', 1],
        ['reconcile.uiOnly', 1],
      ],
    });
  });

  it('finds nothing to say when all three agree', () => {
    expect(reconcile({ uiArchived: 1, apiArchived: 1 }, [row(1, api(1, true), ui(1, true))])).toEqual({ ui: 1, api: 1, stored: 1, differences: [] });
  });
});
