/** Contract §4: the default dataset is the real case's size and shape; data are deterministic. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, ZERO_REASON_ID } from './server';
import type { SimRecord, Simulator } from './types';
import { ARCHIVE_TAB, UiClient, apiPost, apiToken, columnUrls, dom, pageAll, type Envelope } from './test-helpers';

/** The header of shared/fixtures/alfacrm-real/v2api-customer-index-items-2025.flattened.csv. */
const REAL_2025_KEYS =
  'id,branch_ids,teacher_ids,name,barcode,color,is_study,study_status_id,lead_status_id,pipeline_id,lead_reject_id,customer_reject_id,lead_source_id,assigned_id,legal_type,legal_name,company_id,dob,balance,balance_base,balance_bonus,paid_count,next_lesson_date,paid_till,last_attend_date,b_date,e_date,note,paid_lesson_count,paid_lesson_date,updated_at,created_at,phone,email,web,addr,custom_id_srm,custom_ads_comp,custom_gorodstvaniya,custom_age_,custom_email,custom_schedule,custom_yazik,custom_urovenvladenwoo,custom_try_lessons'.split(
    ',',
  );

let sim: Simulator;
let startedAt: number;
let firstApiMs: number;
let firstUiMs: number;
let records: SimRecord[];

beforeAll(async () => {
  startedAt = performance.now();
  sim = await startSimulator();
  const ui = fetch(`${sim.url}/login`).then(async (r) => {
    await r.text();
    firstUiMs = performance.now() - startedAt;
  });
  const token = await apiToken(sim);
  const r = await apiPost<Envelope>(sim, '/v2api/1/customer/index', { removed: 2 }, token);
  firstApiMs = performance.now() - startedAt;
  expect(r.status).toBe(200);
  await ui;
  records = sim.truth.records();
});
afterAll(async () => sim.close());

const b = (n: number) => (r: SimRecord) => r.branch_ids[0] === n;

describe('start-up', () => {
  // How fast is measured by `npm run bench` (simulator start-up row), never asserted here.
  it('answers its first request, and its first data request, right after start', () => {
    expect(firstUiMs).toBeGreaterThan(0);
    expect(firstApiMs).toBeGreaterThan(0);
  });
});

describe('default sizes, through the API and the UI', () => {
  it('branch 1: 3,592 active records and 7,788 archived leads; branch 3: a few hundred', async () => {
    sim.setKnobs({ apiRateLimit: 0 });
    const token = await apiToken(sim);
    const total = async (path: string, body: Record<string, unknown>) => (await apiPost<Envelope>(sim, path, body, token)).json.total;
    expect(await total('/v2api/1/customer/index', {})).toBe(3592);
    expect(await total('/v2api/1/customer/index', { removed: 2, is_study: 0 })).toBe(7788);
    const clients = await total('/v2api/1/customer/index', { removed: 2, is_study: 1 });
    expect(clients).toBeGreaterThan(1800);
    expect(clients).toBeLessThan(2000);
    const b3 = await total('/v2api/3/customer/index', { removed: 1 });
    expect(b3).toBeGreaterThan(200);
    expect(b3).toBeLessThan(1000);
    expect(sim.truth.activeIds(1)).toHaveLength(3592);
    expect(sim.truth.archivedLeadIds(1)).toHaveLength(7788);
  });

  it('paging removed=2 to the end yields the 7,788 archived leads, with some rows repeated', async () => {
    const token = await apiToken(sim);
    const { ids } = await pageAll(sim, token, '/v2api/1/customer/index', { removed: 2, is_study: 0 });
    expect(ids.length).toBeGreaterThan(7788);
    expect(Array.from(new Set(ids)).sort((x, y) => x - y)).toEqual(sim.truth.archivedLeadIds(1));
  });

  it("the archive board's columns count 7,788 in all, and one real reason holds none", async () => {
    const ui = new UiClient(sim.url);
    await ui.login(sim);
    const cols = columnUrls((await ui.get(ARCHIVE_TAB)).text);
    const counts = await Promise.all(
      cols.map(async (c) => ({ id: c.id, n: Number(dom((await ui.json(c.url)).content).querySelector('.board-count')!.textContent) })),
    );
    expect(counts.reduce((s, c) => s + c.n, 0)).toBe(7788);
    expect(counts.filter((c) => c.n === 0).map((c) => c.id)).toEqual([ZERO_REASON_ID]);
    expect(counts.find((c) => c.id === 0)!.n).toBeGreaterThan(0);
  });
});

