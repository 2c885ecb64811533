/**
 * The API side of an export: dictionaries, then every record of the target's scope, written to
 * the store page by page. Archived rows are only those fetched with `removed=2`. After a
 * complete sync of the branch, an incremental sync run stands in for the full read: the store
 * holds everything up to that sync, and the run asks only for what changed since.
 */
import { dictPage } from '@/utils/alfacrm/api-schemas';
import { DICT_NAMES, fetchAllCustomers, fetchDictionary, type CustomerFilter } from '@/utils/alfacrm/api-sync';
import { db, markLeftArchive, putApiRecords, type RecordRow } from '@/utils/db';
import { CrmError, fromErrorInfo } from '@/utils/errors';
import { jobKey, type SyncJob } from '@/utils/sync/job';
import type { ExportTarget } from '@/utils/messaging';
import { apiTokenItem, loadSettings, originOf } from '@/utils/settings';
import { clientFor } from './api-clients';
import { syncNow } from './sync/runner';

export interface ApiPartProgress {
  phase: string;
  done: number;
  total: number;
}

export type ApiPartResult = { used: true; records: number } | { used: false; note: string };

function passes(scope: ExportTarget['scope']): { filter: CustomerFilter; archived: boolean }[] {
  if (scope === 'archived-leads') return [{ filter: { removed: 2, is_study: 0 }, archived: true }];
  if (scope === 'archived-customers') return [{ filter: { removed: 2, is_study: 1 }, archived: true }];
  return [
    { filter: { removed: 0, is_study: 2 }, archived: false },
    { filter: { removed: 2, is_study: 2 }, archived: true },
  ];
}

function inScope(scope: ExportTarget['scope']) {
  return (row: RecordRow) => {
    const isStudy = row.api?.record.is_study;
    if (scope === 'archived-leads') return isStudy === 0;
    if (scope === 'archived-customers') return isStudy === 1;
    return true;
  };
}

export async function runApiPart(
  target: ExportTarget,
  onProgress: (p: ApiPartProgress) => void,
): Promise<ApiPartResult> {
  const client = await clientFor(target.origin);
  if (typeof client === 'string') return { used: false, note: client };
  const { origin, branch } = target;

  onProgress({ phase: 'API dictionaries', done: 0, total: DICT_NAMES.length });
  for (const [i, name] of DICT_NAMES.entries()) {
    const items = await fetchDictionary(client, branch, name);
    await db.dicts.put({ origin, name, items, fetchedAt: new Date().toISOString() });
    onProgress({ phase: 'API dictionaries', done: i + 1, total: DICT_NAMES.length });
  }

  const synced = await db.jobs.get(jobKey(origin, branch));
  if (synced?.state === 'idle' && synced.lastSuccessStartedAt) {
    const changes = await changesSinceSync(synced, target, onProgress);
    if (changes) return changes;
  }

  let records = 0;
  for (const pass of passes(target.scope)) {
    const phase = pass.archived ? 'API archived records' : 'API active records';
    const fetchedAt = new Date().toISOString();
    const { ids } = await fetchAllCustomers(client, branch, pass.filter, async (page) => {
      await putApiRecords(db, origin, page.items, pass.archived, fetchedAt);
      onProgress({ phase, done: page.done, total: page.total });
    });
    records += ids.size;
    // removed=2 lists every archived record: stored ones it no longer lists were restored.
    if (pass.archived) await markLeftArchive(db, origin, branch, 'api', inScope(target.scope), ids);
  }
  return { used: true, records };
}

/** The changes since the last sync, through an incremental run; null when no run could be made to read them. */
async function changesSinceSync(synced: SyncJob, target: ExportTarget, onProgress: (p: ApiPartProgress) => void): Promise<ApiPartResult | null> {
  onProgress({ phase: 'API changes', done: 0, total: 1 });
  // Resolves once the run's API part has ended (its board part, if any, goes on in a CRM tab).
  await syncNow(target.origin, target.branch, 'incremental');
  const job = await db.jobs.get(synced.key);
  const failure = job?.state === 'paused' || job?.state === 'error' ? (job.pausedReason ?? job.lastError) : undefined;
  if (failure) throw fromErrorInfo(failure);
  // Another drive of the job may still have been ending: then no new run read the changes here.
  const apiDone = job?.runStartedAt !== synced.runStartedAt && (job?.phase === 'ui' || job?.phase === 'done');
  if (!apiDone) return null;
  const changed = job?.passes.find((p) => p.name === 'changed')?.ids.length ?? 0;
  onProgress({ phase: 'API changes', done: 1, total: 1 });
  return { used: true, records: changed };
}

export async function checkConnection(): Promise<{ branches: number }> {
  const settings = await loadSettings();
  const origin = originOf(settings.crmUrl);
  if (!origin) throw new CrmError('api-not-configured', 'set the CRM address');
  await apiTokenItem.removeValue(); // a check logs in afresh with what was just saved
  const client = await clientFor(origin);
  if (typeof client === 'string') throw new CrmError('api-not-configured', client);
  const res = await client.post('/v2api/branch/index', { page: 0 }, dictPage);
  return { branches: res.total };
}
