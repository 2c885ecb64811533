/**
 * The run engine's cursor: a worker that dies in the middle of a pass is followed by one that
 * goes on from the pages already committed, never from zero, and the store ends exact (no row
 * lost, none twice).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import type { ApiTask } from '@/utils/engine/run';
import { configure, freshExtension, newWorker, recordFetch, type Sent } from './engine-harness';

const pageOf = (s: Sent) => (JSON.parse(s.body || '{}') as { removed?: number; page?: number; is_study?: number }) ?? {};
const isArchivedPage = (s: Sent) => s.url.endsWith('/customer/index') && pageOf(s).removed === 2;

describe('a run resumes from its cursor', () => {
  let sim: Simulator;
  let rec: ReturnType<typeof recordFetch>;
  beforeAll(async () => {
    sim = await startSimulator({ dataset: 'small', knobs: { apiRateLimit: 100, duplicateRate: 0 } });
  });
  afterAll(async () => sim?.close());
  afterEach(() => rec?.restore());

  it('after a worker dies waiting for page k of a pass, the next asks for page k and what is missing, not pages already committed', async () => {
    await freshExtension();
    await configure([{ id: 'a1', source: 'alfacrm', origin: sim.url, login: sim.credentials.apiEmail }], { a1: sim.credentials.apiKey });
    rec = recordFetch();
    const K = 2;
    // The first worker never gets the answer to page K of the archive pass: it dies there.
    rec.hang((s) => isArchivedPage(s) && pageOf(s).page === K);
    const w1 = await newWorker();
    const job = await w1.ensureJob('alfacrm', sim.url, '1');
    void w1.syncNow(job.key, 'full');
    const archivedTask = async () => (await w1.db.jobs.get(job.key))?.run?.tasks.find((t) => t.name === 'archived') as ApiTask | undefined;
    // Pages 0, 1 and 3 are committed; page K is in flight.
    await vi.waitFor(async () => expect((await archivedTask())?.pagesDone.slice().sort()).toEqual([0, 1, 3]), { timeout: 30_000, interval: 50 });
    const atDeath = (await w1.db.jobs.get(job.key))!;
    expect(atDeath.state).toBe('running');
    expect((await archivedTask())!.done).toBe(false);
    const before = rec.sent.length;

    rec.hang(() => false);
    const w2 = await newWorker();
    await w2.resumeAll();
    await vi.waitFor(async () => expect((await archivedTask())?.done).toBe(true), { timeout: 30_000, interval: 50 });
    const after = rec.sent.slice(before);
    // The new worker asked for page K of the archive pass only: nothing before it, no other pass
    // again (page K may go twice: a loaded machine's 429 or reset is retried).
    expect([...new Set(after.filter(isArchivedPage).map((s) => pageOf(s).page))]).toEqual([K]);
    expect(after.filter((s) => s.url.endsWith('/customer/index') && pageOf(s).removed === 0)).toEqual([]);
    expect(after.filter((s) => /(lead-reject|lead-status|lead-source|customer-reject)\/index$/.test(s.url))).toEqual([]);

    const rows = (await w2.db.rows.toArray()).filter((r) => r.parts.includes(`alfacrm|${sim.url}|1`) && r.api);
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    const truth = [...sim.truth.activeIds(1), ...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1)].sort((a, b) => a - b);
    expect(ids).toEqual(truth);
    const archived = new Set([...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1)]);
    expect(rows.filter((r) => (r.api as { archived: boolean }).archived !== archived.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});
