/** The periodic sync: an alarm every `syncPeriodMin` minutes, for configured accounts only. */
import { db } from '../engine/store';
import { RESUME_ALARM, resumeAll, syncNow } from '../engine/runner';
import { loadSettings, originOf, settingsItem } from '../settings/items';
import { checkSilentTabs } from '../engine/tab-reports';
import { SILENCE_ALARM } from '../engine/tab-task';
import { ensureAccountJobs } from './account-jobs';

export const SYNC_ALARM = 'periodic-sync';

export async function ensureAlarm(): Promise<void> {
  const { syncPeriodMin } = await loadSettings();
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === syncPeriodMin) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: syncPeriodMin, delayInMinutes: syncPeriodMin });
}

/** Starts a run for every job of a configured account that is not busy. */
export async function syncConfigured(): Promise<void> {
  await resumeAll();
  await ensureAccountJobs();
  const { accounts } = await loadSettings();
  const configured = new Set(accounts.map((a) => `${a.source}|${a.origin}`));
  for (const job of await db.jobs.toArray()) {
    if (!configured.has(`${job.source}|${originOf(job.account)}`)) continue;
    if (job.state === 'idle' || job.state === 'error') await syncNow(job.key);
  }
}

export function registerAlarms(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) return void resumeAll();
    if (alarm.name === SYNC_ALARM) void syncConfigured();
    if (alarm.name === SILENCE_ALARM) void checkSilentTabs();
  });
  browser.runtime.onInstalled.addListener(() => void ensureAlarm());
  browser.runtime.onStartup.addListener(() => {
    void ensureAlarm();
    void resumeAll({ freshStart: true });
  });
  settingsItem.watch(() => void ensureAlarm());
}
