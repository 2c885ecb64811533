/** What the popup shows: counts from the store and the state of the running work. */
import { db } from '@/utils/db';
import type { SyncStatus } from '@/utils/messaging';

export async function currentStatus(): Promise<SyncStatus> {
  let active = 0;
  let archived = 0;
  let withReason = 0;
  await db.records.each((r) => {
    const isArchived = r.ui?.archived ?? r.api?.archived ?? false;
    if (!isArchived) {
      active++;
      return;
    }
    archived++;
    const rec = r.api?.record;
    if (r.ui?.reasonText || r.ui?.columnId || rec?.lead_reject_id != null || rec?.customer_reject_id != null) withReason++;
  });
  return { state: 'idle', counts: { active, archived, withReason } };
}
