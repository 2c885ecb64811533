/** What Altegio's runs read, and what they remember for the next (the per-card pass, the id pass). */
import { describe, expect, it } from 'vitest';
import { newJob, startRun, type Job } from '@/utils/engine/run';
import { tabParams } from '@/utils/sources/altegio/commits';
import { noteCardChunk, skippableCards } from '@/utils/sources/altegio/memo';
import { plan } from '@/utils/sources/altegio/plan';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ago = (h: number) => new Date(NOW - h * 3600_000).toISOString();
const job = (memo: Record<string, unknown> = {}, synced = false): Job => ({
  ...newJob('altegio', 'https://app.alteg.io/517301', ''),
  memo,
  ...(synced ? { lastSuccessStartedAt: ago(1) } : {}),
});
const names = (j: Job, mode: 'export' | 'full' | 'incremental', hasApi: boolean) => plan({ mode, job: j, hasApi, scope: null }).tasks.map((t) => t.name);

describe('Altegio plan', () => {
  it('reads in the tab for an export, the API before it when there are credentials', () => {
    expect(names(job(), 'export', false)).toEqual(['clients']);
    expect(names(job(), 'export', true)).toEqual(['api-defs', 'api-list', 'clients']);
    const synced = plan({ mode: 'export', job: job({ listedAt: { api: ago(2) } }, true), hasApi: true, scope: 'clients' }).tasks;
    expect(synced[1]).toMatchObject({ name: 'api-list', query: { since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/) } });
    // Synced through the page alone: the API's list was never read whole, so it is now.
    expect(plan({ mode: 'export', job: job({ listedAt: { ui: ago(2) } }, true), hasApi: true, scope: 'clients' }).tasks[1]).toMatchObject({ query: {} });
  });

  it('syncs from the background with credentials: changes, and the id pass once a day', () => {
    expect(names(job(), 'full', true)).toEqual(['api-defs', 'api-list', 'api-ids']);
    expect(names(job({ idPassAt: new Date().toISOString() }, true), 'incremental', true)).toEqual(['api-defs', 'api-list']);
    expect(names(job({ idPassAt: ago(25) }, true), 'incremental', true)).toEqual(['api-defs', 'api-list', 'api-ids']);
    expect(names(job({}, true), 'incremental', false)).toEqual(['clients']);
  });

  it('tells a sync’s tab read to read changes since the last run, and the id pass when due', async () => {
    const memo = { offsetMin: 180, idPassAt: new Date().toISOString(), listedAt: { ui: '2026-03-10T09:00:00.000Z' } };
    const j = startRun(job(memo, true), 'incremental', [], new Date().toISOString(), true);
    expect(await tabParams({ db: null as never, job: j, client: null })).toEqual({ since: '2026-03-10T10:50:00', ids: '0' });
    const apiOnly = startRun(job({ listedAt: { api: ago(1) } }, true), 'incremental', [], new Date().toISOString(), true);
    expect(await tabParams({ db: null as never, job: apiOnly, client: null })).toEqual({});
    const exporting = startRun(job({}, true), 'export', [], new Date().toISOString(), true);
    expect(await tabParams({ db: null as never, job: exporting, client: null })).toEqual({});
  });
});

describe('the per-card pass between runs', () => {
  const run = (j: Job, mode: 'export' | 'incremental') => startRun(j, mode, [], new Date(NOW).toISOString(), true);

  it('resumes an interrupted pass in the next export, and any of today’s in a sync', () => {
    const first = run(job(), 'export');
    noteCardChunk(first, 'cards:1-10', 10, new Date(NOW - 3600_000));
    const again = run(first, 'export');
    expect(skippableCards(again, NOW)).toEqual({ 'cards:1-10': 10 });
    noteCardChunk(again, 'cards:11-20', 10, new Date(NOW));
    expect(skippableCards(again, NOW)).toEqual({ 'cards:1-10': 10, 'cards:11-20': 10 });
    // Complete: the next export reads every card again; a sync today does not.
    again.memo.cards = { ...(again.memo.cards as object), complete: true };
    expect(skippableCards(run(again, 'export'), NOW)).toEqual({});
    expect(Object.keys(skippableCards(run(again, 'incremental'), NOW))).toHaveLength(2);
    expect(skippableCards(run(again, 'incremental'), NOW + 25 * 3600_000)).toEqual({});
  });

  it('starts a new pass when there is nothing to resume', () => {
    const j = run(job({ cards: { runId: 'old', at: ago(10), chunks: { 'cards:1-10': 10 }, complete: false } }), 'export');
    noteCardChunk(j, 'cards:1-10', 10, new Date(NOW));
    expect(j.memo.cards).toMatchObject({ runId: j.run!.id, chunks: { 'cards:1-10': 10 }, complete: false, at: new Date(NOW).toISOString() });
  });
});
