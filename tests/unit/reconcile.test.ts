/** The popup's reconciliation, computed when a run completes. */
import { describe, expect, it } from 'vitest';
import { reconcile } from '@/entrypoints/background/sync/reconcile';
import { toRow } from '@/utils/db';
import { newJob } from '@/utils/sync/job';
import type { UiFacts } from '@/utils/types';

const HOST = 'https://demo.s20.online';
const api = (id: number, archived: boolean, isStudy = 0) => ({ record: { id, branch_ids: [1], is_study: isStudy }, archived, fetchedAt: '' });
const ui = (id: number, archived: boolean): UiFacts => ({ branch: 1, kind: 'lead', archived, columnId: 3, reasonText: 'R', card: { id }, seenAt: '' });

describe('reconcile', () => {
  it('counts the stored archive and names each disagreement', () => {
    const job = { ...newJob(HOST, 1), uiArchived: 4, apiArchived: 4 };
    const rows = [
      toRow(HOST, 1, api(1, true), ui(1, true)),
      toRow(HOST, 2, api(2, true), ui(2, false)), // the API's archive, not on the board
      toRow(HOST, 3, api(3, false), ui(3, true)), // on the board, active per the API
      toRow(HOST, 4, undefined, ui(4, true)),
      toRow(HOST, 5, api(5, false), undefined),
    ];
    expect(reconcile(job, rows)).toEqual({
      stored: 4,
      differences: [
        'UI board shows 4 archived leads, the store has 3',
        '1 archived per the API but not on the UI board',
        '1 archived on the UI board but active per the API',
      ],
    });
  });

  it('finds nothing to say when all three agree', () => {
    const job = { ...newJob(HOST, 1), uiArchived: 1, apiArchived: 1 };
    expect(reconcile(job, [toRow(HOST, 1, api(1, true), ui(1, true))])).toEqual({ stored: 1, differences: [] });
  });
});
