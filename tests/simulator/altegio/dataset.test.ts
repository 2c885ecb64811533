/** Contract §4: the default dataset (size, ids, definitions, orphan code, hostile values, phones). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAltegioSimulator } from './server';
import type { AltegioSimulator, SimClient } from './types';
import { ApiClient, NO_LIMIT, WebClient } from './test-helpers';

let sim: AltegioSimulator;
let main: SimClient[];

beforeAll(async () => {
  sim = await startAltegioSimulator({ seed: 1, knobs: NO_LIMIT });
  main = sim.truth.clients();
});
afterAll(async () => sim.close());

const noValues = (c: SimClient) => Object.keys(c.custom_fields).length === 0;

describe('default dataset', () => {
  it('has location 517301 with 1,850 clients and decoy 517302 with 340', () => {
    expect(sim.cid).toBe(517301);
    expect(sim.decoyCid).toBe(517302);
    expect(main).toHaveLength(1850);
    expect(sim.truth.ids(517302)).toHaveLength(340);
    expect(main.every((c) => c.location_id === 517301)).toBe(true);
  });

  it('names the location «Студія "Вишня"; Київ» on the page', async () => {
    const web = new WebClient(sim.webUrl);
    await web.signin(sim);
    expect((await web.get(`/clients/${sim.cid}/base/`)).text).toContain('Студія \\"Вишня\\"; Київ');
  });

  it('has ids ascending from about 100,000,000, with gaps, the locations interleaved', () => {
    const ids = main.map((c) => c.id);
    expect(ids[0]).toBeGreaterThanOrEqual(100_000_000);
    expect(ids[0]).toBeLessThan(100_002_000);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    expect(ids.some((id, i) => i > 0 && id - ids[i - 1] > 1)).toBe(true);
    const decoy = sim.truth.ids(517302);
    expect(decoy.some((id) => id > ids[0] && id < ids[ids.length - 1])).toBe(true);
  });

  it('has the eight definitions exactly as listed', () => {
    const defs = sim.truth.definitions();
    expect(defs.map((d) => [d.code, d.type, d.title])).toEqual([
      ['instagram-user-name', 'text', 'Instagram'],
      ['card_number', 'text', 'Номер карты'],
      ['note', 'text', 'Примечание'],
      ['note-2', 'text', 'Примечание'],
      ['source', 'select', 'Откуда узнали'],
      ['contract_date', 'date', expect.any(String)],
      ['last_call_at', 'datetime', expect.any(String)],
      ['internal_score', 'number', '=Бонус, %'],
    ]);
    const score = defs[7];
    expect([score.showInUi, score.userCanEdit]).toEqual([false, false]);
    expect(defs.slice(0, 7).every((d) => d.showInUi)).toBe(true);
    expect(defs[4].values.length).toBeGreaterThan(2);
    expect(sim.truth.definitions(517302).map((d) => d.code)).toEqual(defs.map((d) => d.code));
  });

  it('has the orphan code old-promo on 12 clients, and ~25% of clients without values', () => {
    expect(sim.truth.orphanCodes()).toEqual(['old-promo']);
    expect(main.filter((c) => 'old-promo' in c.custom_fields)).toHaveLength(12);
    const share = main.filter(noValues).length / main.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });

  it('stores values in the observed shapes: leading zeros, dates, datetimes, numbers, multi-line', () => {
    const values = (code: string) => main.map((c) => c.custom_fields[code]).filter((v) => v !== undefined);
    expect(values('card_number').every((v) => typeof v === 'string' && /^0\d+$/.test(v))).toBe(true);
    expect(values('contract_date').every((v) => /^\d{4}-\d{2}-\d{2}$/.test(String(v)))).toBe(true);
    expect(values('last_call_at').every((v) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(v)))).toBe(true);
    expect(values('internal_score').some((v) => typeof v === 'number')).toBe(true);
    expect(values('note').some((v) => String(v).includes('\r\n'))).toBe(true);
    expect(values('note').every((v) => String(v).length <= 255)).toBe(true);
    expect(values('source').some((v) => Array.isArray(v))).toBe(true);
  });

  it('holds hostile text: quotes, ;, commas, CR/LF, emoji, leading = + - @, 2,000-character comments', () => {
    const texts = main.flatMap((c) => [c.name, c.comment, ...Object.values(c.custom_fields).map(String)]);
    for (const needle of ['"', ';', ',', '\r\n', '🌸']) expect(texts.some((t) => t.includes(needle))).toBe(true);
    for (const lead of ['=', '+', '-', '@']) expect(texts.some((t) => t.startsWith(lead))).toBe(true);
    const longest = Math.max(...main.map((c) => c.comment.length));
    expect(longest).toBe(2000);
    expect(main.some((c) => /[іїєґ]/.test(c.name + c.comment)) && main.some((c) => /[ыэъё]/.test(c.name + c.comment + c.surname))).toBe(true);
  });

  it('has phones in mixed formats (number too), 5% without, some shared', () => {
    const phones = main.map((c) => c.phone);
    expect(phones.some((p) => typeof p === 'number')).toBe(true);
    expect(phones.some((p) => typeof p === 'string' && p.startsWith('+'))).toBe(true);
    expect(phones.some((p) => typeof p === 'string' && /^\d+$/.test(p))).toBe(true);
    const none = phones.filter((p) => p === '').length / phones.length;
    expect(none).toBeGreaterThan(0.03);
    expect(none).toBeLessThan(0.08);
    const seen = new Map<string, number>();
    for (const p of phones) if (p !== '') seen.set(String(p), (seen.get(String(p)) ?? 0) + 1);
    expect(Array.from(seen.values()).some((n) => n > 1)).toBe(true);
  });

  it('is the same for the same seed and differs for another', async () => {
    const again = await startAltegioSimulator({ seed: 1 });
    const other = await startAltegioSimulator({ seed: 2, dataset: 'small' });
    try {
      expect(again.truth.clients()).toEqual(main);
      expect(again.partnerToken).toBe(sim.partnerToken);
      expect(again.users).toEqual(sim.users);
      expect(other.truth.ids()).toHaveLength(120);
      expect(other.truth.ids(517302)).toHaveLength(30);
      expect(other.truth.ids()[0]).not.toBe(main[0].id);
    } finally {
      await Promise.all([again.close(), other.close()]);
    }
  });

  it('serves the whole location through the API (1,850 rows, ids as stored)', async () => {
    const api = new ApiClient(sim);
    const r = await api.post(`/api/v1/company/${sim.cid}/clients/search`, { page: 10, page_size: 200 });
    expect(r.json.meta.total_count).toBe(1850);
    expect(r.json.data).toHaveLength(50);
    expect(r.json.data[49].id).toBe(main[1849].id);
  });
});
