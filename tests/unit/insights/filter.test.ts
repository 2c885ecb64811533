import { describe, expect, it } from 'vitest';
import { run } from './helpers';

const kept = (r: ReturnType<typeof run>) => r.ids({});

describe('period filter', () => {
  it('keeps records created between two dates, both days included', () => {
    expect(kept(run({ createdFrom: '2025-02-01', createdTo: '2025-03-02' }))).toEqual([4, 5, 6, 7, 8]);
    expect(run({ createdFrom: '2025-02-01' }).tally.records).toBe(7);
  });

  it('archived-between keeps only leads archived in the range', () => {
    const r = run({ archivedFrom: '2025-02-01', archivedTo: '2025-02-28' });
    expect(kept(r)).toEqual([6, 11]);
    expect(r.campaigns.total.leads).toBe(2);
  });

  it('combines both, and ignores an unreadable bound', () => {
    expect(kept(run({ createdFrom: '2025-01-12', archivedTo: '2025-01-31' }))).toEqual([3]);
    expect(kept(run({ createdFrom: 'soon' }))).toHaveLength(11);
  });

  it('recounts every table', () => {
    const r = run({ createdFrom: '2025-03-01' });
    expect(r.reasons.find((x) => x.id === 2)!.count).toBe(1);
    expect(r.campaigns.rows.map((x) => [x.key, x.leads])).toEqual([
      ['2', 2],
      ['', 1],
      ['1', 1],
    ]);
  });
});
