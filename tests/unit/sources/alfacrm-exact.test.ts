/**
 * The store stays exact when the CRM changes under a sync: a lead restored before the cursor of
 * a pass, a lead moved to another branch, a lead deleted, leads archived without a new
 * `updated_at`. The engine runs in this process against the simulator, with a CRM tab that
 * reports the simulator's archive board.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import type { ApiTask, Job } from '@/utils/engine/run';
import type { RecordRow } from '@/utils/engine/store';
import type { ApiFacts, UiFacts } from '@/utils/sources/alfacrm/types';
import { configure, fakeCrmTab, freshExtension, newWorker, recordFetch, type Sent, syncAndWait } from '../engine/engine-harness';

const bodyOf = (s: Sent) => JSON.parse(s.body || '{}') as { removed?: number; page?: number; id?: unknown };
const api = (r: RecordRow) => r.api as ApiFacts | undefined;
const ui = (r: RecordRow) => r.ui as UiFacts | undefined;

describe('AlfaCRM: the store stays exact while the CRM changes', () => {
  let sim: Simulator;
  let rec: ReturnType<typeof recordFetch>;
  let w: Awaited<ReturnType<typeof newWorker>>;
  let key: string;

  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small', knobs: { apiRateLimit: 100, duplicateRate: 0 } });
  });
  afterAll(async () => sim?.close());
  beforeEach(async () => {
    await freshExtension();
    await configure([{ id: 'a1', source: 'alfacrm', origin: sim.url, login: sim.credentials.apiEmail }], { a1: sim.credentials.apiKey });
    fakeCrmTab(sim);
    rec = recordFetch();
    w = await newWorker();
    key = (await w.ensureJob('alfacrm', sim.url, '1')).key;
  });
  afterEach(() => rec.restore());

  /** Starts a run and waits for it to complete. */
  const run = (mode: 'full' | 'incremental'): Promise<Job> => syncAndWait(w, key, mode);

  /** Branch `b` in the store is what the simulator says: every record once, archived as it says. */
  async function expectExact(b: number, opts = { board: true }): Promise<RecordRow[]> {
    const rows = (await w.db.rows.toArray()).filter((r) => r.parts.includes(`alfacrm|${sim.url}|${b}`));
    const archived = new Set([...sim.truth.archivedLeadIds(b), ...sim.truth.archivedCustomerIds(b)]);
    const truth = [...archived, ...sim.truth.activeIds(b)].sort((x, y) => x - y);
    expect(
      rows
        .filter(api)
        .map((r) => r.id)
        .sort((x, y) => x - y),
    ).toEqual(truth);
    expect(rows.filter((r) => api(r)!.archived !== archived.has(r.id)).map((r) => r.id)).toEqual([]);
    if (!opts.board) return rows;
    const board = rows
      .filter((r) => ui(r)?.archived && ui(r)?.kind === 'lead')
      .map((r) => r.id)
      .sort((x, y) => x - y);
    expect(board).toEqual([...sim.truth.archivedLeadIds(b)].sort((x, y) => x - y));
    return rows;
  }

  it('a lead restored before the cursor of the archive pass: the pass starts over, nothing is marked wrongly', async () => {
    const first = Math.min(...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1));
    let restored = false;
    rec.tap((s) => {
      // Page 0 is read; before page 2 is answered, the first lead of the list leaves the archive.
      if (!restored && s.url.endsWith('/1/customer/index') && bodyOf(s).removed === 2 && bodyOf(s).page === 2) {
        sim.mutate.restoreLead(first);
        restored = true;
      }
    });
    const job = await run('full');
    expect(restored).toBe(true);
    expect((job.run!.tasks.find((t) => t.name === 'archived') as ApiTask).restarts).toBeGreaterThan(0);
    // The API side (the board was read beside it, before the change: the next run reads it anew).
    const rows = await expectExact(1, { board: false });
    expect(api(rows.find((r) => r.id === first)!)!.archived).toBe(false);
  });

  it('a lead moved to another branch leaves this one; a deleted lead is kept as gone, never exported', async () => {
    await run('full');
    const [moved, deleted] = sim.truth.archivedLeadIds(1).slice(3, 5);
    sim.mutate.moveBranch(moved, 3);
    sim.mutate.deleteRecord(deleted);
    const job = await run('full');
    expect(job.run!.tasks.map((t) => t.name)).toEqual(expect.arrayContaining(['left-active', 'left-elsewhere']));
    await expectExact(1);
    const all = await w.db.rows.toArray();
    const m = all.find((r) => r.id === moved)!;
    expect(m.parts).toEqual([`alfacrm|${sim.url}|3`]);
    expect(api(m)).toMatchObject({ archived: true, record: { branch_ids: [3] } });
    const d = all.find((r) => r.id === deleted)!;
    expect(api(d)?.gone).toBe(true);
    expect(d.parts).toEqual([]);
    const { buildFile } = await import('@/utils/engine/file');
    const { DEFAULT_SETTINGS } = await import('@/utils/settings/schema');
    const file = await buildFile(w.db, { source: 'alfacrm', account: sim.url, partition: '1', scope: 'archived-leads' }, DEFAULT_SETTINGS, 'en');
    const ids = file.text
      .split('\r\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    expect(ids).not.toContain(moved);
    expect(ids).not.toContain(deleted);
    expect(file.rows).toBe(sim.truth.archivedLeadIds(1).length);
  });

  it('leads archived without a new updated_at are found by the incremental run’s archive count', async () => {
    await run('full');
    const silent = sim.mutate.archiveLeads(1, 3, { silent: true });
    const job = await run('incremental');
    expect(job.run!.mode).toBe('incremental');
    // The changes query saw nothing; the count did, and the archive was read again.
    expect((job.run!.tasks.find((t) => t.name === 'changed') as ApiTask).novel).toEqual([]);
    expect(job.run!.tasks.map((t) => t.name)).toContain('archived');
    const rows = await expectExact(1);
    for (const id of silent) expect(api(rows.find((r) => r.id === id)!)!.archived).toBe(true);
  });

  it('every tenth incremental run is a full one', async () => {
    await run('full');
    await w.db.jobs.update(key, { incrementals: 9 });
    expect((await run('incremental')).run!.mode).toBe('incremental');
    const tenth = await run('incremental');
    expect(tenth.run!.mode).toBe('full');
    expect(tenth.run!.tasks.map((t) => t.name)).toEqual(expect.arrayContaining(['active', 'archived']));
    expect(tenth.incrementals).toBe(0);
  });
});
