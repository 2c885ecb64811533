/** Contract §1.2 datetimes and §1.4 `q`: the grammar, every key, and the 422s. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLivetexSimulator } from './server';
import { parseDatetimeInput } from './dates';
import { parseTerms, QueryError } from './query';
import type { LivetexSimulator } from './types';
import { NO_LIMITS, apiGet, q, tokenFor, type ListBody, type Row } from './test-helpers';

let sim: LivetexSimulator;
let admin: string;
let leads: Row[];

beforeAll(async () => {
  sim = await startLivetexSimulator({ dataset: 'small', seed: 2 });
  sim.setKnobs(NO_LIMITS);
  admin = await tokenFor(sim, 'admin');
  leads = sim.truth.leads();
});
afterAll(async () => sim.close());
beforeEach(() => sim.setKnobs(NO_LIMITS));

/** Ids matching q (every page), ascending. */
async function match(query: string, token = admin): Promise<number[]> {
  const r = await apiGet<ListBody>(sim, `/leads/list?${q({ q: query, fields: 'id', limit: 100, sort: 'created_at:a' })}`, token);
  expect(r.status, r.text).toBe(200);
  expect(r.json.total).toBeLessThanOrEqual(100);
  return r.json.results.map((x) => x.id as number);
}
const expected = (pred: (l: Row) => boolean) => leads.filter(pred).map((l) => l.id as number);
const refId = (l: Row, k: string) => (l[k] as { id: number } | null)?.id;

describe('the grammar', () => {
  it('splits terms at words followed by an operator; a value runs to the next term, spaces included', () => {
    expect(parseTerms('created_at>=2021-01-01 00:00:00 created_at<=2021-01-31 23:59:59')).toEqual([
      { key: 'created_at', op: '>=', value: '2021-01-01 00:00:00' },
      { key: 'created_at', op: '<=', value: '2021-01-31 23:59:59' },
    ]);
    expect(parseTerms('ids=1,2,3')).toEqual([{ key: 'ids', op: '=', value: '1,2,3' }]);
    expect(parseTerms('text=два слова duration>5')).toEqual([
      { key: 'text', op: '=', value: 'два слова' },
      { key: 'duration', op: '>', value: '5' },
    ]);
    expect(() => parseTerms('junk ids=1')).toThrow(QueryError);
  });

  it('reads every datetime input form as Moscow time unless an offset is given', () => {
    const at = Date.UTC(2007, 8, 17, 12, 35, 48);
    expect(parseDatetimeInput('2007-09-17T15:35:48')).toEqual({ from: at, to: at + 1000 });
    expect(parseDatetimeInput('2007-09-17 15:35:48')!.from).toBe(at);
    expect(parseDatetimeInput('2007-09-17T12:35:48Z')!.from).toBe(at);
    expect(parseDatetimeInput('2007-09-17T14:35:48+02:00')!.from).toBe(at);
    expect(parseDatetimeInput('20070917153548')!.from).toBe(at);
    expect(parseDatetimeInput('17.09.2007 15:35')).toEqual({ from: at - 48_000, to: at + 12_000 });
    expect(parseDatetimeInput('09/17/2007')).toEqual({ from: Date.UTC(2007, 8, 16, 21), to: Date.UTC(2007, 8, 17, 21) });
    const now = Date.UTC(2025, 0, 10, 12);
    expect(parseDatetimeInput('today', now)).toEqual({ from: Date.UTC(2025, 0, 9, 21), to: Date.UTC(2025, 0, 10, 21) });
    for (const w of ['lastday', 'last3days', 'lastweek', 'lastmonth', 'lastyear']) expect(parseDatetimeInput(w, now)!.to).toBeGreaterThan(now);
    for (const bad of ['2007-13-01', '2007-02-30T10:00:00', 'yesterday', '17.09.07']) expect(parseDatetimeInput(bad), bad).toBeNull();
  });
});