describe('record shape and value formats', () => {
  it('has the 45 keys of the real 2025 export, in order, on every record', () => {
    for (const r of records) {
      const { archived, ...api } = r;
      expect(typeof archived).toBe('boolean');
      expect(Object.keys(api)).toEqual(REAL_2025_KEYS);
    }
  });

  it('uses the real value formats', () => {
    const stampRe = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    const phoneRe = /^\+380(\(\d{2}\)\d{3}-\d{2}-\d{2}|\d{9})$/;
    for (const r of records) {
      expect(r.dob).toMatch(/^(\d{2}\.\d{2}\.\d{4})?$/);
      expect(r.balance).toMatch(/^-?\d+\.\d{2}$/);
      expect(r.created_at).toMatch(stampRe);
      expect(r.updated_at).toMatch(stampRe);
      expect(r.updated_at >= r.created_at).toBe(true);
      if (r.archived) {
        expect(r.e_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(r.e_date).not.toBe('2030-12-31');
      } else expect(r.e_date).toBe('2030-12-31');
      for (const p of r.phone) expect(p).toMatch(phoneRe);
      expect(Array.isArray(r.email) && Array.isArray(r.web) && Array.isArray(r.addr)).toBe(true);
    }
    const phones = records.map((r) => r.phone.length);
    expect(phones).toContain(0);
    expect(phones).toContain(2);
    expect(records.some((r) => r.phone.some((p) => p.includes('(')))).toBe(true);
    expect(records.some((r) => r.note.includes('\r\n'))).toBe(true);
    expect(records.some((r) => /[^\r]\n/.test(r.note))).toBe(true);
    expect(records.some((r) => r.email.length > 0)).toBe(true);
  });

  it('names: Ukrainian and Russian, ~3% hostile (quotes, ; , line breaks, both apostrophes, emoji, = + - @, markup, spaces)', () => {
    const names = records.map((r) => r.name);
    expect(names.some((n) => /[іїєґ]/.test(n))).toBe(true);
    expect(names.some((n) => /[ыэъё]/.test(n))).toBe(true);
    const hostile = names.filter((n) => /["';,\n\r\tʼ<>&@=+]|^-|\s$|\s\s|\p{Extended_Pictographic}/u.test(n));
    expect(hostile.length / names.length).toBeGreaterThan(0.02);
    expect(hostile.length / names.length).toBeLessThan(0.07);
    for (const re of [/"/, /;/, /,/, /\n/, /ʼ/, /'/, /\p{Extended_Pictographic}/u, /^=/, /^\+/, /^-/, /^@/, /<b>/, /&amp;/, / $/, / {2}/]) {
      expect(
        names.some((n) => re.test(n)),
        String(re),
      ).toBe(true);
    }
  });

  it('ids are unique and mixed over branches', () => {
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const b1 = records.filter(b(1)).map((r) => r.id);
    const b3 = records.filter(b(3)).map((r) => r.id);
    expect(Math.min(...b3)).toBeLessThan(Math.max(...b1));
    expect(Math.max(...b3)).toBeGreaterThan(Math.min(...b1));
  });

  it('archived leads spread unevenly over the 44 reasons (disabled ones too), ~1% without a reason', () => {
    const arch = records.filter((r) => b(1)(r) && r.archived && r.is_study === 0);
    const count = new Map<number | null, number>();
    for (const r of arch) count.set(r.lead_reject_id, (count.get(r.lead_reject_id) ?? 0) + 1);
    const reasons = sim.truth.leadRejectReasons();
    expect(reasons).toHaveLength(44);
    const used = reasons.filter((x) => count.has(x.id));
    expect(used).toHaveLength(43);
    expect(count.has(ZERO_REASON_ID)).toBe(false);
    expect(used.some((x) => x.is_enabled === 0)).toBe(true);
    const nulls = count.get(null) ?? 0;
    expect(nulls / arch.length).toBeGreaterThan(0.003);
    expect(nulls / arch.length).toBeLessThan(0.02);
    const ns = used.map((x) => count.get(x.id)!);
    expect(Math.max(...ns)).toBeGreaterThan(10 * Math.min(...ns));
    expect(arch.every((r) => r.customer_reject_id === null)).toBe(true);
    const clients = records.filter((r) => r.archived && r.is_study === 1);
    expect(new Set(clients.map((r) => r.customer_reject_id)).size).toBeGreaterThan(30);
    expect(clients.every((r) => r.lead_reject_id === null)).toBe(true);
  });

  it('active rows carry no reject ids, except a handful with a stale customer_reject_id', () => {
    const active = records.filter((r) => !r.archived);
    expect(active.every((r) => r.lead_reject_id === null)).toBe(true);
    const stale = active.filter((r) => r.customer_reject_id !== null);
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.length).toBeLessThan(20);
  });
});

describe('determinism', () => {
  it('the same seed gives the same data; another seed other data', async () => {
    const [a, b2, c] = await Promise.all([
      startSimulator({ dataset: 'small', seed: 11 }),
      startSimulator({ dataset: 'small', seed: 11 }),
      startSimulator({ dataset: 'small', seed: 12 }),
    ]);
    try {
      expect(a.truth.records()).toEqual(b2.truth.records());
      expect(a.credentials).toEqual(b2.credentials);
      expect(c.truth.records().map((r) => r.name)).not.toEqual(a.truth.records().map((r) => r.name));
      const ta = await apiToken(a);
      const tb = await apiToken(b2);
      expect((await apiPost(a, '/v2api/1/customer/index', { removed: 1, page: 2 }, ta)).text).toBe(
        (await apiPost(b2, '/v2api/1/customer/index', { removed: 1, page: 2 }, tb)).text,
      );
      expect(a.truth.activeIds(1)).toHaveLength(60);
      expect(a.truth.archivedLeadIds(1)).toHaveLength(130);
      expect(a.truth.archivedCustomerIds(1)).toHaveLength(40);
      expect([a.truth.activeIds(3).length, a.truth.archivedLeadIds(3).length, a.truth.archivedCustomerIds(3).length]).toEqual([20, 25, 5]);
    } finally {
      await Promise.all([a.close(), b2.close(), c.close()]);
    }
  });
});
