/**
 * The source contract: everything the engine, the store and the extension's pages know of a CRM
 * comes through it. Each CRM's folder under utils/sources/ implements it. Three parts, by where
 * they run: `SourcePages` in the few-kB loader on every CRM page, `SourceTab` in the CRM tab's
 * full part, `SourceEngine` in the background and the page that builds files.
 */
import type { ButtonKey, CountKey, PhaseKey, Phrase, PlainKey } from '../i18n/keys';
import type { FieldFillData } from '../insights/field-fill';
import type { InsightData } from '../insights/types';
import type { Settings } from '../settings/schema';
import type { ApiTask, Job, Task } from './run';
import type { LineItem } from './line-blocks';
import type { ExportDb, RecordRow } from './store';

export type SourceId = 'alfacrm' | 'altegio' | 'livetex';

/** What a CRM page is, for the extension: whose data it shows and what its button exports. */
export interface PageInfo {
  source: SourceId;
  /** The store's account (AlfaCRM: the origin). */
  account: string;
  /** The part of the account a job covers (AlfaCRM: the branch); '' when there is one. */
  partition: string;
  /** What the page's button exports; null: no button on this page. */
  scope: string | null;
}

/** Light enough for the loader: recognising pages, nothing else. */
export interface SourcePages {
  id: SourceId;
  /** Its product name, as users know it. */
  name: string;
  /** Content-script matches and host permissions of the manifest. */
  matches: string[];
  /**
   * A secret of the extension's own for this CRM (not an account's), asked for in the options
   * beside its accounts and kept in the secrets under `key`; `label` is its message key.
   */
  appSecret?: { key: string; label: PlainKey };
  /** Host permissions for its API when that lives on other hosts than the pages (no content script there). */
  apiHosts?: string[];
  /**
   * A localStorage key whose presence marks this CRM's app on an origin its `matches` do not name
   * (a loopback simulator, an address the user granted): content scripts read it in the page, the
   * background has the browser read it in the sender's document (utils/background/page-marks.ts).
   */
  storageMark?: string;
  /**
   * The page at `url`, or null when it is not one of this CRM's app pages. `marks`: the
   * `storageMark`s the page's origin holds (absent: none known).
   */
  page(url: string, marks?: readonly string[]): PageInfo | null;
}

// ---------------------------------------------------------------------------------------------
// The tab-read protocol: the one way a run reads through a CRM tab's session.

/** The background asks a CRM tab to read: one task of a run, units it may skip. */
export interface TabReadRequest {
  jobKey: string;
  runId: string;
  /** The task's name, which is its reader's name. */
  task: string;
  partition: string;
  /** Unit key → count: units read already in this run, or unchanged since the last read. */
  skip: Record<string, number>;
  /**
   * Unit key → what the unit held at the last read and which of those are known to have left
   * it: a reader of a list whose new items come first may stop where the known ones resume.
   */
  known?: Record<string, KnownUnit>;
  /** What the source tells its reader for this run (SourceEngine.tabParams), e.g. a changes-since time. */
  params?: Record<string, string>;
}

export interface KnownUnit {
  held: number[];
  left: number[];
}

/** One unit of a tab read (AlfaCRM: a board column, a grid page), committed with the cursor. */
export interface TabUnit {
  key: string;
  /** How many items the unit holds per the page. */
  count: number;
  /** A label for progress and errors (a column's name). */
  label: string;
  items: unknown[];
  /** Ids the unit still holds unchanged, not sent again (a read that stopped where known items resumed). */
  kept?: number[];
  /** Where the whole read stands after this unit, when the units' counts do not add up to it. */
  progress?: TabProgress;
}

export interface TabProgress {
  /** The phase's message key. */
  phase: PhaseKey;
  done: number;
  total: number;
}

/** A request's turn under a source's shared pace: how the holder's last request went, and whether it wants another. */
export interface PaceReport {
  last?: { outcome: 'ok' | 'refused' | 'error'; retryAfterMs?: number };
  want: boolean;
}

export interface TabReadResult {
  /** Items the units read in full should hold. */
  expected: number;
  /** Unit key → count as the page showed them (skipped units included). */
  counts: Record<string, number>;
  /** Every id read, when the reader's units cannot tell what left them. */
  ids?: number[];
}

