/**
 * Board reads after a sync cost what changed, not the board: the tab's real reader, against the
 * simulator (three cards a page, so columns have pagers), reads a changed column only down to
 * where the cards it held resume, skips unchanged ones, and the store stays exact.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSimulator, type Simulator } from '../../simulator/server';
import type { Job } from '@/utils/engine/run';
import type { RecordRow } from '@/utils/engine/store';
import type { ApiFacts, UiFacts } from '@/utils/sources/alfacrm/types';
import { configure, freshExtension, newWorker, realCrmTab, syncAndWait } from '../engine/engine-harness';

const ui = (r: RecordRow) => r.ui as UiFacts | undefined;
const api = (r: RecordRow) => r.api as ApiFacts | undefined;
const boardRequests = (sim: Simulator) => {
  const k = sim.stats().byKind;
  return { columns: k['ui-board'] ?? 0, pagers: k['ui-pager'] ?? 0, pages: k['ui-page'] ?? 0 };
};

describe('AlfaCRM board reads after a sync', () => {
  let sim: Simulator;
  let w: Awaited<ReturnType<typeof newWorker>>;
  let key: string;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small', knobs: { apiRateLimit: 100, duplicateRate: 0, uiPageSize: 3 } });
  });
  afterAll(async () => sim?.close());
  beforeEach(async () => {
    await freshExtension();
    await configure([{ id: 'a1', source: 'alfacrm', origin: sim.url, login: sim.credentials.apiEmail }], { a1: sim.credentials.apiKey });
    await realCrmTab(sim);
    w = await newWorker();
    key = (await w.ensureJob('alfacrm', sim.url, '1')).key;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    // The tab's globals go; the fake browser (stubbed by WXT's test setup) stays.
    vi.unstubAllGlobals();
    vi.stubGlobal('chrome', fakeBrowser);
    vi.stubGlobal('browser', fakeBrowser);
  });

  const run = (mode: 'full' | 'incremental'): Promise<Job> => syncAndWait(w, key, mode, 60_000);

  async function expectBoardExact(): Promise<void> {
    const rows = await w.db.rows.toArray();
    const onBoard = rows
      .filter((r) => ui(r)?.archived && ui(r)?.kind === 'lead')
      .map((r) => r.id)
      .sort((a, b) => a - b);
    expect(onBoard).toEqual([...sim.truth.archivedLeadIds(1)].sort((a, b) => a - b));
    const reasons = new Map(sim.truth.records().map((r) => [r.id as number, (r.lead_reject_id as number | null) ?? 0]));
    expect(rows.filter((r) => ui(r)?.archived && ui(r)?.columnId !== reasons.get(r.id)).map((r) => r.id)).toEqual([]);
    const archived = new Set([...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1)]);
    expect(rows.filter((r) => api(r) && api(r)!.archived !== archived.has(r.id)).map((r) => r.id)).toEqual([]);
  }

  it('after 10 leads archived and 2 restored, reads the touched columns down to their known cards, and no other pager', async () => {
    sim.resetStats();
    await run('full');
    await expectBoardExact();
    const full = boardRequests(sim);
    expect(full.pagers).toBeGreaterThan(10);

    sim.mutate.archiveLeads(1, 10);
    for (const id of sim.truth.archivedLeadIds(1).slice(0, 2)) sim.mutate.restoreLead(id);
    sim.resetStats();
    await run('incremental');
    await expectBoardExact();
    const after = boardRequests(sim);
    // One archive page, one first page per column, and pagers only where more new cards came in
    // than a page holds (newest first): here none. Re-reading each touched column whole takes 10.
    expect(after.pages).toBe(1);
    expect(after.pagers).toBeLessThanOrEqual(2);
  }, 90_000);

  it('with nothing changed, an incremental run reads no board at all', async () => {
    await run('full');
    sim.resetStats();
    await run('incremental');
    expect(boardRequests(sim)).toEqual({ columns: 0, pagers: 0, pages: 0 });
  }, 90_000);

  it('«Export archive» right after a sync that saw the changes reads no column again', async () => {
    await run('full');
    sim.mutate.archiveLeads(1, 10);
    for (const id of sim.truth.archivedLeadIds(1).slice(0, 2)) sim.mutate.restoreLead(id);
    await run('incremental');
    sim.resetStats();
    const url = `${sim.url}/company/1/lead/index?LeadSearch%5Bf_removed%5D=2`;
    const { pageOf } = await import('@/utils/sources/pages');
    const { startExport } = await import('@/utils/engine/exports');
    const { jobKey, runId } = await startExport({ tabId: 6, frameId: 0, url, page: pageOf(url)! });
    await vi.waitFor(
      async () => {
        const j = await w.db.jobs.get(jobKey);
        const board = j?.run?.id === runId ? j.run.tasks.find((t) => t.kind === 'tab') : undefined;
        expect(j?.run?.id !== runId || board === undefined || board.state === 'done').toBe(true);
      },
      { timeout: 60_000, interval: 50 },
    );
    // One look at each column (its count) and the API's changes since the sync: no pager at all.
    const columns = Object.keys((await w.db.jobs.get(jobKey))!.memo.lastCounts as Record<string, number>).length;
    expect(boardRequests(sim)).toEqual({ columns, pagers: 0, pages: 1 });
    expect(sim.stats().byKind.api).toBeLessThanOrEqual(2);
  }, 90_000);
});
