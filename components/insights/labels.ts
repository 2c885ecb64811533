/** Names for things that may have none: a reason not in the dictionary, «no source», a stage. */
import type { Category, Stage } from '@/utils/insights/types';
import type { T } from './i18n';

export const reasonName = (t: T, id: number | null, name: string | null): string => (id === null ? t('(no reason)') : name || t('reason #$1', id));
export const groupName = (t: T, label: string | null): string => label ?? t('(not set)');
export const managerName = (t: T, label: string | null): string => label ?? t('(no manager)');

export const CATEGORY_LABEL: Record<Category, string> = { target: 'target (lost)', 'non-target': 'not target', unclassified: 'unclassified' };
export const STAGE_LABEL: Record<Stage | 'unknown', string> = {
  none: 'not reached',
  contact: 'contact',
  'trial-booked': 'trial booked',
  'trial-held': 'trial held',
  'awaiting-payment': 'waiting for payment',
  unknown: 'unknown',
};
/** CSS class of a category's colour in charts. */
export const categoryClass = (c: Category): string => `cat-${c}`;