export interface TabReadIo {
  unit(u: TabUnit): Promise<void>;
  progress(done: number, total: number): void;
  /** Asks the background for the next request's turn (SourceEngine.pace): ms to wait first, 0 = go now. */
  pace?(report: PaceReport): Promise<number>;
}

export interface TabReader {
  read(req: TabReadRequest, io: TabReadIo): Promise<TabReadResult>;
}

export interface SourceTab {
  pages: SourcePages;
  readers: Record<string, TabReader>;
  /** The export button: its test id, its label's message key, and where it goes in the page. */
  button: { testId: string; label: ButtonKey; anchor(doc: Document): Element | null };
  /** File name of the diagnostics download. */
  diagnosticsFile: string;
  /** The page that lists archived records by reason (AlfaCRM: the archive board), for Insights' line and badges. */
  archiveView?: {
    is(url: string): boolean;
    /** Each reason column's header, keyed by reason id ('0': no reason). */
    columnHeaders(doc: Document): { key: string; header: Element }[];
  };
}

// ---------------------------------------------------------------------------------------------
// The background part.

/** A configured account, as the options keep it (without its secret). */
export interface AccountConfig {
  id: string;
  source: SourceId;
  /** The CRM's web address (origin). */
  origin: string;
  /** The API user (AlfaCRM: the API e-mail). */
  login: string;
}

export interface TokenCache {
  get(): Promise<string | null>;
  set(token: string | null): Promise<void>;
}

/** The API side of a source (optional: a source may read only through the tab). */
export interface SourceApi<C = unknown> {
  /** Rows per page the API serves. */
  pageSize: number;
  /** The API origin credentials of this account may go to, or the reason (a message key) when none may. */
  origin(account: AccountConfig): string | { refused: PlainKey };
  connect(account: AccountConfig, secret: string, tokens: TokenCache): C;
  /**
   * A client for an account without stored credentials, working with the session its pages hold
   * (LiveTex: the cabinet's token); null or absent: such a source reads through the tab only.
   */
  sessionClient?(account: string): C | null;
  /** A connection check for the options page: what it saw, as a message key and its values ('options.connected'). */
  check(client: C): Promise<Phrase>;
  /** One page of an API task's query. */
  fetchPage(client: C, job: Job, task: ApiTask, page: number): Promise<{ items: { id: number }[]; total: number }>;
  /**
   * What to keep of the secret the user typed, asked once when the account is saved (say, a
   * password exchanged for a token, so the password is never stored). Without it the secret is kept.
   */
  keep?(account: AccountConfig, secret: string): Promise<string>;
}

/** What a step, a commit or a hook may use. */
export interface RunContext<C = unknown> {
  db: ExportDb;
  job: Job;
  /** The API client, when the account is configured with credentials. */
  client: C | null;
}

/** Fields of a row the store derives on every write (indexed). */
export interface Derived {
  /** Partitions the record belongs to (AlfaCRM: branches). */
  partitions: string[];
  /** A small number the popup counts by (the source's own categories). */
  tally: number;
  /** The tab unit the record was last seen in. */
  unit?: string;
  /** Signature of the record's dynamic keys: the export reads one record per signature for its columns. */
  sig?: string;
  /** What the record counts towards in each of its partitions (the source's names): counted by index, no row read. */
  marks?: string[];
}

/** What committing an API page found. */
export interface PageCommit {
  /** Ids whose record was new or changed. */
  novel: number[];
  /** A newest-first list reached items an earlier read saw: the rest need not be read. */
  restKnown?: boolean;
}

export interface ExportTarget {
  source: SourceId;
  account: string;
  partition: string;
  scope: string;
  /** Only these records (a slice the Insights page names), when given. */
  ids?: number[];
}

/** The columns and cells of an export, from one record per signature and the source's lists. */
export interface FileLayout {
  columns: string[];
  header(lang: Settings['headerLanguage']): string[];
  /** Cells of a row in scope, in column order; null when the row is not in scope. */
  cells(row: RecordRow): string[] | null;
  /**
   * The same from the row's export-ready line, when the source keeps lines (line-blocks.ts):
   * the file then reads lines, not rows. Called only for lines of the target's partition and scope.
   */
  lineCells?(line: LineItem): string[];
  /** Column types for spreadsheet files. */
  types?: ('text' | 'number' | 'date' | 'datetime')[];
}

