/** The periodic sync: an alarm every `syncPeriodMin` minutes, re-checked at every start. */
import { db } from '@/utils/db';
import { loadSettings, settingsItem } from '@/utils/settings';
import { RESUME_ALARM, resumeAll, syncNow } from './sync/runner';

export const SYNC_ALARM = 'periodic-sync';

export async function ensureAlarm(): Promise<void> {
  const { syncPeriodMin } = await loadSettings();
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === syncPeriodMin) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: syncPeriodMin, delayInMinutes: syncPeriodMin });
}

export function registerAlarms(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) return void resumeAll();
    if (alarm.name !== SYNC_ALARM) return;
    void (async () => {
      await resumeAll();
      for (const job of await db.jobs.toArray()) if (job.state === 'idle' || job.state === 'error') await syncNow(job.origin, job.branch);
    })();
  });
  browser.runtime.onInstalled.addListener(() => void ensureAlarm());
  browser.runtime.onStartup.addListener(() => void ensureAlarm());
  settingsItem.watch(() => void ensureAlarm());
}
