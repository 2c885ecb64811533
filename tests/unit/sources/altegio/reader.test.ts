/**
 * The client-base reads against the simulated Altegio (small dataset), through the source's
 * commits into a store, to the file: the bulk list and the per-card path agree; an interrupted
 * per-card pass resumes; a sync reads changes and flags the removed; masks never replace clear values.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedAfter } from '@/utils/sources/altegio/changes';
import { memoOf } from '@/utils/sources/altegio/memo';
import { startAltegioSimulator, type AltegioSimulator } from '../../../simulator/altegio/server';
import { visibleContacts } from '../../../simulator/altegio/mask';
import { NO_LIMIT } from '../../../simulator/altegio/test-helpers';
import { SimTab } from './sim-tab';
import { saidBy } from './said';

const custom = (row: Record<string, string>) => Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith('custom:')));
const expected = (v: unknown) => (v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));

describe('Altegio client-base reads (simulated, small dataset)', () => {
  let sim: AltegioSimulator;
  let tab: SimTab;
  beforeEach(async () => {
    sim = await startAltegioSimulator({ dataset: 'small', knobs: NO_LIMIT });
    tab = new SimTab(sim);
    await tab.signIn();
  });
  afterEach(async () => {
    await tab.db.delete();
    await sim.close();
  });

  it('reads through the bulk list: every client of the location once, custom values exact, no decoy', async () => {
    tab.startRun();
    const result = await tab.read();
    expect(result.counts).toEqual({ list: 1 });
    expect(sim.stats().byKind).toMatchObject({ fields: 1, search: 1, list: 1 });
    const file = await tab.file();
    const truth = sim.truth.clients();
    expect(file.header.slice(18)).toEqual(sim.truth.customCodes().map((c) => `custom:${c}`));
    expect(file.rows.map((r) => Number(r.id))).toEqual(truth.map((c) => c.id));
    for (const [i, c] of truth.entries()) {
      for (const code of sim.truth.customCodes()) expect(file.rows[i][`custom:${code}`]).toBe(expected(c.custom_fields[code]));
    }
    expect(await tab.db.rows.count()).toBe(truth.length);
  });

  it('reads one card per client when the page token may not read the list, to the same custom values', async () => {
    tab.startRun();
    await tab.read();
    const bulk = await tab.file();
    sim.setKnobs({ pageTokenBulkList: 'html', emptyCustomFields: 'mixed' });
    const cardsTab = new SimTab(sim);
    await cardsTab.signIn();
    cardsTab.startRun();
    expect((await cardsTab.read()).counts).toEqual({ cards: 1 });
    const cards = await cardsTab.file();
    expect(cards.rows.map(custom)).toEqual(bulk.rows.map(custom));
    const truth = new Map(sim.truth.clients().map((c) => [c.id, c]));
    for (const r of cards.rows) expect(r.additional_phone).toBe(truth.get(Number(r.id))!.additional_phone);
    await cardsTab.db.delete();
  });

  it('resumes an interrupted per-card pass in the next export, reading only the cards it had not', async () => {
    sim.setKnobs({ pageTokenBulkList: '403' });
    const n = sim.truth.ids().length;
    tab.startRun();
    sim.setKnobs({ sessionMaxRequests: 45 });
    expect(await saidBy(() => tab.read())).toBe('session expired: log in to Altegio again');
    const firstCards = sim.stats().byKind['client-info'];
    expect(memoOf(tab.job).cards?.complete).toBe(false);

    sim.setKnobs({ sessionMaxRequests: null });
    await tab.signIn();
    tab.startRun();
    await tab.read();
    const second = sim.stats().byKind['client-info'] - firstCards;
    // Whole chunks of ten were kept; the chunk the session ended in is read again.
    expect(second).toBe(n - Math.floor((firstCards - 1) / 10) * 10);
    expect(memoOf(tab.job).cards?.complete).toBe(true);
    expect((await tab.file()).rows).toHaveLength(n);
  });

  it('syncs changes since the last run with changed_after, and the id pass flags the removed', async () => {
    tab.startRun('full');
    await tab.read();
    tab.complete();
    const changes = sim.mutate({ add: 5, edit: 10, delete: 3, renameField: true });
    tab.startRun('incremental');
    const since = changedAfter(tab.job.lastSuccessStartedAt!, memoOf(tab.job).offsetMin ?? null);
    sim.resetStats();
    await tab.read({ since, ids: '1' });
    // One list page of changes, not the whole list.
    expect(sim.stats().byKind.list).toBe(1);
    const file = await tab.file();
    const ids = file.rows.map((r) => Number(r.id));
    expect(ids).toEqual(sim.truth.ids());
    for (const id of changes.deleted) expect(ids).not.toContain(id);
    for (const id of changes.added) expect(ids).toContain(id);
    for (const id of changes.edited) {
      const c = sim.truth.client(id)!;
      const row = file.rows.find((r) => Number(r.id) === id)!;
      for (const code of sim.truth.customCodes()) expect(row[`custom:${code}`]).toBe(expected(c.custom_fields[code]));
    }
    expect((await tab.file({ headerLanguage: 'ru' })).header).toContain('Примечание 2');
    const counts = await (await import('@/utils/sources/altegio')).altegio.counts(tab.db, tab.job);
    expect(counts.find((c) => c.testId === 'count-removed')?.value).toBe(3);
  });

  it('takes a changes answer that matched nobody (the whole base came back) for no changes', async () => {
    tab.startRun('full');
    await tab.read();
    tab.complete();
    const before = await tab.db.rows.toArray();
    tab.startRun('incremental');
    await tab.read({ since: '2099-01-01T00:00:00', ids: '0' });
    expect(await tab.db.rows.toArray()).toEqual(before);
  });

  it('keeps masks as received and flagged, and a clear value stored before is not replaced by one', async () => {
    await tab.signIn('restricted');
    tab.startRun();
    await tab.read();
    const masked = await tab.file();
    const truth = new Map(sim.truth.clients().map((c) => [c.id, c]));
    for (const r of masked.rows) {
      const v = visibleContacts('restricted', truth.get(Number(r.id))!);
      expect(r.phone).toBe(String(v.phone));
      expect(r.masked).toBe(String(v.phone) || v.email ? '1' : '0');
    }
    await tab.signIn('owner');
    tab.startRun();
    await tab.read();
    await tab.signIn('restricted');
    tab.startRun();
    await tab.read();
    for (const r of (await tab.file()).rows) expect(r.phone).toBe(String(truth.get(Number(r.id))!.phone));
  });
});
