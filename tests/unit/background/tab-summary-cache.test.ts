/**
 * The CRM tab's Insights line is built once per state of the rows and settings, not once per tab:
 * a tab opened after a run completed gets the line built then; written rows or new settings build it again.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toRow } from '@/utils/engine/rows';
import { derive } from '@/utils/sources/alfacrm/derive';
import type { ApiFacts } from '@/utils/sources/alfacrm/types';
import { freshExtension } from '../engine/engine-harness';

const ACCOUNT = 'https://demo.s20.online';
const page = { source: 'alfacrm' as const, account: ACCOUNT, partition: '1' };
const lead = (id: number, reason: number | null): ApiFacts => ({
  record: { id, name: `Lead ${id}`, branch_ids: [1], is_study: 0, lead_reject_id: reason },
  archived: reason !== null,
  fetchedAt: '2026-11-01T00:00:00Z',
});

async function setUp() {
  vi.resetModules();
  await freshExtension();
  const { db } = await import('@/utils/engine/store');
  const { engineOf } = await import('@/utils/sources');
  const { ensureJob, updateJob } = await import('@/utils/engine/jobs');
  const cache = await import('@/utils/background/tab-summary-cache');
  const { storedSettings } = await import('@/utils/insights-store/items');
  await db.rows.bulkPut([1, 2, 3].map((id) => toRow('alfacrm', ACCOUNT, id, { api: lead(id, id === 3 ? null : 4) }, derive)));
  const job = await ensureJob('alfacrm', ACCOUNT, '1');
  const finishRun = (id: string) =>
    updateJob(job.key, (j) => Object.assign(j, { state: 'idle', run: { id, mode: 'full', tasks: [], syncs: true, exports: [] } }));
  await finishRun('2026-11-30T10:00:00.000Z');
  const built = vi.spyOn(engineOf('alfacrm'), 'insights');
  return { db, cache, built, finishRun, job, updateJob, storedSettings };
}

describe('the tab Insights line', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('is built once a run completes and handed to every tab after, until rows are written or the settings change', async () => {
    const { cache, built, finishRun, storedSettings } = await setUp();
    const { putApiRecords } = await import('@/utils/sources/alfacrm/facts');
    const { db } = await import('@/utils/engine/store');
    await putApiRecords(db, ACCOUNT, [lead(4, 4).record], true, '2026-11-30T09:00:00Z');
    await cache.warmTabSummary(`alfacrm|${ACCOUNT}|1`);
    expect(built).toHaveBeenCalledTimes(1);
    const first = await cache.tabSummaryFor(page);
    expect(first).toMatchObject({ archivedLeads: 3, reasons: { '4': { count: 3 } } });
    expect(await cache.tabSummaryFor(page)).toEqual(first);
    expect(built).toHaveBeenCalledTimes(1);

    // A run that wrote nothing (a quiet sync) leaves the line as it was.
    await finishRun('2026-11-30T11:00:00.000Z');
    await cache.warmTabSummary(`alfacrm|${ACCOUNT}|1`);
    expect(built).toHaveBeenCalledTimes(1);

    await putApiRecords(db, ACCOUNT, [lead(5, 4).record], true, '2026-11-30T12:00:00Z');
    expect(await cache.tabSummaryFor(page)).toMatchObject({ archivedLeads: 4, reasons: { '4': { count: 4 } } });
    expect(built).toHaveBeenCalledTimes(2);

    await storedSettings.set(ACCOUNT, { categories: { '4': 'target' } } as never);
    await cache.tabSummaryFor(page);
    expect(built).toHaveBeenCalledTimes(3);
  });
});
