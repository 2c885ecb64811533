/**
 * When credentials change (a key, a login, an account added or removed): the tokens and clients
 * of the old ones are forgotten, and runs paused on a rejected key go on with the new ones.
 */
import { forgetAccount } from '../engine/accounts';
import { resume } from '../engine/runner';
import { db } from '../engine/store';
import { secretsItem, settingsItem } from '../settings/items';

export async function credentialsChanged(): Promise<void> {
  for (const a of (await settingsItem.getValue()).accounts) await forgetAccount(a.id);
  for (const j of await db.jobs.toArray()) if (j.state === 'paused' && j.pausedReason?.code === 'api-key-rejected') void resume(j.key);
}

export function watchCredentials(): void {
  secretsItem.watch(() => void credentialsChanged());
  settingsItem.watch(() => void credentialsChanged());
}
