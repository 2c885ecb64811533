/**
 * What depends on the data and the user's settings (categories, stage map, grouping), but not on
 * the filter: a category per reason slot, a campaign group and funnel ranks per record.
 */
import type { PreparedData } from './prepare-data';
import { seedCategory } from './seed-category';
import { BY_SOURCE, groupingField, numericKeys, type InsightSettings } from './settings';
import { resolveStages, stageRank } from './stages';
import { CATEGORIES, STAGES, type Category, type Stage } from './types';

export interface CampaignGroup {
  /** Spend and drill-down key: the source id as text ('' = none), or the field's value. */
  key: string;
  /** Dictionary name or the field value; null for «no source» / empty value. */
  label: string | null;
  sourceId: number | null;
}

export interface PreparedView {
  prep: PreparedData;
  settings: InsightSettings;
  /** CATEGORIES index per reason slot. */
  reasonCategory: Uint8Array;
  seeds: Category[];
  stageOf: Map<number, Stage>;
  groups: CampaignGroup[];
  groupSlot: Int32Array;
  /** Funnel rank a record reached: clients the last stage, archived leads the stage they left. */
  reached: Int8Array;
  /** Stage rank an archived lead was lost at, -1 when unknown or not an archived lead. */
  lossStage: Int8Array;
}

const TOP_RANK = STAGES.length - 1;

export function prepareView(prep: PreparedData, settings: InsightSettings): PreparedView {
  const { records, dicts } = prep.data;
  const overrides = numericKeys(settings.categories);
  const seeds = prep.reasons.map((r) => (r.id === null ? 'unclassified' : seedCategory(r.name)));
  const reasonCategory = Uint8Array.from(prep.reasons, (r, s) => CATEGORIES.indexOf(r.id === null ? 'unclassified' : (overrides[r.id] ?? seeds[s])));
  const stageOf = resolveStages(dicts.statuses, numericKeys(settings.stages));
  const rankOf = new Map<number, number>([...stageOf].map(([id, st]) => [id, stageRank(st)]));

  const field = settings.grouping === BY_SOURCE ? null : groupingField(settings.grouping);
  const groups: CampaignGroup[] = [];
  const index = new Map<string, number>();
  const slotOf = (key: string, label: string | null, sourceId: number | null): number => {
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      index.set(key, g);
      groups.push({ key, label, sourceId });
    }
    return g;
  };
  const sourceName = new Map(dicts.sources.map((s) => [s.id, s.name]));
  if (!field) for (const s of dicts.sources) slotOf(String(s.id), s.name, s.id);

  const n = prep.n;
  const groupSlot = new Int32Array(n);
  const reached = new Int8Array(n);
  const lossStage = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const r = records[i];
    if (field) {
      const v = r.fields?.[field] ?? '';
      groupSlot[i] = slotOf(v, v === '' ? null : v, null);
    } else {
      groupSlot[i] = slotOf(
        r.sourceId === null ? '' : String(r.sourceId),
        r.sourceId === null ? null : (sourceName.get(r.sourceId) ?? `#${r.sourceId}`),
        r.sourceId,
      );
    }
    // The change log's «status left» first; an archived lead otherwise keeps its last status.
    const status = r.archived ? (r.archivedFromStatusId ?? r.statusId) : r.statusId;
    const rank = status === null ? 0 : (rankOf.get(status) ?? 0);
    reached[i] = r.kind === 'client' ? TOP_RANK : rank;
    lossStage[i] = r.kind === 'lead' && r.archived && status !== null && rankOf.has(status) ? rank : -1;
  }
  return { prep, settings, reasonCategory, seeds, stageOf, groups, groupSlot, reached, lossStage };
}
