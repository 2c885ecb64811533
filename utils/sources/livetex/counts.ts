/**
 * What the popup shows of a LiveTex account: leads stored, leads whose texts no identity was
 * given (by the roles that were refused them), and what fills them. The roles are counted when a
 * run completes; the totals come from indexes on every ask.
 */
import { jobKey, type Job } from '../../engine/run';
import type { CountLine } from '../../engine/source';
import { countTally, rowsOf, type ExportDb } from '../../engine/store';
import { TALLY } from './derive';
import { factsOf } from './facts';
import { TEXT_KEYS } from './types';

/** Leads with a hidden text, per the roles that hid it (`operator`, `operator, manager`). */
export async function hiddenByRoles(db: ExportDb, account: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const row of await rowsOf(db, 'livetex', account, '')) {
    const f = factsOf(row);
    const hidden = f && TEXT_KEYS.map((k) => f.texts[k]).find((t) => !t.visible);
    if (hidden && !hidden.visible) {
      const roles = hidden.hiddenFrom.join(', ');
      out[roles] = (out[roles] ?? 0) + 1;
    }
  }
  return out;
}

export async function counts(db: ExportDb, job: Pick<Job, 'account' | 'partition'>): Promise<CountLine[]> {
  const [stored, hidden, full] = await Promise.all([
    db.rows.where('[source+account+id]').between(['livetex', job.account, -Infinity], ['livetex', job.account, Infinity]).count(),
    countTally(db, 'livetex', job.account, TALLY.hidden),
    db.jobs.get(jobKey('livetex', job.account, job.partition)),
  ]);
  const lines: CountLine[] = [{ label: 'count.leadsStored', value: stored, testId: 'count-leads' }];
  lines.push({ label: 'count.hiddenTexts', value: hidden, testId: 'count-hidden-texts' });
  if (hidden > 0) {
    const byRoles = (full?.memo.hiddenByRoles ?? {}) as Record<string, number>;
    for (const [roles, n] of Object.entries(byRoles)) lines.push({ label: ['count.hiddenFrom', roles], value: n, testId: 'count-hidden-from' });
    lines[1].hint = 'popup.fillHiddenTexts';
  }
  return lines;
}
