import { describe, expect, it } from 'vitest';
import { byField } from '@/utils/insights/settings';
import { spendKey } from '@/utils/insights/spend';
import { campaignSlice } from '@/utils/insights/slices';
import { run } from './helpers';

const counts = (r: {
  key: string;
  leads: number;
  inWork: number;
  archivedTarget: number;
  archivedNonTarget: number;
  archivedUnclassified: number;
  clients: number;
}) => [r.key, r.leads, r.inWork, r.archivedTarget, r.archivedNonTarget, r.archivedUnclassified, r.clients];

describe('campaignRows', () => {
  it('counts every record of a source, split by state and reason category', () => {
    const { campaigns } = run();
    // Instagram: #1 in work, #2 #11 target, #3 non-target, #9 unclassified (unknown reason), #4 client.
    // Facebook: #8 in work, #5 (disabled «Пауза») and #6 (no reason) unclassified, #10 client. No source: #7.
    expect(campaigns.rows.map(counts)).toEqual([
      ['1', 6, 1, 2, 1, 1, 1],
      ['2', 4, 1, 0, 0, 2, 1],
      ['', 1, 0, 0, 1, 0, 0],
    ]);
    expect(counts(campaigns.total)).toEqual(['*', 11, 2, 2, 2, 3, 2]);
    expect(campaigns.rows.map((r) => [r.label, r.sourceId])).toEqual([
      ['Instagram', 1],
      ['Facebook', 2],
      [null, null],
    ]);
  });

  it('derives target leads, shares and conversion', () => {
    const [insta, , none] = run().campaigns.rows;
    expect(insta.targetLeads).toBe(5);
    expect(insta.pctTarget).toBeCloseTo(5 / 6);
    expect(insta.pctArchived).toBeCloseTo(4 / 6);
    expect(insta.conversion).toBeCloseTo(1 / 5);
    expect([none.targetLeads, none.conversion]).toEqual([0, null]);
  });

  it('counts the records that reached each stage (clients reached them all)', () => {
    const [insta, fb, none] = run().campaigns.rows;
    // #1 contact, #2 left «trial held», #3 none, #4 client, #9 no status, #11 left «trial booked».
    expect(insta.reached).toEqual({ contact: 4, 'trial-booked': 3, 'trial-held': 2, 'awaiting-payment': 1 });
    expect(fb.reached).toEqual({ contact: 3, 'trial-booked': 2, 'trial-held': 2, 'awaiting-payment': 1 });
    expect(none.reached.contact).toBe(1);
  });

  it('follows the user stage map', () => {
    const [insta] = run({}, { stages: { 2: 'trial-booked' } }).campaigns.rows;
    expect(insta.reached['trial-booked']).toBe(4);
  });

  it('prices leads and target leads from the spend of the period', () => {
    // Branch 2's spend and another period's spend are not this view's.
    const spend = { [spendKey(1, 'source', '..', '1')]: 600, [spendKey(2, 'source', '..', '2')]: 1, [spendKey(1, 'source', '2025-03-06..', '1')]: 50 };
    const { rows, total } = run({}, { spend }).campaigns;
    expect([rows[0].spend, rows[0].costPerLead, rows[0].costPerTargetLead]).toEqual([600, 100, 120]);
    expect([rows[1].spend, rows[1].costPerLead]).toEqual([null, null]);
    expect(total.spend).toBe(600);
    // From 6 March only #10 (Facebook) was created: Instagram keeps a row for its spend.
    const later = run({ createdFrom: '2025-03-06' }, { spend }).campaigns.rows;
    expect(later.map((r) => [r.label, r.leads, r.spend, r.costPerLead])).toEqual([
      ['Facebook', 1, null, null],
      ['Instagram', 0, 50, null],
    ]);
  });

  it('moves archived leads between columns when a reason is reclassified', () => {
    const fb = run({}, { categories: { 3: 'non-target' } }).campaigns.rows[1];
    expect([fb.archivedNonTarget, fb.archivedUnclassified, fb.targetLeads]).toEqual([1, 1, 3]);
  });

  it('groups by a field when asked, empty values together', () => {
    const { rows } = run({}, { grouping: byField('custom_ads_comp') }).campaigns;
    expect(rows.map((r) => [r.key, r.label, r.leads])).toEqual([
      ['', null, 8],
      ['spring', 'spring', 3],
    ]);
  });

  it('names the records behind each number', () => {
    const { campaigns, ids } = run();
    const g = campaigns.rows[0].slot;
    expect(ids(campaignSlice(g, 'leads'))).toEqual([1, 2, 3, 4, 9, 11]);
    expect(ids(campaignSlice(g, 'targetLeads'))).toEqual([1, 2, 4, 9, 11]);
    expect(ids(campaignSlice(g, 'archivedTarget'))).toEqual([2, 11]);
    expect(ids(campaignSlice(g, 'trial-booked'))).toEqual([2, 4, 11]);
    expect(ids(campaignSlice(undefined, 'clients'))).toEqual([4, 10]);
  });
});
