/**
 * The one typed message protocol of the extension. Content scripts, popup, options and the
 * offscreen document talk to the background only through these messages; the background
 * validates everything that comes from a content script (see utils/message-schemas.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ErrorInfo } from './errors';
import type { Settings } from './settings';
import type { RecordKind, UiCard } from './types';

export type ExportScope = 'archived-leads' | 'archived-customers' | 'all';

export interface ExportTarget {
  /** Account origin, e.g. `https://demo.s20.online`. */
  origin: string;
  branch: number;
  scope: ExportScope;
}

/** UI facts for one record, as the content script read them. */
export interface UiBatchItem {
  card: UiCard;
  columnId: number | null;
  reasonText: string | null;
}

export interface UiBatch {
  jobId: string;
  origin: string;
  branch: number;
  kind: RecordKind;
  items: UiBatchItem[];
}

export interface UiReadSummary {
  jobId: string;
  /** Sum of the columns' board-counts (or the grid's summary total). */
  expected: number;
  /** Every id read, once each. */
  ids: number[];
}

export interface ExportResult {
  fileName: string;
  rows: number;
  withReason: number;
  source: 'api+ui' | 'ui';
  /** Why the API part was not used, when it was not. */
  apiNote?: string;
}

export interface ExportProgress {
  jobId: string;
  phase: string;
  done: number;
  total: number;
}

export interface BranchReconciliation {
  branch: number;
  /** Archived leads per the UI board (sum of its columns' counts), at the last read. */
  ui: number | null;
  /** Archived records per the API (`removed=2` total), at the last read. */
  api: number | null;
  /** Archived records in the store after the last complete run (null before one). */
  stored: number | null;
  differences: string[];
}

export interface SyncStatus {
  state: 'idle' | 'syncing' | 'paused' | 'error';
  phase?: string;
  done?: number;
  total?: number;
  pausedReason?: ErrorInfo;
  /** The archive part waits for a logged-in AlfaCRM tab to be open. */
  waitingForTab?: boolean;
  lastSuccessAt?: string;
  lastError?: ErrorInfo;
  account?: { origin: string; branch: number };
  counts: { active: number; archived: number; withReason: number };
  reconciliation: BranchReconciliation[];
}

/** Background → content script: read the archive board for a sync run. */
export interface UiRefreshRequest {
  jobKey: string;
  runId: string;
  branch: number;
  /** Column id → count: columns to leave alone (read already, or unchanged). */
  skip: Record<string, number>;
}

/** Content script → background: one archive column read in full during a sync run. */
export interface UiColumnReport {
  jobKey: string;
  runId: string;
  origin: string;
  branch: number;
  columnId: number;
  name: string;
  count: number;
  cards: UiBatchItem['card'][];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

interface ProtocolMap {
  /** Content script → background: an export begins; the API part starts at once. */
  exportBegin(target: ExportTarget): Outcome<{ jobId: string }>;
  /** Content script → background: records read from the UI. */
  exportUiBatch(batch: UiBatch): Outcome<{ stored: number }>;
  /** Content script → background: the UI read ended; merge, write the CSV, download it. */
  exportFinish(summary: UiReadSummary): Outcome<ExportResult>;
  /** Content script → background: the UI read failed; the job ends, stored data stay. */
  exportAbort(data: { jobId: string; error: ErrorInfo }): void;
  /** Background → content script tab: progress of the API part. */
  exportProgress(p: ExportProgress): void;

  /** Background → offscreen document (which has no storage API): build the CSV blob. */
  buildCsv(data: { target: ExportTarget; settings: Settings }): Outcome<{ url: string; fileName: string; rows: number; withReason: number }>;
  /** Background → offscreen document: the download is done with this blob URL. */
  releaseCsv(url: string): void;

  /**
   * Content script (the loader) → background: inject the full CRM part (crm-ui.js) into the
   * sender's page; answered once it runs there.
   */
  loadCrmUi(): Outcome<null>;
  /** Content script → background: a logged-in CRM page of this origin and branch is open. */
  crmTabReady(data: { origin: string; branch: number }): void;
  /** Background → content script: read the archive board for a sync run. */
  /** 'failed': the tab could not load its reader (it reports why with uiFailed). */
  uiRefresh(req: UiRefreshRequest): 'started' | 'busy' | 'failed';
  /** Content script → background: sync run progress from the UI side. */
  uiColumn(report: UiColumnReport): Outcome<{ stored: number }>;
  uiDone(data: { jobKey: string; runId: string; origin: string; expected: number; counts: Record<string, number> }): Outcome<null>;
  uiFailed(data: { jobKey: string; runId: string; origin: string; error: ErrorInfo }): void;

  /** Popup → background. */
  syncNow(): Outcome<null>;
  exportAll(): Outcome<ExportResult>;

  /** Options page → background: check the API connection with the saved settings. */
  checkConnection(): Outcome<{ branches: number }>;
  /** Popup → background. */
  getStatus(): SyncStatus;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
