/**
 * What the page needs from outside, injected (entrypoints/insights/main.tsx wires the store):
 * the data loader, the settings port and the export of a drill-down's records.
 */
import type { Lang } from '@/utils/i18n';
import type { InsightSettingsPort } from '@/utils/insights/settings';
import type { InsightData, NamedId } from '@/utils/insights/types';

export type InsightsLoader = (account: string, branch: number) => Promise<InsightData>;
/** Writes the records as a file; may say what it saved. */
export type ExportSlice = (ids: number[]) => void | Promise<void | { fileName: string; rows: number }>;

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
