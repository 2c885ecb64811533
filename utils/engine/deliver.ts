/** A run's file task: the file of an export's scope, written and downloaded, told to the export. */
import { configuredAccount } from './accounts';
import { downloadFile } from './download';
import { updateJob } from './jobs';
import type { ExportResult, FileTask, Job } from './run';

export async function deliverFile(job: Job, index: number, hasApi: boolean): Promise<void> {
  const task = job.run!.tasks[index] as FileTask;
  const file = await downloadFile({ source: job.source, account: job.account, partition: job.partition, scope: task.scope });
  const configured = await configuredAccount(job.source, job.account);
  const result: ExportResult = { fileName: file.fileName, rows: file.rows, source: hasApi ? 'api+ui' : 'ui' };
  if (!hasApi) {
    result.note = configured ? 'note.noApiKey' : 'note.unconfigured';
  }
  if (!configured) result.unconfigured = true;
  const done = await updateJob(job.key, (j) => {
    if (j.run?.id !== job.run!.id) return;
    (j.run.tasks[index] as FileTask).done = true;
    for (const x of j.run.exports) if (x.scope === task.scope && !x.result && !x.error) x.result = result;
  });
  for (const x of done?.run?.id === job.run!.id ? done.run.exports : []) if (x.result === result) noteDelivered(job.key, job.run!.id, x.tabId, result);
}

/**
 * Files told to their tabs, kept in the worker's memory too: the tab's next «how is it going»
 * is answered from here, not behind the run's last IndexedDB work (one queue per database).
 */
const delivered = new Map<string, ExportResult>();
const deliveredKey = (jobKey: string, runId: string, tabId: number) => `${jobKey}|${runId}|${tabId}`;

function noteDelivered(jobKey: string, runId: string, tabId: number, result: ExportResult): void {
  delivered.set(deliveredKey(jobKey, runId, tabId), result);
  // A few are plenty: a tab reads its answer within a second.
  for (const k of delivered.keys()) if (delivered.size > 20) delivered.delete(k);
}

export function deliveredTo(jobKey: string, runId: string, tabId: number): ExportResult | undefined {
  return delivered.get(deliveredKey(jobKey, runId, tabId));
}
