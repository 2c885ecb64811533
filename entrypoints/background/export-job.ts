/**
 * One export, started from a CRM tab: the API part runs here while the content script reads the
 * UI and streams batches in; when both are complete the merged CSV is downloaded. A failure
 * anywhere ends the job with a named error and leaves the store as it was plus the valid facts
 * already read.
 */
import { db, markLeftArchive, putUiFacts, type RecordRow } from '@/utils/db';
import { CrmError, toErrorInfo } from '@/utils/errors';
import { sendMessage, type ExportResult, type ExportTarget, type UiBatch, type UiReadSummary } from '@/utils/messaging';
import type { UiFacts } from '@/utils/types';
import { runApiPart, type ApiPartResult } from './api-part';
import { downloadCsv } from './download';
import { keepAliveWhile } from './keepalive';

interface Job {
  target: ExportTarget;
  tabId: number;
  api: Promise<ApiPartResult>;
  done: () => void;
}

const jobs = new Map<string, Job>();

export function beginExport(target: ExportTarget, tabId: number): string {
  const jobId = crypto.randomUUID();
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const api = runApiPart(target, (p) => {
    void sendMessage('exportProgress', { jobId, ...p }, tabId).catch(() => undefined);
  });
  api.catch(() => undefined); // observed in finishExport
  jobs.set(jobId, { target, tabId, api, done });
  void keepAliveWhile(() => finished);
  return jobId;
}

function jobFor(jobId: string, tabId: number): Job {
  const job = jobs.get(jobId);
  // Export jobs live in the worker's memory: a worker restart mid-export ends them (the store
  // keeps every batch already written, and a new click reads on from there).
  if (!job || job.tabId !== tabId) throw new CrmError('incomplete-read', 'the extension restarted during the export: click «Export archive» again');
  return job;
}

export async function storeUiBatch(batch: UiBatch, tabId: number): Promise<number> {
  const job = jobFor(batch.jobId, tabId);
  if (batch.origin !== job.target.origin || batch.branch !== job.target.branch) {
    throw new CrmError('malformed-response', 'batch for another account or branch');
  }
  const seenAt = new Date().toISOString();
  const facts: UiFacts[] = batch.items.map((item) => ({
    branch: batch.branch,
    kind: batch.kind,
    archived: true,
    columnId: item.columnId,
    reasonText: item.reasonText ?? item.card.rejectReason ?? null,
    card: item.card,
    seenAt,
  }));
  await putUiFacts(db, job.target.origin, facts);
  return facts.length;
}

export async function finishExport(summary: UiReadSummary, tabId: number): Promise<ExportResult> {
  const job = jobFor(summary.jobId, tabId);
  try {
    const ids = new Set(summary.ids);
    if (ids.size < summary.expected) {
      throw new CrmError('incomplete-read', `expected ${summary.expected}, got ${ids.size}`);
    }
    const { origin, branch, scope } = job.target;
    const kind = scope === 'archived-customers' ? 'customer' : 'lead';
    await markLeftArchive(db, origin, branch, 'ui', (r: RecordRow) => r.ui?.kind === kind, ids);
    const api = await job.api;
    void sendMessage('exportProgress', { jobId: summary.jobId, phase: 'writing the file', done: 0, total: 1 }, tabId).catch(() => undefined);
    const file = await downloadCsv(job.target);
    return {
      ...file,
      source: api.used ? 'api+ui' : 'ui',
      ...(api.used ? {} : { apiNote: api.note }),
    };
  } finally {
    endJob(summary.jobId);
  }
}

export function abortExport(jobId: string, tabId: number): void {
  if (jobs.get(jobId)?.tabId === tabId) endJob(jobId);
}

function endJob(jobId: string): void {
  jobs.get(jobId)?.done();
  jobs.delete(jobId);
}

export { toErrorInfo };
