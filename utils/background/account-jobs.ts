/** Jobs of configured accounts: one per account before any of its pages was seen. */
import { engineOf } from '../sources';
import { ensureJob } from '../engine/jobs';
import { db } from '../engine/store';
import { loadSettings } from '../settings/items';

export async function ensureAccountJobs(): Promise<void> {
  const { accounts } = await loadSettings();
  const jobs = await db.jobs.toArray();
  for (const a of accounts) {
    const src = engineOf(a.source);
    const account = src.accountOf(a.origin);
    if (account && !jobs.some((j) => j.source === a.source && j.account === account)) await ensureJob(a.source, account, src.defaultPartition);
  }
}
