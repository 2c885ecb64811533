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
  await updateJob(job.key, (j) => {
    if (j.run?.id !== job.run!.id) return;
    (j.run.tasks[index] as FileTask).done = true;
    for (const x of j.run.exports) if (x.scope === task.scope && !x.result && !x.error) x.result = result;
  });
}
