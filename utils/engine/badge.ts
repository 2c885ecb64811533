/** The toolbar badge: «!» while a job waits for the user (session expired, key rejected). */
import { errorText, t } from '../i18n';
import { db } from './store';

const NEEDS_USER = new Set(['session-expired', 'api-key-rejected']);

export async function refreshBadge(): Promise<void> {
  const jobs = await db.jobs.toArray();
  const waiting = jobs.find((j) => j.state === 'paused' && NEEDS_USER.has(j.pausedReason?.code ?? ''));
  await browser.action.setBadgeText({ text: waiting ? '!' : '' });
  if (waiting) {
    await browser.action.setBadgeBackgroundColor({ color: '#c62828' });
    await browser.action.setTitle({ title: `${t('app.name')} — ${errorText(waiting.pausedReason!)}` });
  } else {
    await browser.action.setTitle({ title: t('app.name') });
  }
}
