import { apiKeyItem, apiTokenItem, settingsItem } from '@/utils/settings';
import { ensureAlarm, registerAlarms } from './alarms';
import { registerCustomOrigins } from './custom-origins';
import { registerHandlers } from './handlers';
import { limitStorageToExtensionPages } from './storage-access';
import { refreshBadge } from './sync/badge';
import { resume, resumeAll } from './sync/runner';
import { db } from '@/utils/db';

export default defineBackground({
  type: 'module',
  main() {
    void limitStorageToExtensionPages();
    registerHandlers();
    registerAlarms();
    registerCustomOrigins();
    // A token belongs to the key and address it was issued for.
    const forgetToken = () => void apiTokenItem.removeValue();
    apiKeyItem.watch(async () => {
      forgetToken();
      // A new key may cure a job paused on a rejected one.
      for (const j of await db.jobs.toArray()) if (j.pausedReason?.code === 'api-key-rejected') void resume(j.key);
    });
    settingsItem.watch(forgetToken);
    // Every start of the worker: runs that were under way continue from their checkpoint.
    void ensureAlarm();
    void resumeAll();
    void refreshBadge();
  },
});
