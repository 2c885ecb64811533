/**
 * A branch's Insights data from the store (no CRM request): every record of the branch, API and
 * page facts, read in chunks and flattened; reason, status and source dictionaries from the
 * lists; the archive board's column counts from the last board read (the job's `lastCounts`).
 */
import { jobKey } from '../../engine/run';
import { partKey } from '../../engine/rows';
import type { ExportDb } from '../../engine/store';
import type { InsightData, InsightDicts, InsightRecord } from '../../insights/types';
import type { DictEntry, DictName } from './api-sync';
import { loggedRecords } from './change-log-read';
import { PageNames, toInsightRecord } from './insight-record';
import { inScope } from './merge';
import type { StoredRecord } from './types';

/** Records read at a time: only one chunk of full rows is held while the flat ones are built. */
const CHUNK = 2000;

async function dictionaries(db: ExportDb, account: string): Promise<Partial<Record<DictName, DictEntry[]>>> {
  const rows = await db.lists
    .where('[source+account+name]')
    .anyOf(['leadReject', 'leadSource', 'leadStatus'].map((n) => ['alfacrm', account, n]))
    .toArray();
  return Object.fromEntries(rows.map((r) => [r.name, r.items as DictEntry[]]));
}

/** The archive board's count per column (= reason id, 0 = none) at its last read. */
async function boardCounts(db: ExportDb, account: string, partition: string): Promise<InsightData['uiCounts']> {
  const counts = (await db.jobs.get(jobKey('alfacrm', account, partition)))?.memo.lastCounts as Record<string, number> | undefined;
  if (!counts || !Object.keys(counts).length) return null;
  return { byReason: Object.fromEntries(Object.entries(counts).map(([id, n]) => [Number(id), n])) };
}

/** Names only the page gave: managers by the API's id when both are known, reasons by their column. */
class PageTexts {
  readonly managers = new Map<number, string>();
  readonly reasons = new Map<number, string>();
  note(rec: StoredRecord, flat: InsightRecord): void {
    const ui = rec.ui;
    if (!ui) return;
    if (flat.managerId !== null && flat.managerId > 0 && ui.card.manager) this.managers.set(flat.managerId, ui.card.manager);
    if (ui.kind === 'lead' && ui.columnId && ui.reasonText) this.reasons.set(ui.columnId, ui.reasonText);
  }
}

function dictsOf(lists: Partial<Record<DictName, DictEntry[]>>, texts: PageTexts, names: { sources: PageNames; managers: PageNames }): InsightDicts {
  const reasons = (lists.leadReject ?? []).map((r) => ({ id: r.id, name: r.name, enabled: r.enabled ?? true }));
  const known = new Set(reasons.map((r) => r.id));
  for (const [id, name] of texts.reasons) if (!known.has(id)) reasons.push({ id, name, enabled: true });
  const plain = (l: DictEntry[] | undefined) => (l ?? []).map(({ id, name }) => ({ id, name }));
  return {
    reasons,
    sources: [...plain(lists.leadSource), ...names.sources.entries()],
    statuses: plain(lists.leadStatus),
    managers: [...[...texts.managers].map(([id, name]) => ({ id, name })), ...names.managers.entries()],
  };
}

export async function insightData(db: ExportDb, account: string, partition: string): Promise<InsightData> {
  const branch = Number(partition);
  const part = partKey('alfacrm', account, partition);
  const [lists, uiCounts, log, keys] = await Promise.all([
    dictionaries(db, account),
    boardCounts(db, account, partition),
    loggedRecords(db, account, partition),
    db.rows.where('parts').equals(part).primaryKeys(),
  ]);
  const ids = keys.map((k) => k[2]).sort((a, b) => a - b);
  const names = { sources: new PageNames(), managers: new PageNames() };
  const texts = new PageTexts();
  const records: InsightRecord[] = [];
  let hasApi = false;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const last = ids[Math.min(i + CHUNK, ids.length) - 1];
    // One range read per chunk (rows of other branches in the range are passed over).
    const rows = await db.rows.where('[source+account+id]').between(['alfacrm', account, ids[i]], ['alfacrm', account, last], true, true).toArray();
    for (const row of rows) {
      const rec: StoredRecord = { id: row.id, api: row.api as StoredRecord['api'], ui: row.ui as StoredRecord['ui'] };
      if (!row.parts.includes(part) || !inScope(rec, { branch, only: 'all' })) continue;
      const flat = toInsightRecord(rec, log.get(row.id), names);
      texts.note(rec, flat);
      hasApi ||= !!rec.api;
      records.push(flat);
    }
  }
  return { records, dicts: dictsOf(lists, texts, names), uiCounts, hasApi };
}