describe('keys of Leads.list', () => {
  it('filters by the id lists and visitor_ids', async () => {
    const some = leads.slice(3, 6).map((l) => l.id as number);
    expect(await match(`ids=${some.join(',')}`)).toEqual(some);
    expect(await match('site_ids=1203 department_ids=3404')).toEqual(expected((l) => refId(l, 'site') === 1203 && refId(l, 'department') === 3404));
    const op = sim.employees.operator2.id;
    expect(await match(`assigned_to_ids=${op}`)).toEqual(expected((l) => refId(l, 'assigned_to') === op));
    expect(await match(`created_by_ids=${op}`)).toEqual(expected((l) => refId(l, 'created_by') === op));
    expect(await match(`completed_by_ids=${op}`)).toEqual(expected((l) => refId(l, 'completed_by') === op));
    const visitor = sim.truth.visitorOf(some[0])!;
    const seen = leads.filter((l) => sim.truth.visitorOf(l.id as number) === visitor).map((l) => l.id as number);
    expect(await match(`visitor_ids=${visitor},nobody`)).toEqual(seen);
  });

  it('filters by type, result, duration comparisons, substrings and existence flags', async () => {
    expect(await match('type=callback result=missed')).toEqual(expected((l) => l.type === 'callback' && l.result === 'missed'));
    expect(await match('duration>=86400 type=chat')).toEqual(
      expected((l) => l.type === 'chat' && (l.duration as number | null) !== null && (l.duration as number) >= 86400),
    );
    expect(await match('duration<600')).toEqual(expected((l) => l.duration !== null && (l.duration as number) < 600));
    expect(await match('text=Перезвоніть, будь')).toEqual(expected((l) => typeof l.text === 'string' && l.text.toLowerCase().includes('перезвоніть, будь')));
    expect(await match('search_engine=yandex keyword=опт')).toEqual(expected((l) => l.search_engine === 'yandex' && String(l.search_query).includes('опт')));
    expect(await match('entry_page=promo ext_referer=yandex')).toEqual(
      expected((l) => String(l.entry_page).includes('promo') && String(l.ext_referer).includes('yandex')),
    );
    expect(await match('email_exists=no phone_exists=yes type=chat')).toEqual(expected((l) => !l.email && !!l.phone && l.type === 'chat'));
  });

  it('filters created_at by range in the observed space form and the T form', async () => {
    const from = leads[40].created_at as string;
    const to = leads[70].created_at as string;
    const want = leads.slice(40, 71).map((l) => l.id as number);
    expect(await match(`created_at>=${from.replace('T', ' ')} created_at<=${to.replace('T', ' ')}`)).toEqual(want);
    expect(await match(`created_at>=${from} created_at<=${to}`)).toEqual(want);
    expect(await match(`created_at>${from} created_at<${to}`)).toEqual(want.slice(1, -1));
    expect(await match(`created_at=${from}`)).toEqual([want[0]]);
  });

  it("filters is_managed by the caller's scope", async () => {
    const t = await tokenFor(sim, 'operator3');
    const r = await apiGet<ListBody>(sim, `/leads/list?${q({ q: 'is_managed=yes', fields: 'id,is_managed', limit: 100, sort: 'created_at:a' })}`, t);
    expect(r.json.total).toBe(sim.truth.inScope(sim.employees.operator3.id).length);
    expect(r.json.results.every((x) => x.is_managed === true)).toBe(true);
  });

  it('answers 422 with errors.q to an unknown key, a bad value, a wrong operator, junk, and updated_at', async () => {
    for (const bad of [
      'color=red',
      'type=email',
      'ids=1,x',
      'duration>=soon',
      'created_at>=someday',
      'type>=form',
      'junk',
      'updated_at>=2024-01-01',
      'is_managed=maybe',
    ]) {
      const r = await apiGet(sim, `/leads/list?${q({ q: bad })}`, admin);
      expect(r.status, bad).toBe(422);
      expect(r.json, bad).toMatchObject({ code: 422, message: 'invalid', errors: { q: [expect.any(String)] } });
    }
  });
});
