/**
 * Carries a v3 store (AlfaCRM's alone, keyed by host) into v4 (keyed by source + account + id):
 * every record, its facts as they were; jobs keep what the next run needs (last sync, counts),
 * and a run that was under way starts again at the next sync.
 */
import type { Transaction } from 'dexie';
import type { Job } from '../../engine/run';
import { jobKey, newJob } from '../../engine/run';
import { toRow } from '../../engine/rows';
import { derive } from './derive';
import { project } from './line';
import type { RecordRow } from '../../engine/store';
import type { ApiFacts, UiFacts } from './types';

interface V3Row {
  host: string;
  id: number;
  api?: ApiFacts;
  ui?: UiFacts;
}

interface V3Job {
  origin: string;
  branch: number;
  lastSuccessAt?: string;
  lastSuccessStartedAt?: string;
  uiArchived?: number | null;
  apiArchived?: number | null;
  ui?: { lastCounts?: Record<string, number> };
}

const CHUNK = 2000;

export async function upgradeToV4(tx: Transaction): Promise<void> {
  const from = tx.table('records');
  const to = tx.table('rows');
  let last: [string, number] | null = null;
  for (;;) {
    const chunk: V3Row[] = await (last ? from.where(':id').above(last) : from.toCollection()).limit(CHUNK).toArray();
    if (chunk.length === 0) break;
    await to.bulkPut(chunk.map((r) => toRow('alfacrm', r.host, r.id, { api: r.api, ui: r.ui }, derive)));
    last = [chunk[chunk.length - 1].host, chunk[chunk.length - 1].id];
  }
  const dicts: { origin: string; name: string; items: unknown[]; fetchedAt: string }[] = await tx.table('dicts').toArray();
  await tx.table('lists').bulkPut(dicts.map((d) => ({ source: 'alfacrm', account: d.origin, name: d.name, items: d.items, fetchedAt: d.fetchedAt })));
  const jobs = tx.table('jobs');
  const old: V3Job[] = await jobs.toArray();
  await jobs.clear();
  await jobs.bulkPut(old.map(jobFromV3));
}

/** v4 → v5: the export-ready line of every stored row (all of them AlfaCRM's then). */
export async function linesForV5(tx: Transaction): Promise<void> {
  const rows = tx.table('rows');
  const lines = tx.table('lines');
  let last: [string, string, number] | null = null;
  for (;;) {
    const chunk: RecordRow[] = await (last ? rows.where(':id').above(last) : rows.toCollection()).limit(CHUNK).toArray();
    if (chunk.length === 0) break;
    const made = chunk.flatMap((r) => {
      const line = project(r);
      return line ? [{ source: r.source, account: r.account, id: r.id, parts: r.parts, ...line }] : [];
    });
    await lines.bulkPut(made);
    const end = chunk[chunk.length - 1];
    last = [end.source, end.account, end.id];
  }
}

export function jobFromV3(j: V3Job): Job {
  const job = newJob('alfacrm', j.origin, String(j.branch));
  job.key = jobKey('alfacrm', j.origin, String(j.branch));
  if (j.lastSuccessAt) job.lastSuccessAt = j.lastSuccessAt;
  if (j.lastSuccessStartedAt) job.lastSuccessStartedAt = j.lastSuccessStartedAt;
  job.memo = { lastCounts: j.ui?.lastCounts ?? {}, uiArchived: j.uiArchived ?? null, apiArchived: j.apiArchived ?? null };
  return job;
}
