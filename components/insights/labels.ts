/** Names for things that may have none: a reason not in the dictionary, «no source», a stage. */
import { t, type PlainKey } from '@/utils/i18n';
import type { Category, Stage } from '@/utils/insights/types';

export const reasonName = (id: number | null, name: string | null): string => (id === null ? t('insights.noReason') : name || t('insights.reasonNumber', [id]));
export const groupName = (label: string | null): string => label ?? t('insights.notSet');
export const managerName = (label: string | null): string => label ?? t('insights.noManager');

export const CATEGORY_LABEL: Record<Category, PlainKey> = {
  target: 'insights.categoryTarget',
  'non-target': 'insights.categoryNonTarget',
  unclassified: 'insights.categoryUnclassified',
};
export const STAGE_LABEL: Record<Stage | 'unknown', PlainKey> = {
  none: 'insights.stageNone',
  contact: 'insights.stageContact',
  'trial-booked': 'insights.stageTrialBooked',
  'trial-held': 'insights.stageTrialHeld',
  'awaiting-payment': 'insights.stageAwaitingPayment',
  unknown: 'insights.stageUnknown',
};
/** CSS class of a category's colour in charts. */
export const categoryClass = (c: Category): string => `cat-${c}`;
