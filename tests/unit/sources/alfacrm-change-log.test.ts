/** The change log: its fold (pure), and its reading by a sync against the simulator, incrementally. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import type { Job } from '@/utils/engine/run';
import { foldBackwards, isNew, markOf, overlay, type LogEntry, type LoggedRecord } from '@/utils/sources/alfacrm/change-log';
import { configure, fakeCrmTab, freshExtension, newWorker, recordFetch, type Sent, syncAndWait } from '../engine/engine-harness';

const entry = (id: number, entity: number, at: string, old: unknown, now: unknown): LogEntry => ({
  id,
  entity_id: entity,
  date_time: at,
  fields_old: old,
  fields_new: now,
});

describe('the change log, folded', () => {
  // Newest first, as the API serves it.
  const log = [
    entry(9, 1, '2025-05-09 10:00:00', { lead_reject_id: null }, { lead_reject_id: 6 }),
    entry(8, 1, '2025-05-08 10:00:00', [{ lead_status_id: 2 }], [{ lead_status_id: 3 }]),
    entry(7, 1, '2025-05-07 10:00:00', { lead_status_id: null }, { lead_status_id: 2 }),
    entry(6, 2, '2025-05-06 10:00:00', { lead_reject_id: 4 }, { lead_reject_id: null }),
    entry(5, 2, '2025-05-05 10:00:00', { lead_reject_id: null }, { lead_reject_id: 4 }),
    entry(4, 3, '2025-05-04 10:00:00', { lead_reject_id: 4 }, { lead_reject_id: 5 }),
    entry(3, 3, '2025-05-03 10:00:00', { lead_status_id: 7, lead_reject_id: null }, { lead_status_id: 8, lead_reject_id: 5 }),
  ];

  it('says when each record was last archived and the status it left, a restore undoing an archive', () => {
    const f = foldBackwards(log);
    expect(f.get(1)).toEqual({ id: 1, decided: true, archivedAt: '2025-05-09 10:00:00', fromStatusId: 3, statusId: 3 });
    expect(f.get(2)).toEqual({ id: 2, decided: true, archivedAt: null });
    // A reason changed while archived is not the archiving; an entry that archives and moves the status says the status it left.
    expect(f.get(3)).toMatchObject({ archivedAt: '2025-05-03 10:00:00', fromStatusId: 7, statusId: 8 });
  });

  it('counts an entry once when shifted pages repeat it', () => {
    expect(foldBackwards([...log.slice(0, 3), ...log.slice(1)])).toEqual(foldBackwards(log));
  });

  it('lays a newer read over an older one: the status known before a new archiving is the one it left', () => {
    const older = foldBackwards(log.slice(1)); // record 1: status 3, not archived yet
    expect(older.get(1)).toEqual({ id: 1, statusId: 3 });
    const newer = foldBackwards(log.slice(0, 1));
    expect(overlay(older, newer).get(1)).toEqual(foldBackwards(log).get(1));
    expect(overlay(older, newer).get(2)).toEqual(older.get(2));
  });

  it('tells new entries from those a read saw (same second included)', () => {
    const mark = markOf(log)!;
    expect(mark).toEqual({ at: '2025-05-09 10:00:00', keys: ['#9'] });
    expect(isNew(log[0], mark)).toBe(false);
    expect(isNew(entry(10, 1, '2025-05-09 10:00:00', {}, {}), mark)).toBe(true);
    expect(isNew(log[1], mark)).toBe(false);
    expect(isNew(log[1], null)).toBe(true);
  });
});

describe('the change log, read by a sync', () => {
  let sim: Simulator;
  let rec: ReturnType<typeof recordFetch>;
  let w: Awaited<ReturnType<typeof newWorker>>;
  let key: string;
  const logPages = (sent: Sent[]) => sent.filter((s) => s.url.endsWith('/1/log/index')).map((s) => (JSON.parse(s.body) as { page: number }).page);

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

  const run = (mode: 'full' | 'incremental'): Promise<Job> => syncAndWait(w, key, mode);

  const logged = async () => new Map((((await w.db.lists.get(['alfacrm', sim.url, 'changeLog:1']))?.items ?? []) as LoggedRecord[]).map((r) => [r.id, r]));

  /** Archive moments per the simulator's log: its newest archiving entry per record. */
  function truthArchivedAt(): Map<number, string> {
    const out = new Map<number, string>();
    for (const e of sim.truth.changeLog(1)) {
      const now = Array.isArray(e.fields_new) ? Object.assign({}, ...e.fields_new) : e.fields_new;
      const reject = now.lead_reject_id ?? now.customer_reject_id;
      if (!out.has(e.entity_id) && ('lead_reject_id' in now || 'customer_reject_id' in now)) out.set(e.entity_id, reject == null ? '' : e.date_time);
    }
    return out;
  }

  it('a full sync reads every page once and stores each archived record’s archive moment; later syncs read only what is new', async () => {
    await run('full');
    const total = sim.truth.changeLog(1).length;
    expect(logPages(rec.sent).sort((a, b) => a - b)).toEqual([...Array(Math.ceil(total / 50)).keys()]);
    const truth = truthArchivedAt();
    const stored = await logged();
    for (const id of [...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1)]) {
      expect(stored.get(id)?.archivedAt ?? '').toBe(truth.get(id) ?? '');
    }
    expect((await w.db.lists.toArray()).filter((l) => l.name.startsWith('changeLogPage:'))).toEqual([]);

    // Nothing changed: the incremental run asks the log nothing.
    const quiet = rec.sent.length;
    await run('incremental');
    expect(logPages(rec.sent.slice(quiet))).toEqual([]);

    const archived = sim.mutate.archiveLeads(1, 2);
    const restored = sim.truth.archivedLeadIds(1).find((id) => !archived.includes(id) && truth.get(id))!;
    sim.mutate.restoreLead(restored);
    const before = rec.sent.length;
    await run('incremental');
    expect(logPages(rec.sent.slice(before))).toEqual([0]);
    const after = await logged();
    const now = truthArchivedAt();
    for (const id of archived) expect(after.get(id)?.archivedAt).toBe(now.get(id));
    expect(after.get(restored)?.archivedAt).toBeNull();
    // What the first read knew of the others is kept.
    const other = sim.truth.archivedLeadIds(1).find((id) => !archived.includes(id) && truth.get(id))!;
    expect(after.get(other)).toEqual(stored.get(other));
  });

  it('a log that grows while the full read is under way is read on, not from the start: no page twice, and the next sync has the new entries', async () => {
    let grown: number[] = [];
    rec.tap((s) => {
      // Two leads archived in the CRM while page 2 of the log is on its way.
      if (grown.length === 0 && s.url.endsWith('/1/log/index') && (JSON.parse(s.body) as { page: number }).page === 2) grown = sim.mutate.archiveLeads(1, 2);
    });
    const job = await run('full');
    expect(grown).toHaveLength(2);
    const pages = logPages(rec.sent);
    expect(pages.filter((p) => p === 0)).toHaveLength(1);
    expect(new Set(pages).size).toBe(pages.length);
    const read = job.run!.tasks.find((t) => t.kind === 'api' && t.name === 'change-log');
    expect(read).toMatchObject({ restarts: 0, done: true });
    const before = rec.sent.length;
    await run('incremental');
    expect(logPages(rec.sent.slice(before))).toEqual([0]);
    const now = truthArchivedAt();
    const stored = await logged();
    for (const id of [...sim.truth.archivedLeadIds(1), ...sim.truth.archivedCustomerIds(1)]) expect(stored.get(id)?.archivedAt ?? '').toBe(now.get(id) ?? '');
    for (const id of grown) expect(stored.get(id)?.archivedAt).toBe(now.get(id));
  });
});
