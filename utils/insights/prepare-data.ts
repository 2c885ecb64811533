/**
 * Everything that depends on the loaded data only (not on settings or the filter), computed once
 * per load: dates as numbers, dense indices for reasons and managers, phone duplicate groups.
 * Dense indices let the per-filter pass count into typed arrays instead of maps.
 */
import { dayNumber, monthNumber } from './dates';
import { groupByPhone, type PhoneGroups } from './phones';
import type { InsightData } from './types';

export interface ReasonSlot {
  id: number | null;
  name: string;
  enabled: boolean;
  inDictionary: boolean;
}
export interface ManagerSlot {
  id: number | null;
  name: string | null;
}

export interface PreparedData {
  data: InsightData;
  n: number;
  createdDay: Float64Array;
  createdMonth: Float64Array;
  archivedDay: Float64Array;
  archivedMonth: Float64Array;
  /** Reason slot of an archived lead (0 = no reason), -1 for every other record. */
  reasonSlot: Int32Array;
  /** Slot 0 is «no reason»; then the dictionary in its order; then ids seen but not in it. */
  reasons: ReasonSlot[];
  /** Manager slot per record (0 = none). */
  managerSlot: Int32Array;
  managers: ManagerSlot[];
  /** Record indices sharing a phone, for phones held by two records or more. */
  duplicates: PhoneGroups;
  /** Names of the extra fields records carry (for grouping campaigns). */
  fieldNames: string[];
  /** Archived leads per reason id over all records, ignoring the filter (0 = no reason). */
  archivedByReasonId: Map<number, number>;
}

export function prepareData(data: InsightData): PreparedData {
  const { records, dicts } = data;
  const n = records.length;
  const reasons: ReasonSlot[] = [{ id: null, name: '', enabled: true, inDictionary: false }];
  const reasonIndex = new Map<number, number>();
  for (const r of dicts.reasons) {
    reasonIndex.set(r.id, reasons.length);
    reasons.push({ id: r.id, name: r.name, enabled: r.enabled, inDictionary: true });
  }
  const managers: ManagerSlot[] = [{ id: null, name: null }];
  const managerIndex = new Map<number, number>();
  for (const m of dicts.managers ?? []) {
    managerIndex.set(m.id, managers.length);
    managers.push({ id: m.id, name: m.name });
  }
  const out: PreparedData = {
    data,
    n,
    reasons,
    managers,
    duplicates: groupByPhone(records.map((r) => r.phone)),
    fieldNames: [],
    archivedByReasonId: new Map(),
    createdDay: new Float64Array(n),
    createdMonth: new Float64Array(n),
    archivedDay: new Float64Array(n),
    archivedMonth: new Float64Array(n),
    reasonSlot: new Int32Array(n),
    managerSlot: new Int32Array(n),
  };
  const fieldNames = new Set<string>();
  for (let i = 0; i < n; i++) {
    const r = records[i];
    out.createdDay[i] = dayNumber(r.createdAt);
    out.createdMonth[i] = monthNumber(r.createdAt);
    out.archivedDay[i] = r.archived ? dayNumber(r.archivedAt) : NaN;
    out.archivedMonth[i] = r.archived ? monthNumber(r.archivedAt) : NaN;
    if (r.kind === 'lead' && r.archived) {
      let slot = r.reasonId === null ? 0 : reasonIndex.get(r.reasonId);
      if (slot === undefined) {
        slot = reasons.length;
        reasonIndex.set(r.reasonId!, slot);
        reasons.push({ id: r.reasonId, name: '', enabled: true, inDictionary: false });
      }
      out.reasonSlot[i] = slot;
      const key = r.reasonId ?? 0;
      out.archivedByReasonId.set(key, (out.archivedByReasonId.get(key) ?? 0) + 1);
    } else out.reasonSlot[i] = -1;
    let m = r.managerId === null ? 0 : managerIndex.get(r.managerId);
    if (m === undefined) {
      m = managers.length;
      managerIndex.set(r.managerId!, m);
      managers.push({ id: r.managerId, name: null });
    }
    out.managerSlot[i] = m;
    if (r.fields) for (const k in r.fields) fieldNames.add(k);
  }
  out.fieldNames = [...fieldNames].sort();
  return out;
}
