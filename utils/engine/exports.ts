/**
 * «Export …» clicked in a CRM tab: the export is a run of the same engine as the sync. It joins
 * the run under way on that account (adding the reads its page needs and its file), or starts
 * an export run; the file is written when the run completes. The tab asks how it goes.
 */
import { engineOf } from '../sources';
import { CrmError } from '../errors';
import type { TabSender } from '../messages/policy';
import type { ExportView } from '../messages/protocol';
import { clientFor } from './accounts';
import { deliveredTo } from './deliver';
import { ensureJob, updateJob } from './jobs';
import { fileTask, findTab, isDone, nextTask, startRun, type ExportRequest, type Run, type TabTask, type Task } from './run';
import { drive } from './runner';
import { db } from './store';

export async function startExport(tab: TabSender): Promise<{ jobKey: string; runId: string }> {
  const { page } = tab;
  if (!page.scope || tab.frameId !== 0) throw new CrmError('not-a-crm-page');
  const src = engineOf(page.source);
  const base = await ensureJob(page.source, page.account, page.partition);
  const hasApi = (await clientFor(page.source, page.account)) !== null;
  const request: ExportRequest = { scope: page.scope, tabId: tab.tabId, requestedAt: new Date().toISOString() };
  const job = await updateJob(base.key, (j) => {
    if (j.run && (j.state === 'running' || j.state === 'paused')) {
      join(j.run, src.exportTasks(page.scope!), request);
      j.state = 'running';
      delete j.pausedReason;
      delete j.resumeAfter;
      return;
    }
    const { tasks, syncs } = src.plan({ mode: 'export', job: j, hasApi, scope: page.scope });
    Object.assign(
      j,
      startRun(
        j,
        'export',
        tasks.filter((t) => t.kind !== 'tab'),
        new Date().toISOString(),
        syncs,
      ),
    );
    join(j.run!, tasks, request);
  });
  void drive(base.key);
  return { jobKey: base.key, runId: job!.run!.id };
}

/** Adds an export to a run: the tab reads it needs (in its own tab, unless under way elsewhere) and its file. */
function join(run: Run, needed: Task[], request: ExportRequest): void {
  for (const t of needed) {
    if (t.kind !== 'tab') continue;
    const have = findTab(run, t.name);
    if (!have) run.tasks.push({ ...t, tabId: request.tabId });
    else if (!isDone(have) && have.state !== 'requested') Object.assign(have, { tabId: request.tabId, state: 'pending', alongside: true });
  }
  if (!run.tasks.some((t) => t.kind === 'file' && t.scope === request.scope && !t.done)) run.tasks.push(fileTask(request.scope));
  run.exports.push(request);
}

/** How the export of `tabId` in run `runId` stands. */
export async function exportView(jobKey: string, runId: string, tabId: number): Promise<ExportView> {
  const told = deliveredTo(jobKey, runId, tabId);
  if (told) return { state: 'done', done: told.rows, total: told.rows, result: told };
  const job = await db.jobs.get(jobKey);
  const request =
    (job?.run?.id === runId ? job.run.exports : []).find((x) => x.tabId === tabId) ??
    (job?.finishedExports ?? []).find((x) => x.runId === runId && x.tabId === tabId);
  if (!job || !request) throw new CrmError('incomplete-read', 'the export is no longer known: click the button again');
  if (request.result) return { state: 'done', done: request.result.rows, total: request.result.rows, result: request.result };
  if (request.error) return { state: 'failed', done: 0, total: 0, error: request.error };
  const task = job.run ? nextTask(job.run) : undefined;
  const src = engineOf(job.source);
  if (!task) return { state: 'running', phase: 'phase.writingFile', done: 0, total: 0 };
  const progress = task.kind === 'api' ? { done: task.ids.length, total: task.total ?? 0 } : task.kind === 'tab' ? tabProgress(task) : { done: 0, total: 0 };
  return { state: 'running', phase: src.phase(task), ...progress };
}

function tabProgress(t: TabTask): { done: number; total: number } {
  if (t.progress) return { done: t.progress.done, total: t.progress.total };
  const done = Object.values(t.unitsDone).reduce((a, b) => a + b, 0);
  return { done, total: t.expected ?? 0 };
}
