/** Everything the background starts, in one place (the entrypoint only calls this). */
import { serve } from '../messages/router';
import { refreshBadge } from '../engine/badge';
import { resumeAll } from '../engine/runner';
import { onRunCompleted } from '../engine/run-events';
import { tabGone } from '../engine/tab-reports';
import { ensureAlarm, registerAlarms } from './alarms';
import { watchCredentials } from './credentials';
// Self-hosted and custom-domain CRMs: the manifest's content script (the loader) is registered on
// every origin the user grants in the options, and unregistered when access is withdrawn.
import 'webext-dynamic-content-scripts';
import { handlers, self } from './handlers';
import { limitStorageToExtensionPages } from './storage-access';
import { warmTabSummary } from './tab-summary-cache';

export function startBackground(): void {
  void limitStorageToExtensionPages();
  serve(handlers, self());
  registerAlarms();
  browser.tabs.onRemoved.addListener((tabId) => void tabGone(tabId));
  // A new document in a tab ends whatever the old one was reading.
  browser.tabs.onUpdated.addListener((tabId, change) => change.status === 'loading' && void tabGone(tabId));
  watchCredentials();
  // The CRM tab's Insights line is built as soon as a run that wrote rows completes, not when a
  // tab opens and its export wants the worker (an export's file is answered from memory meanwhile).
  onRunCompleted((key) => void warmTabSummary(key));
  // Every start of the worker: runs that were under way continue from their checkpoint, and a
  // run the browser's own failure paused (e.g. storage refusing while it shut down) goes on.
  void ensureAlarm();
  void resumeAll({ freshStart: true });
  void refreshBadge();
}