export interface SourceEngine<C = unknown> {
  id: SourceId;
  pages: SourcePages;
  api?: SourceApi<C>;
  /** The store account of a configured web origin, when the origin alone tells it (else null). */
  accountOf(origin: string): string | null;
  /** The partition a job of a configured account starts with, before any page was seen. */
  defaultPartition: string;
  /**
   * The tasks of a new run, and whether completing it counts as a sync (it reads all that
   * changed since the last). `scope`: what an export run must deliver. `mode`: when the source
   * runs another mode than asked (a full run instead of an incremental one, now and then).
   */
  plan(input: { mode: RunMode; job: Job; hasApi: boolean; scope: string | null }): { tasks: Task[]; syncs: boolean; mode?: RunMode };
  /** Tab tasks an export of `scope` needs (added to a sync run the export joins). */
  exportTasks(scope: string): Task[];
  /** One-shot steps by name: tasks to run right after, facts for the job's memo. */
  step(name: string, ctx: RunContext<C>): Promise<StepOutcome | void>;
  /** Writes one API page (inside the transaction that commits its cursor). */
  commitApiPage(ctx: RunContext<C>, task: ApiTask, items: { id: number }[]): Promise<PageCommit>;
  /** After an API task's last page: follow-up tasks (checks, verifications). */
  finishApiTask(ctx: RunContext<C>, task: ApiTask): Promise<Task[] | void>;
  /** Whether a tab read is needed at all in this run (false: marked done unread). */
  needsTab(ctx: RunContext<C>, task: string): Promise<boolean>;
  /** Units a tab read may skip (beyond those read already in this run), and what is known of the others. */
  unitPlan(ctx: RunContext<C>, task: string): Promise<{ skip: Record<string, number>; known?: Record<string, KnownUnit> }>;
  /** What a tab read is told for this run (TabReadRequest.params). */
  tabParams?(ctx: RunContext<C>, task: string): Promise<Record<string, string>>;
  /**
   * One pace shared by every channel of the account (its tabs and the API): the holder's last
   * request reported, and the ms it waits before its next may go (0: go now, the turn is its).
   * Throws a CrmError when the CRM keeps refusing. Without it, tabs are never held back.
   */
  pace?(account: string, holder: string, report: PaceReport): number;
  /** Writes one tab unit (inside the transaction that commits the cursor). */
  commitTabUnit(ctx: RunContext<C>, task: string, partition: string, unit: TabUnit): Promise<void>;
  /** After a tab read's last unit, checked complete. */
  finishTab(ctx: RunContext<C>, task: string, result: TabReadResult): Promise<void>;
  /** The derived fields of a row. */
  derive(row: Pick<RecordRow, 'api' | 'ui' | 'id'>): Derived;
  /** A run is complete: what the source keeps for the next run and the popup. */
  complete(ctx: RunContext<C>): Promise<Pick<Job, 'memo' | 'reconciled'>>;
  /** The file's layout for a target, from the store. */
  layout(db: ExportDb, target: ExportTarget): Promise<FileLayout>;
  fileName(target: ExportTarget, date: Date): string;
  /** The popup's lines for a job: counts, each with its label's message key (or phrase). */
  counts(db: ExportDb, job: Pick<Job, 'account' | 'partition'>): Promise<CountLine[]>;
  /** The message key of a task's phase (the pages say it in the user's language). */
  phase(task: Task): PhaseKey;
  /** A partition's records as flat Insights records with their dictionaries, from the store (no CRM request). */
  insights?(db: ExportDb, account: string, partition: string): Promise<InsightData>;
  /**
   * Per custom field, how many of a partition's records (those its file holds) have a value, from
   * the store: Insights for a source without `insights` (no reject reasons to tell).
   */
  fieldFill?(db: ExportDb, account: string, partition: string): Promise<FieldFillData>;
}

/** A line of the popup: its label (a count key, or a phrase when it takes values), its number, a hint under it. */
export interface CountLine {
  label: CountKey | Phrase;
  value: number;
  testId?: string;
  /** What the user can do about this number (a message key). */
  hint?: PlainKey;
}

export interface StepOutcome {
  tasks?: Task[];
  memo?: Record<string, unknown>;
}

export type RunMode = 'full' | 'incremental' | 'export';

/** Words for the user: a message key and the values it takes (utils/i18n `say` reads it). */
export type { Phrase };
