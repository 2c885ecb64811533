/** Material from the simulator's dataset for seeding the store: record templates and dictionaries. */
import type { Truth } from './remote-sim';
import { LEAD_SOURCES, LEAD_STATUSES } from '../../tests/simulator/dictionaries';
import type { SeedSpec, TemplateRecord } from '../page/store-bench';

/**
 * Every `step`-th record of the branch, in the dataset's own mix (active leads and clients,
 * archived leads with their board column, archived clients).
 */
export function templatesFrom(t: Truth, branch: number, step = 10): TemplateRecord[] {
  const reasons = new Map(t.leadRejectReasons().map((r) => [r.id, r.name]));
  const out: TemplateRecord[] = [];
  const records = t.records().filter((r) => (r.branch_ids as number[]).includes(branch));
  for (let i = 0; i < records.length; i += step) {
    const { archived, ...record } = records[i];
    const lead = record.is_study === 0;
    const columnId = record.lead_reject_id ?? 0;
    out.push({
      record: record as unknown as TemplateRecord['record'],
      archived,
      column: archived && lead ? { id: columnId, name: reasons.get(columnId) ?? 'Без причини' } : null,
    });
  }
  return out;
}

export function dictsFrom(t: Truth): SeedSpec['dicts'] {
  const pick = (l: readonly { id: number; name: string }[]) => l.map(({ id, name }) => ({ id, name }));
  return [
    { name: 'leadReject', items: pick(t.leadRejectReasons()) },
    { name: 'customerReject', items: pick(t.customerRejectReasons()) },
    { name: 'leadStatus', items: pick(LEAD_STATUSES) },
    { name: 'leadSource', items: pick(LEAD_SOURCES) },
  ];
}
