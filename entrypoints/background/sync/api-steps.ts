/**
 * The API part of a sync, one bounded step at a time. Every page is committed together with the
 * cursor that marks it done, in one IndexedDB transaction.
 */
import type { AlfaApiClient } from '@/utils/alfacrm/api-client';
import { customerPage } from '@/utils/alfacrm/api-schemas';
import { API_PAGE_SIZE, DICT_NAMES, fetchDictionary } from '@/utils/alfacrm/api-sync';
import { db, markLeftArchive, putApiRecords, withFacts } from '@/utils/db';
import { CrmError } from '@/utils/errors';
import { pass, type ApiPass, type SyncJob } from '@/utils/sync/job';
import type { ApiRecord } from '@/utils/types';

/** Pages fetched in one step (the client's queue paces them). */
const PAGES_PER_STEP = 16;

async function commitPage(job: SyncJob, passIndex: number, page: number, items: ApiRecord[], total: number): Promise<void> {
  await db.transaction('rw', db.records, db.jobs, async () => {
    const current = await db.jobs.get(job.key);
    if (!current || current.state !== 'running' || current.runStartedAt !== job.runStartedAt) return;
    const p = current.passes[passIndex];
    if (p.pagesDone.includes(page)) return;
    // The changes query looks a day back: records already stored as they are now are not news.
    const stored = await db.records.bulkGet(items.map((r) => [job.origin, r.id] as [string, number]));
    const novel = items.filter((r, i) => stored[i]?.api?.record.updated_at !== r.updated_at || r.updated_at === undefined);
    p.novel = [...new Set([...(p.novel ?? []), ...novel.map((r) => r.id)])];
    await putApiRecords(db, job.origin, items, p.archived, new Date().toISOString());
    p.total = total;
    p.pagesDone.push(page);
    const ids = new Set(p.ids);
    for (const r of items) ids.add(r.id);
    p.ids = [...ids];
    await db.jobs.put(current);
  });
}

function fetchPage(client: AlfaApiClient, job: SyncJob, p: ApiPass, page: number) {
  return client.post(`/v2api/${job.branch}/customer/index`, { ...p.filter, branch_ids: [job.branch], page }, customerPage);
}

/** Next pages of a pass: those `total` implies, then the tail that repeated rows push past it. */
function nextPages(p: ApiPass): number[] {
  if (p.total === null) return [0];
  const planned = Math.ceil(p.total / API_PAGE_SIZE);
  const missing = [];
  for (let i = 0; i < planned && missing.length < PAGES_PER_STEP; i++) if (!p.pagesDone.includes(i)) missing.push(i);
  if (missing.length) return missing;
  if (p.ids.length >= p.total) return [];
  const last = Math.max(-1, ...p.pagesDone);
  if (last + 1 > planned * 2 + 5) throw new CrmError('pager-never-ends', `API: ${last + 1} pages, ${p.ids.length} of ${p.total}`);
  return [last + 1];
}

/** Runs one step of the API part. Returns false when the API part is complete. */
export async function apiStep(client: AlfaApiClient, job: SyncJob): Promise<boolean> {
  if (job.phase === 'dicts') {
    for (const name of DICT_NAMES) {
      const items = await fetchDictionary(client, job.branch, name);
      await db.dicts.put({ origin: job.origin, name, items, fetchedAt: new Date().toISOString() });
    }
    await updateJob(job.key, (j) => (j.phase = 'api'));
    return true;
  }
  const index = job.passes.findIndex((p) => !p.done);
  if (index < 0) return false;
  const p = job.passes[index];

  if (p.name === 'archive-count') return archiveCountStep(client, job, index);

  const pages = nextPages(p);
  if (pages.length === 0) {
    await finishPass(job, index);
    return true;
  }
  const tail = p.total !== null && pages[0] >= Math.ceil(p.total / API_PAGE_SIZE);
  await Promise.all(
    pages.map(async (page) => {
      const res = await fetchPage(client, job, p, page);
      if (tail && res.items.length === 0) {
        // An empty page ends the list (contract §1), even short of `total`: rows left meanwhile.
        await updateJob(job.key, (j) => (j.passes[index].total = j.passes[index].ids.length));
        return;
      }
      const before = new Set(p.ids);
      if (tail && res.items.every((r) => before.has(r.id))) {
        throw new CrmError('incomplete-read', `API page ${page} repeats earlier rows; ${p.ids.length} of ${p.total}`);
      }
      await commitPage(job, index, page, res.items as ApiRecord[], res.total);
    }),
  );
  return true;
}

/** The cheap check of an incremental run: has the number of archived records changed? */
async function archiveCountStep(client: AlfaApiClient, job: SyncJob, index: number): Promise<boolean> {
  const res = await fetchPage(client, job, job.passes[index], 0);
  const stored = (await db.records.where('branches').equals(job.branch).toArray()).filter(
    (r) => r.host === job.origin && r.api?.archived,
  ).length;
  await updateJob(job.key, (j) => {
    j.apiArchived = res.total;
    // A different count means changes the incremental query missed: read the archive in full.
    j.passes[index] = res.total === stored ? { ...j.passes[index], total: res.total, done: true } : pass('archived', { removed: 2, is_study: 2 }, true);
  });
  return true;
}

async function finishPass(job: SyncJob, index: number): Promise<void> {
  const p = job.passes[index];
  const seen = new Set(p.ids);
  await db.transaction('rw', db.records, db.jobs, async () => {
    if (p.name === 'archived') {
      // removed=2 lists every archived record: stored ones it no longer lists were restored.
      await markLeftArchive(db, job.origin, job.branch, 'api', () => true, seen);
    }
    if (p.name === 'changed-archived') {
      // Changed records that removed=2 did not list are active now.
      const changed = job.passes.find((x) => x.name === 'changed')?.novel ?? [];
      const rows = (await db.records.bulkGet(changed.filter((id) => !seen.has(id)).map((id) => [job.origin, id] as [string, number]))).filter((r) => r?.api);
      await db.records.bulkPut(rows.map((r) => withFacts(r!, { api: { ...r!.api!, archived: false } })));
    }
    const current = (await db.jobs.get(job.key))!;
    current.passes[index].done = true;
    if (p.name === 'archived') current.apiArchived = p.total;
    const novel = current.passes[index].novel ?? [];
    if (p.name === 'changed' && novel.length > 0) {
      current.passes.splice(index + 1, 0, pass('changed-archived', { removed: 2, is_study: 2, id: novel }, true));
    }
    await db.jobs.put(current);
  });
}

export async function updateJob(key: string, change: (job: SyncJob) => unknown): Promise<SyncJob | undefined> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(key);
    if (!job) return undefined;
    change(job);
    await db.jobs.put(job);
    return job;
  });
}
