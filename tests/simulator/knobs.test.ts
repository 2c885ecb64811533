/** Contract §4: knobs (malformed body, latency, page size), data changes, stats and control endpoints. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, DEFAULT_KNOBS } from './server';
import type { Simulator } from './types';
import { ARCHIVE_TAB, UiClient, apiPost, apiToken, columnUrls, dom, loadColumn, pageAll, type Envelope } from './test-helpers';

let sim: Simulator;
let token: string;
let ui: UiClient;

beforeAll(async () => {
  sim = await startSimulator({ dataset: 'small', seed: 3 });
  sim.setKnobs({ apiRateLimit: 0 });
  token = await apiToken(sim);
  ui = new UiClient(sim.url);
  await ui.login(sim);
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs({ apiRateLimit: 0, latencyMs: 0, malformedOnRequest: null, uiPageSize: 20 }));

const control = async (path: string, body?: unknown) => {
  const res = await fetch(
    sim.url + path,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } },
  );
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

describe('malformedOnRequest', () => {
  it('cuts the Nth API request (counted from when the knob was set) to half its body, status 200, once', async () => {
    const whole = await apiPost(sim, '/v2api/1/customer/index', { page: 1 }, token);
    sim.setKnobs({ malformedOnRequest: 2 });
    const first = await apiPost(sim, '/v2api/1/customer/index', { page: 0 }, token);
    const second = await apiPost(sim, '/v2api/1/customer/index', { page: 1 }, token);
    const third = await apiPost(sim, '/v2api/1/customer/index', { page: 1 }, token);
    expect(first.json).not.toBeNull();
    expect(second.status).toBe(200);
    expect(second.json).toBeNull(); // not parseable
    expect(Buffer.byteLength(second.text)).toBeLessThanOrEqual(Math.floor(Buffer.byteLength(whole.text) / 2));
    expect(whole.text.startsWith(second.text.slice(0, 100))).toBe(true);
    expect(third.text).toBe(whole.text);
    expect(sim.knobs.malformedOnRequest).toBeNull();
    expect(sim.stats().malformed).toBeGreaterThanOrEqual(1);
  });

  it('does not count the API login (not a data request)', async () => {
    sim.setKnobs({ malformedOnRequest: 1 });
    const t = await apiToken(sim); // would throw on a broken body
    const r = await apiPost(sim, '/v2api/1/lead-status/index', {}, t);
    expect(r.status).toBe(200);
    expect(r.json).toBeNull();
  });

  it('hits UI data requests too (a board XHR)', async () => {
    const url = columnUrls((await ui.get(ARCHIVE_TAB)).text)[1].url;
    sim.setKnobs({ malformedOnRequest: 1 });
    const r = await ui.get(url, true);
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
    expect(r.text.startsWith('{"content":')).toBe(true);
    expect(JSON.parse((await ui.get(url, true)).text)).toHaveProperty('content');
  });
});

describe('latencyMs', () => {
  it('delays API and UI responses, but not control endpoints', async () => {
    sim.setKnobs({ latencyMs: 150 });
    let t = performance.now();
    await apiPost(sim, '/v2api/1/lead-status/index', {}, token);
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    t = performance.now();
    await ui.raw('/company/1/dashboard/index');
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    t = performance.now();
    await control('/__sim/stats');
    expect(performance.now() - t).toBeLessThan(140);
  });
});

describe('uiPageSize', () => {
  it('sets the cards per board load and per pager page', async () => {
    sim.setKnobs({ uiPageSize: 4 });
    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    const loaded = await Promise.all(cols.map((c) => loadColumn(ui, c.url)));
    const big = loaded.find((c) => c.count > 4)!;
    expect(big.pagesLoaded).toBe(Math.ceil(big.count / 4));
    const first = dom((await ui.json(cols.find((c) => c.id === big.id)!.url)).content);
    expect(first.querySelectorAll('li.lead-element')).toHaveLength(4);
  });
});

describe('data changes between syncs', () => {
  it('archiveLeads moves active leads into the archive at once in the API and the UI', async () => {
    const before = sim.truth.archivedLeadIds(1);
    const ids = sim.mutate.archiveLeads(1, 3);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(before).not.toContain(id);
    const after = sim.truth.archivedLeadIds(1);
    expect(after.length).toBe(before.length + 3);

    const api = await pageAll(sim, token, '/v2api/1/customer/index', { removed: 2, is_study: 0 });
    expect(Array.from(new Set(api.ids)).sort((a, b) => a - b)).toEqual(after);
    const rec = (await apiPost<Envelope<Record<string, unknown>>>(sim, '/v2api/1/customer/index', { id: ids[0], removed: 2 }, token)).json.items[0];
    expect(rec.lead_reject_id).not.toBeNull();
    expect(rec.e_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rec.e_date).not.toBe('2030-12-31');

    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    const board = (await Promise.all(cols.map((c) => loadColumn(ui, c.url)))).flatMap((c) => c.ids);
    expect(board.sort((a, b) => a - b)).toEqual(after);
    // the newest changes come first in their column
    const col = cols.find((c) => c.id === rec.lead_reject_id)!;
    expect((await loadColumn(ui, col.url)).ids[0]).toBe(
      ids.filter((id) => sim.truth.records().find((r) => r.id === id)!.lead_reject_id === rec.lead_reject_id).sort((a, b) => b - a)[0],
    );
  });

  it('restoreLead moves an archived lead back to active, in the API and the UI', async () => {
    const id = sim.truth.archivedLeadIds(1)[0];
    sim.mutate.restoreLead(id);
    expect(sim.truth.archivedLeadIds(1)).not.toContain(id);
    expect(sim.truth.activeIds(1)).toContain(id);
    const active = await apiPost<Envelope<Record<string, unknown>>>(sim, '/v2api/1/customer/index', { id }, token);
    expect(active.json.total).toBe(1);
    expect(active.json.items[0].e_date).toBe('2030-12-31');
    expect((await apiPost<Envelope>(sim, '/v2api/1/customer/index', { id, removed: 2 }, token)).json.total).toBe(0);
    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    const board = (await Promise.all(cols.map((c) => loadColumn(ui, c.url)))).flatMap((c) => c.ids);
    expect(board).not.toContain(id);
    const activeCols = columnUrls((await ui.get('/company/1/lead/index?pipeline_id=' + (active.json.items[0].pipeline_id ?? 1))).text);
    expect((await Promise.all(activeCols.map((c) => loadColumn(ui, c.url)))).flatMap((c) => c.ids)).toContain(id);
    expect(() => sim.mutate.restoreLead(id)).toThrow();
  });

  it('archiveLeads with silent: true leaves updated_at as it was', async () => {
    const before = new Map(sim.truth.records().map((r) => [r.id as number, r.updated_at as string]));
    const ids = sim.mutate.archiveLeads(1, 2, { silent: true });
    for (const id of ids) {
      const res = await apiPost<Envelope<Record<string, unknown>>>(sim, '/v2api/1/customer/index', { id, removed: 2 }, token);
      expect(res.json.total).toBe(1);
      expect(res.json.items[0].updated_at).toBe(before.get(id));
    }
  });

  it('moveBranch moves a record to another branch in the API and off its old board', async () => {
    const id = sim.truth.archivedLeadIds(1)[1];
    sim.mutate.moveBranch(id, 3);
    expect(sim.truth.archivedLeadIds(3)).toContain(id);
    expect(sim.truth.archivedLeadIds(1)).not.toContain(id);
    const moved = await apiPost<Envelope<Record<string, unknown>>>(sim, '/v2api/3/customer/index', { id, removed: 2 }, token);
    expect(moved.json.items[0].branch_ids).toEqual([3]);
    expect((await apiPost<Envelope>(sim, '/v2api/1/customer/index', { id, removed: 2 }, token)).json.total).toBe(0);
    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    expect((await Promise.all(cols.map((c) => loadColumn(ui, c.url)))).flatMap((c) => c.ids)).not.toContain(id);
  });

  it('deleteRecord removes a record from every list', async () => {
    const id = sim.truth.archivedLeadIds(1)[2];
    sim.mutate.deleteRecord(id);
    expect(sim.truth.records().some((r) => r.id === id)).toBe(false);
    expect((await apiPost<Envelope>(sim, '/v2api/customer/index', { id, removed: 1 }, token)).json.total).toBe(0);
    expect(() => sim.mutate.deleteRecord(id)).toThrow();
  });
});

describe('control endpoints', () => {
  it('POST /__sim/knobs sets and answers the knobs; bad ones are refused', async () => {
    const r = await control('/__sim/knobs', { latencyMs: 0, uiPageSize: 9 });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ...DEFAULT_KNOBS, apiRateLimit: 0, uiPageSize: 9 });
    expect(sim.knobs.uiPageSize).toBe(9);
    expect((await control('/__sim/knobs', { nope: 1 })).status).toBe(400);
    expect((await control('/__sim/knobs', { uiPageSize: 0 })).status).toBe(400);
  });

  it('POST /__sim/mutate archives and restores; GET /__sim/truth reports the branch', async () => {
    const before = await control('/__sim/truth?branch=1');
    expect(before.json.archivedLeadIds).toEqual(sim.truth.archivedLeadIds(1));
    expect(before.json.archivedCustomerIds).toEqual(sim.truth.archivedCustomerIds(1));
    expect(before.json.activeIds).toEqual(sim.truth.activeIds(1));
    const a = await control('/__sim/mutate', { archive: { branch: 3, n: 2 } });
    expect(a.json.archived as number[]).toHaveLength(2);
    const t3 = await control('/__sim/truth?branch=3');
    for (const id of a.json.archived as number[]) expect(t3.json.archivedLeadIds).toContain(id);
    const r = await control('/__sim/mutate', { restore: (a.json.archived as number[])[0] });
    expect(r.json).toEqual({ restored: (a.json.archived as number[])[0] });
    expect((await control('/__sim/mutate', { restore: 99_999_999 })).status).toBe(400);
  });

  it('GET /__sim/stats counts by kind and entity; control calls are not counted; reset zeroes', async () => {
    expect((await control('/__sim/stats/reset', {})).json.total).toBe(0);
    await apiPost(sim, '/v2api/1/customer/index', {}, token);
    await apiPost(sim, '/v2api/1/lead-reject/index', {}, token);
    await apiPost(sim, '/v2api/1/customer/index', {});
    sim.setKnobs({ uiPageSize: 3 });
    const counts = new Map<number, number>();
    for (const r of sim.truth.records())
      if (r.branch_ids[0] === 1 && r.archived && r.is_study === 0) counts.set(r.lead_reject_id ?? 0, (counts.get(r.lead_reject_id ?? 0) ?? 0) + 1);
    const biggest = Array.from(counts.entries()).sort((a, b) => b[1] - a[1])[0][0];
    const url = columnUrls((await ui.get(ARCHIVE_TAB)).text).find((c) => c.id === biggest)!.url;
    const col = await loadColumn(ui, url);
    expect(col.pagesLoaded).toBeGreaterThan(1);
    await ui.get('/company/1/customer/index');
    await control('/__sim/truth?branch=1');
    const s = (await control('/__sim/stats')).json as { total: number; byKind: Record<string, number>; byEntity: Record<string, number>; status401: number };
    expect(s.byKind.api).toBe(3);
    expect(s.byEntity).toEqual({ customer: 2, 'lead-reject': 1 });
    expect(s.status401).toBe(1);
    expect(s.byKind['ui-page']).toBe(1);
    expect(s.byKind['ui-board']).toBe(1);
    expect(s.byKind['ui-pager']).toBe(col.pagesLoaded - 1);
    expect(s.byKind['ui-grid']).toBe(1);
    expect(s.total).toBe(3 + 1 + col.pagesLoaded + 1);
    expect(sim.stats()).toEqual(s);
    sim.resetStats();
    expect(sim.stats().total).toBe(0);
  });
});
