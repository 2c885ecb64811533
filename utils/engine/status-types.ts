/** What the popup shows of each job (answer of `getStatus`). */
import type { ErrorInfo } from '../errors';
import type { PhaseKey } from '../i18n/keys';
import type { Job } from './run';
import type { CountLine, SourceId } from './source';

export interface JobStatus {
  key: string;
  source: SourceId;
  sourceName: string;
  /** Whether the source has an Insights page. */
  insights: boolean;
  account: string;
  partition: string;
  state: 'idle' | 'syncing' | 'paused' | 'error';
  phase?: PhaseKey;
  done?: number;
  total?: number;
  /** A tab read waits for a logged-in tab of the account. */
  waitingForTab?: boolean;
  pausedReason?: ErrorInfo;
  lastError?: ErrorInfo;
  lastSuccessAt?: string;
  counts: CountLine[];
  reconciled?: Job['reconciled'];
}

export interface Status {
  /** Jobs of configured accounts, the one the popup should show first. */
  jobs: JobStatus[];
  /** Accounts configured in the options. */
  accounts: number;
}
