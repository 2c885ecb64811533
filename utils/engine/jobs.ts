/** Reading and changing persisted jobs, each change in a transaction of its own. */
import { jobKey, newJob, type Job } from './run';
import type { SourceId } from './source';
import { db } from './store';

export async function updateJob(key: string, change: (job: Job) => unknown): Promise<Job | undefined> {
  return db.transaction('rw', db.jobs, async () => {
    const job = await db.jobs.get(key);
    if (!job) return undefined;
    change(job);
    await db.jobs.put(job);
    return job;
  });
}

export async function ensureJob(source: SourceId, account: string, partition: string): Promise<Job> {
  const key = jobKey(source, account, partition);
  return db.transaction('rw', db.jobs, async () => {
    const existing = await db.jobs.get(key);
    if (existing) return existing;
    const job = newJob(source, account, partition);
    await db.jobs.put(job);
    return job;
  });
}
