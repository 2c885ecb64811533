/**
 * Asking a CRM tab to read a task of a run (the background's side of the tab-read protocol).
 * An export's read goes to the tab its button was clicked in; a sync's to any open tab of the
 * account, its partition first. With none open the task waits for one (tabReady).
 */
import { engineOf } from '../sources';
import type { ErrorInfo } from '../errors';
import { sendMessage } from '../messages/send';
import { clientFor } from './accounts';
import { updateJob } from './jobs';
import { findTab, type Job, type TabTask } from './run';
import { db } from './store';

/** A tab that has not reported for this long is taken for gone (frozen, or its reader died). */
export const SILENCE_MS = 2 * 60_000;
export const SILENCE_ALARM = 'tab-silence';

/** Tabs showing a page of the job's account, those on its partition first. */
export async function tabsOf(job: Pick<Job, 'source' | 'account' | 'partition'>): Promise<number[]> {
  const pages = engineOf(job.source).pages;
  const tabs = await browser.tabs.query({});
  const ours = tabs
    .map((t) => ({ id: t.id, page: t.url ? pages.page(t.url) : null }))
    .filter((t): t is { id: number; page: NonNullable<typeof t.page> } => t.id != null && t.page?.account === job.account);
  ours.sort((a, b) => Number(b.page.partition === job.partition) - Number(a.page.partition === job.partition));
  return ours.map((t) => t.id);
}

/**
 * Asks a tab to read task `name` of the job's run (no-op if the run moved on). Returns the
 * error of a tab that refused the read (its reader could not load there), for the run to fail with.
 */
export async function requestTab(key: string, name: string): Promise<ErrorInfo | null> {
  const job = await db.jobs.get(key);
  const task = findTab(job?.run, name);
  if (!job?.run || !task || task.state === 'done') return null;
  const tab = task.tabId ?? (await tabsOf(job))[0] ?? null;
  const runId = job.run.id;
  const asked = await updateJob(key, (j) => {
    const t = findTab(j.run, name);
    if (j.run?.id !== runId || j.state !== 'running' || !t || t.state === 'done') return;
    t.state = tab == null ? 'waiting-tab' : 'requested';
    if (tab == null) delete t.readerTab;
    else t.readerTab = tab;
    t.requestedAt = t.heardAt = new Date().toISOString();
  });
  const t = findTab(asked?.run, name);
  if (tab == null || !asked || t?.state !== 'requested' || t.readerTab !== tab) return null;
  // Watched while it reads: a tab that falls silent is found (tab-reports.ts).
  void browser.alarms.create(SILENCE_ALARM, { periodInMinutes: 1 });
  const src = engineOf(job.source);
  const ctx = { db, job: asked, client: await clientFor(job.source, job.account) };
  const planned = await src.unitPlan(ctx, name);
  const skip = { ...planned.skip, ...t.unitsDone };
  const params = (await src.tabParams?.(ctx, name)) ?? {};
  const request = { jobKey: key, runId, task: name, partition: job.partition, skip, params, ...(planned.known ? { known: planned.known } : {}) };
  const answer = await sendMessage('tabRead', request, tab).catch(() => null);
  if (answer?.ok && answer.value !== 'failed') return null;
  // The tab could not take it (gone, or not yet listening): wait for a tab that can.
  await updateJob(key, (j) => {
    const cur = findTab(j.run, name);
    if (j.run?.id === runId && cur?.state === 'requested' && cur.readerTab === tab) cur.state = 'waiting-tab';
  });
  return answer && !answer.ok ? answer.error : null;
}

/** Whether a read was asked of a tab that no longer exists (none survives a browser restart). */
export async function readerGone(t: TabTask): Promise<boolean> {
  if (t.state !== 'requested' || t.readerTab == null) return false;
  return browser.tabs.get(t.readerTab).then(
    () => false,
    () => true,
  );
}

/** Whether the task waits for a tab's answer (requested, or waiting for a tab to open). */
export function waitingForTab(t: TabTask): boolean {
  return t.state === 'requested' || t.state === 'waiting-tab';
}
