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

const WARM_AFTER_MS = 1000;

export function startBackground(): void {
  void limitStorageToExtensionPages();
  serve(handlers, self());
  registerAlarms();
  browser.tabs.onRemoved.addListener((tabId) => void tabGone(tabId));
  // A new document in a tab ends whatever the old one was reading.
  browser.tabs.onUpdated.addListener((tabId, change) => change.status === 'loading' && void tabGone(tabId));
  watchCredentials();
  // The CRM tab's Insights line is built once a run completes, a moment after its export's file
  // is told to the tab, not when the tab opens and its export needs the worker.
  onRunCompleted((key) => void setTimeout(() => void warmTabSummary(key), WARM_AFTER_MS));
  // Every start of the worker: runs that were under way continue from their checkpoint, and a
  // run the browser's own failure paused (e.g. storage refusing while it shut down) goes on.
  void ensureAlarm();
  void resumeAll({ freshStart: true });
  void refreshBadge();
}
