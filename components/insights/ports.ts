/**
 * What the page needs from outside, injected so the lead can wire the real store later:
 * the data loader, the settings port and the export of a drill-down's records.
 */
import type { Lang } from '@/utils/i18n';
import type { InsightSettingsPort } from '@/utils/insights/settings';
import type { InsightData, NamedId } from '@/utils/insights/types';

export type InsightsLoader = (account: string, branch: number) => Promise<InsightData>;
export type ExportSlice = (ids: number[]) => void | Promise<void>;

export interface InsightsPageProps {
  account: string;
  branches: NamedId[];
  /** The branch shown first (the one used last). */
  branch: number;
  lang: Lang;
  load: InsightsLoader;
  settings: InsightSettingsPort;
  exportSlice: ExportSlice;
  /** Told when the user picks another branch (e.g. to remember it as «used last»). */
  onBranchChange?: (branch: number) => void;
}
