/**
 * Every message of the extension, defined once: who may send it, the schema its data must
 * pass (the type comes from it), and the type of its answer. The router (router.ts) checks both
 * before any handler runs; `call` (send.ts) unwraps the answer. Every answer is an Outcome.
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorInfo } from '../errors';
import type { ExportResult } from '../engine/run';
import type { ExportTarget, Phrase } from '../engine/source';
import type { Status } from '../engine/status-types';
import type { PhaseKey } from '../i18n/keys';
import type { TabInsights } from '../insights/tab-summary';

/**
 * Who may send a message. `extension-page`: the popup, options or insights page;
 * `background`: the service worker (to the offscreen document or a tab); `crm-tab`: a content
 * script in a tab of a page a source recognises (handlers check further: the run's tab, the
 * account).
 */
export type SenderKind = 'extension-page' | 'background' | 'crm-tab';

interface Definition<D extends z.ZodType, R> {
  from: SenderKind;
  data: D;
  /** Never set: carries the answer's type. */
  result?: (answer: R) => void;
}

function message<R>() {
  return <D extends z.ZodType>(from: SenderKind, data: D): Definition<D, R> => ({ from, data });
}

const none = z.undefined();
const text = z.string().max(10_000);
const runRef = { jobKey: z.string().max(600), runId: z.string().max(40) };
/** Diagnostics travel with an error (shapes, no personal data): bounded in size. */
const diagnostics = z.unknown().refine((v) => v === undefined || (JSON.stringify(v)?.length ?? 0) <= 50_000, 'diagnostics too large');
const errorInfo = z.object({
  code: z.enum(ERROR_CODES),
  message: text,
  detail: text.optional(),
  crm: z.string().max(100).optional(),
  diagnostics: diagnostics.optional(),
});
const counts = z.record(z.string().max(100), z.number().int().nonnegative());
/** A phase's message key (a tab cannot name any other message). */
const phaseKey = z.custom<PhaseKey>((v) => typeof v === 'string' && /^phase\.[A-Za-z]{1,60}$/.test(v));
const progress = z.object({ phase: phaseKey, done: z.number().int().nonnegative(), total: z.number().int().nonnegative() });

const ids = z.array(z.number().int().positive()).max(1_000_000);
export const tabReadRequest = z.object({
  ...runRef,
  task: z.string().max(40),
  partition: z.string().max(100),
  skip: counts,
  known: z.record(z.string().max(100), z.object({ held: ids, left: ids })).optional(),
  params: z.record(z.string().max(40), z.string().max(200)).optional(),
});

/** An export as the CRM tab's button shows it, asked for while it runs. */
export interface ExportView {
  state: 'running' | 'done' | 'failed';
  /** While it runs. */
  phase?: PhaseKey;
  done: number;
  total: number;
  result?: ExportResult;
  error?: ErrorInfo;
}

export const PROTOCOL = {
  /** The loader asks for the full CRM part (crm-ui.js) in its page. */
  loadCrmUi: message<null>()('crm-tab', none),
  /** A logged-in page of an account is open: runs waiting for a tab may go on. */
  tabReady: message<null>()('crm-tab', none),
  /** The button was clicked (a trusted click): export what this page shows. */
  exportStart: message<{ jobKey: string; runId: string }>()('crm-tab', none),
  exportStatus: message<ExportView>()('crm-tab', z.object(runRef)),
  /** «Add this account»: the options page opens with this page's address in the form. */
  addAccount: message<null>()('crm-tab', none),
  /** A tab read's progress: one unit, committed with the run's cursor. */
  tabUnit: message<null>()(
    'crm-tab',
    z.object({
      ...runRef,
      task: z.string().max(40),
      unit: z.object({
        key: z.string().max(100),
        count: z.number().int().nonnegative(),
        label: text,
        items: z.array(z.unknown()).max(100_000),
        kept: ids.optional(),
        progress: progress.optional(),
      }),
    }),
  ),
  tabDone: message<null>()(
    'crm-tab',
    z.object({
      ...runRef,
      task: z.string().max(40),
      result: z.object({ expected: z.number().int().nonnegative(), counts, ids: ids.optional() }),
    }),
  ),
  tabFailed: message<null>()('crm-tab', z.object({ ...runRef, task: z.string().max(40), error: errorInfo })),
  /** A tab read's next request asks for its turn under the source's shared pace: ms to wait (0: go). */
  tabPace: message<number>()(
    'crm-tab',
    z.object({
      last: z.object({ outcome: z.enum(['ok', 'refused', 'error']), retryAfterMs: z.number().int().nonnegative().max(3_600_000).optional() }).optional(),
      want: z.boolean(),
    }),
  ),

  /** Background → a CRM tab: read a task of a run through this tab's session. */
  tabRead: message<'started' | 'busy' | 'failed'>()('background', tabReadRequest),
  /** Background → offscreen document (which has no storage API): build the file of a target from the store. */
  buildFile: message<{ url: string; fileName: string; rows: number }>()(
    'background',
    z.object({
      target: z.object({
        source: z.enum(['alfacrm', 'altegio', 'livetex']),
        account: z.string().max(300),
        partition: z.string().max(100),
        scope: z.string().max(40),
        ids: ids.optional(),
      }),
      settings: z.object({
        delimiter: z.enum(['auto', ';', ',']),
        headerLanguage: z.enum(['keys', 'uk', 'ru']),
        escapeFormulae: z.boolean(),
        fileFormat: z.enum(['csv', 'xlsx']),
      }),
    }),
  ),
  releaseFile: message<null>()('background', z.string().max(300)),

  getStatus: message<Status>()('extension-page', none),
  syncNow: message<null>()('extension-page', z.object({ jobKey: z.string().max(600).optional() })),
  exportAll: message<ExportResult>()('extension-page', z.object({ jobKey: z.string().max(600).optional() })),
  checkConnection: message<Phrase>()('extension-page', z.object({ accountId: z.string().max(100) })),
  /** Options, saving an account: what to keep of the secret typed (SourceApi.keep), before anything is stored. */
  keepSecret: message<string>()(
    'extension-page',
    z.object({ source: z.enum(['alfacrm', 'altegio', 'livetex']), origin: z.string().max(300), login: z.string().max(300), secret: z.string().max(2000) }),
  ),

  /** The Insights page: the records behind a number, as a file in the user's format (account and partition from the page's URL). */
  exportSlice: message<ExportResult>()('extension-page', z.object({ account: z.string().max(300), partition: z.string().max(100), ids: ids.min(1) })),

  /** The CRM tab's line beside the button and the column badges, for the sender's page (from the store). */
  insightsSummary: message<TabInsights | null>()('crm-tab', none),
  /** «Insights» in the CRM tab: the page opens for the sender's account and branch (never the message's). */
  openInsights: message<null>()('crm-tab', none),
};

export type MessageName = keyof typeof PROTOCOL;
export type DataOf<K extends MessageName> = z.infer<(typeof PROTOCOL)[K]['data']>;
export type ResultOf<K extends MessageName> = Parameters<NonNullable<(typeof PROTOCOL)[K]['result']>>[0];

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** The map @webext-core/messaging types its functions with, derived from PROTOCOL. */
export type ProtocolMap = {
  [K in MessageName]: DataOf<K> extends undefined ? () => Outcome<ResultOf<K>> : (data: DataOf<K>) => Outcome<ResultOf<K>>;
};

export type { ExportTarget };
