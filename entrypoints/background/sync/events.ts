/** What moves a sync along from outside: a CRM tab that opens, a failed UI read, the account. */
import { db } from '@/utils/db';
import { loadSettings, originOf } from '@/utils/settings';
import { CrmError as Err, toErrorInfo, type CrmError } from '@/utils/errors';
import { ensureJob, fail, resume } from './runner';
import { updateJob } from './api-steps';
import { requestUiRefresh, wantsBoard } from './ui-steps';

/** A logged-in page of `origin` is open: resume what waited for it. */
export async function tabReady(origin: string, branch: number): Promise<void> {
  await ensureJob(origin, branch);
  for (const job of await db.jobs.where('origin').equals(origin).toArray()) {
    if (job.state === 'paused' && job.pausedReason?.code === 'session-expired') await resume(job.key);
    else if (wantsBoard(job) && job.ui.state !== 'requested') await requestUiRefresh(job);
  }
}

export async function uiFailed(jobKey: string, runId: string, error: CrmError): Promise<void> {
  let failRun = false;
  await updateJob(jobKey, (j) => {
    if (j.runStartedAt !== runId || j.state !== 'running' || j.ui.state === 'done') return;
    if (j.phase === 'ui') failRun = true;
    else {
      // The board read ran beside the API part: that part goes on, the loop raises this after it.
      j.ui.state = 'failed';
      j.ui.error = toErrorInfo(error);
    }
  });
  if (failRun) await fail(jobKey, error);
}

/** The account the popup acts on: the options' CRM address, else the last CRM tab seen. */
export async function account(): Promise<{ origin: string; branch: number }> {
  const settings = await loadSettings();
  const jobs = await db.jobs.toArray();
  const origin = originOf(settings.crmUrl) ?? jobs[0]?.origin;
  if (!origin) throw new Err('api-not-configured', 'open your AlfaCRM or set its address in the options');
  const branch = jobs.find((j) => j.origin === origin)?.branch ?? 1;
  return { origin, branch };
}
