/**
 * What CRM tabs report of their reads (the tab-read protocol's background side): each unit is
 * committed with the cursor in one transaction, and only from the tab the run asked, showing a
 * page of the run's account. Also the tab events that move runs along.
 */
import { engineOf } from '../sources';
import { CrmError, fromErrorInfo, type ErrorInfo } from '../errors';
import type { TabSender } from '../messages/policy';
import { configuredAccount } from './accounts';
import { ensureJob, updateJob } from './jobs';
import { findTab, nextTask, type Job, type TabTask } from './run';
import { drive, fail, resume } from './runner';
import type { TabReadResult, TabUnit } from './source';
import { db } from './store';
import { requestTab, SILENCE_ALARM, SILENCE_MS } from './tab-task';

interface Report {
  jobKey: string;
  runId: string;
  task: string;
}

/** The task a tab's report is for, checked: the run under way, the tab it asked, the account. */
function taskFor(job: Job | undefined, r: Report, tab: TabSender): TabTask {
  if (!job?.run || job.source !== tab.page.source || job.account !== tab.page.account) throw new CrmError('malformed-response', 'a report for another account');
  const task = findTab(job.run, r.task);
  if (job.run.id !== r.runId || job.state !== 'running' || !task || task.state !== 'requested' || task.readerTab !== tab.tabId) {
    throw new CrmError('malformed-response', 'the run has ended or asked another tab');
  }
  return task;
}

export async function commitUnit(r: Report & { unit: TabUnit }, tab: TabSender): Promise<void> {
  await db.transaction('rw', [...db.factTables, db.jobs, db.lists], async () => {
    const job = await db.jobs.get(r.jobKey);
    const task = taskFor(job, r, tab);
    task.heardAt = new Date().toISOString();
    if (r.unit.progress) task.progress = r.unit.progress;
    if (task.unitsDone[r.unit.key] === undefined) {
      await engineOf(job!.source).commitTabUnit({ db, job: job!, client: null }, r.task, job!.partition, r.unit);
      task.unitsDone[r.unit.key] = r.unit.count;
    }
    await db.jobs.put(job!);
  });
}

export async function finishRead(r: Report & { result: TabReadResult }, tab: TabSender): Promise<void> {
  await db.transaction('rw', [...db.factTables, db.jobs, db.lists], async () => {
    const job = await db.jobs.get(r.jobKey);
    const task = taskFor(job, r, tab);
    await engineOf(job!.source).finishTab({ db, job: job!, client: null }, r.task, r.result);
    task.state = 'done';
    task.expected = r.result.expected;
    await db.jobs.put(job!);
  });
  void drive(r.jobKey);
}

/**
 * A tab could not read: the run fails now if it waits for this read (or it was an export's own
 * tab); a read beside other tasks keeps its error until they are done.
 */
export async function readFailed(r: Report & { error: ErrorInfo }, tab: TabSender): Promise<void> {
  let failNow = false;
  await updateJob(r.jobKey, (j) => {
    const task = taskFor(j, r, tab);
    failNow = task.tabId != null || nextTask(j.run!) === task;
    if (!failNow) Object.assign(task, { state: 'failed', error: r.error });
  });
  if (failNow) await fail(r.jobKey, fromErrorInfo(r.error));
}

/**
 * A logged-in page of an account is open. Only for accounts the user configured does this
 * create or resume a sync; for any account, runs waiting for a tab (an export's) go on.
 */
export async function tabReady(tab: TabSender): Promise<void> {
  const { page } = tab;
  if (await configuredAccount(page.source, page.account)) await ensureJob(page.source, page.account, page.partition);
  const jobs = await db.jobs.where('[source+account]').equals([page.source, page.account]).toArray();
  for (const job of jobs) {
    if (job.state === 'paused' && job.pausedReason?.code === 'session-expired') await resume(job.key);
    else if (job.state === 'running' && job.run) {
      for (const t of job.run.tasks) {
        if (t.kind !== 'tab' || t.state !== 'waiting-tab' || t.tabId != null) continue;
        const refused = await requestTab(job.key, t.name);
        if (refused) await fail(job.key, fromErrorInfo(refused));
      }
    }
  }
}

/** When each tab was last heard outside its units (pace turns), so a busy tab costs a write per half minute. */
const heardOf = new Map<number, number>();

/** A tab that asks for its pace turns is reading, not silent, between units (a long Retry-After). */
export async function tabHeard(tabId: number, now = Date.now()): Promise<void> {
  if (now - (heardOf.get(tabId) ?? 0) < 30_000) return;
  heardOf.set(tabId, now);
  for (const job of (await db.jobs.toArray()).filter((j) => j.state === 'running')) {
    if (!job.run?.tasks.some((t) => t.kind === 'tab' && t.state === 'requested' && t.readerTab === tabId)) continue;
    await updateJob(job.key, (j) => {
      for (const t of j.run?.tasks ?? []) if (t.kind === 'tab' && t.state === 'requested' && t.readerTab === tabId) t.heardAt = new Date(now).toISOString();
    });
  }
}

/** Reads whose tab fell silent: an export's ends named, a sync's goes to another tab (or waits). */
export async function checkSilentTabs(now = Date.now()): Promise<void> {
  let waiting = false;
  for (const job of (await db.jobs.toArray()).filter((j) => j.state === 'running')) {
    for (const t of job.run?.tasks ?? []) {
      if (t.kind !== 'tab' || t.state !== 'requested') continue;
      if (now - Date.parse(t.heardAt ?? t.requestedAt ?? '') < SILENCE_MS) {
        waiting = true;
        continue;
      }
      await readerLost(job, t, 'no answer from the tab for 2 minutes');
    }
  }
  if (!waiting) await browser.alarms.clear(SILENCE_ALARM);
}

async function readerLost(job: Job, t: TabTask, detail?: string): Promise<void> {
  if (t.tabId != null) return fail(job.key, new CrmError('tab-closed', detail));
  await updateJob(job.key, (j) => void Object.assign(findTab(j.run, t.name) ?? {}, { state: 'waiting-tab' }));
  const refused = await requestTab(job.key, t.name);
  if (refused) await fail(job.key, fromErrorInfo(refused));
}

/** A tab that closed or loaded another document cannot finish its read. */
export async function tabGone(tabId: number): Promise<void> {
  const jobs = (await db.jobs.toArray()).filter((j) => j.state === 'running');
  for (const job of jobs) {
    const reading = job.run?.tasks.filter((t): t is TabTask => t.kind === 'tab' && t.state === 'requested' && t.readerTab === tabId) ?? [];
    for (const t of reading) await readerLost(job, t);
  }
}
