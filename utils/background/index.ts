/** Everything the background starts, in one place (the entrypoint only calls this). */
import { serve } from '../messages/router';
import { refreshBadge } from '../engine/badge';
import { forgetAccount } from '../engine/accounts';
import { resume, resumeAll } from '../engine/runner';
import { db } from '../engine/store';
import { tabGone } from '../engine/tab-reports';
import { secretsItem, settingsItem } from '../settings/items';
import { ensureAlarm, registerAlarms } from './alarms';
// Self-hosted and custom-domain CRMs: the manifest's content script (the loader) is registered on
// every origin the user grants in the options, and unregistered when access is withdrawn.
import 'webext-dynamic-content-scripts';
import { handlers, self } from './handlers';
import { limitStorageToExtensionPages } from './storage-access';

export function startBackground(): void {
  void limitStorageToExtensionPages();
  serve(handlers, self());
  registerAlarms();
  browser.tabs.onRemoved.addListener((tabId) => void tabGone(tabId));
  // A new document in a tab ends whatever the old one was reading.
  browser.tabs.onUpdated.addListener((tabId, change) => change.status === 'loading' && void tabGone(tabId));
  // New credentials: tokens of the old ones are forgotten, runs paused on a rejected key go on.
  const credentialsChanged = async () => {
    for (const a of (await settingsItem.getValue()).accounts) await forgetAccount(a.id);
    for (const j of await db.jobs.toArray()) if (j.pausedReason?.code === 'api-key-rejected') void resume(j.key);
  };
  secretsItem.watch(() => void credentialsChanged());
  settingsItem.watch(() => void credentialsChanged());
  // Every start of the worker: runs that were under way continue from their checkpoint.
  void ensureAlarm();
  void resumeAll();
  void refreshBadge();
}
