/**
 * The «Export archive» click, in the content script: tell the background (which starts the API
 * part), read the archive through the page's session, stream what was read to the background
 * in batches, then let it merge and download. Nothing is stored in the page's origin.
 */
import { readLeadArchive } from './alfacrm/archive-reader';
import { readCustomerArchive } from './alfacrm/customer-archive-reader';
import { branchFromUrl, pageKind } from './alfacrm/page-kind';
import { parseWithDomParser } from './alfacrm/ui-fetch';
import { CrmError, fromErrorInfo, toErrorInfo, type ErrorInfo } from './errors';
import { onMessage, sendMessage, type ExportResult, type Outcome, type UiBatchItem } from './messaging';

export interface ExportUiState {
  phase: string;
  done: number;
  total: number;
}

const BATCH = 500;

function unwrap<T>(o: Outcome<T> | undefined): T {
  if (!o) throw new CrmError('network', 'the extension did not answer');
  if (!o.ok) throw fromErrorInfo(o.error);
  return o.value;
}

export async function runExport(pageUrl: string, onState: (s: ExportUiState) => void): Promise<ExportResult> {
  const kind = pageKind(pageUrl);
  const branch = branchFromUrl(pageUrl);
  if (kind === 'other' || branch == null) throw new CrmError('not-a-crm-page');
  const origin = new URL(pageUrl).origin;
  const scope = kind === 'leads' ? 'archived-leads' : 'archived-customers';
  const { jobId } = unwrap(await sendMessage('exportBegin', { origin, branch, scope }));

  let uiPhase: ExportUiState = { phase: 'reading the archive', done: 0, total: 0 };
  onState(uiPhase);
  const stopProgress = onMessage('exportProgress', ({ data }) => {
    if (data.jobId === jobId && uiPhase.done >= uiPhase.total && uiPhase.total > 0) onState(data);
  });

  let pending: UiBatchItem[] = [];
  const flush = async () => {
    const items = pending;
    pending = [];
    if (items.length) unwrap(await sendMessage('exportUiBatch', { jobId, origin, branch, kind: kind === 'leads' ? 'lead' : 'customer', items }));
  };
  const add = async (items: UiBatchItem[]) => {
    pending.push(...items);
    if (pending.length >= BATCH) await flush();
  };
  const progress = (p: { done: number; expected: number }) => {
    uiPhase = { phase: 'reading the archive', done: p.done, total: p.expected };
    onState(uiPhase);
  };

  try {
    const read =
      kind === 'leads'
        ? await readLeadArchive({
            pageUrl,
            parse: parseWithDomParser,
            onProgress: progress,
            onChunk: ({ columnId, columnName, cards }) =>
              add(cards.map((card) => ({ card, columnId, reasonText: columnId === 0 ? null : columnName }))),
          })
        : await readCustomerArchive(branch, {
            pageUrl,
            parse: parseWithDomParser,
            onProgress: progress,
            onRows: (rows) => add(rows.map((card) => ({ card, columnId: null, reasonText: card.rejectReason ?? null }))),
          });
    await flush();
    onState({ phase: 'merging with the API', done: read.ids.length, total: read.expected });
    return unwrap(await sendMessage('exportFinish', { jobId, expected: read.expected, ids: read.ids }));
  } catch (e) {
    const error: ErrorInfo = toErrorInfo(e);
    await sendMessage('exportAbort', { jobId, error }).catch(() => undefined);
    throw e;
  } finally {
    stopProgress();
  }
}
