/**
 * Writing the CSV to disk. A service worker has no Blob URLs, so the offscreen document builds
 * the file from the store and hands back a blob URL; the worker passes it to `downloads`.
 * Firefox has no offscreen documents, but its background is an event page with a DOM: there
 * the background builds the Blob itself.
 */
import { sendMessage, type ExportTarget } from '@/utils/messaging';
import { CrmError, fromErrorInfo } from '@/utils/errors';
import { loadSettings } from '@/utils/settings';
import { buildExportBlob } from '@/utils/build-export';
import { db } from '@/utils/db';

const OFFSCREEN_URL = 'offscreen.html';

async function ensureOffscreen(): Promise<void> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_URL)],
  });
  if (contexts.length > 0) return;
  try {
    await chrome.offscreen.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['BLOBS' as chrome.offscreen.Reason],
      justification: 'Build the CSV file from the local store as a Blob for downloading.',
    });
  } catch (e) {
    // Two exports at once may race to create it; one document is all we need.
    if (!String(e).includes('single offscreen')) throw e;
  }
}

/** The part of `downloads` waitForDownload needs: Chrome's `chrome.downloads`, Firefox's `browser.downloads`. */
interface DownloadEvents {
  onChanged: {
    addListener(cb: (delta: chrome.downloads.DownloadDelta) => void): void;
    removeListener(cb: (delta: chrome.downloads.DownloadDelta) => void): void;
  };
  search(query: { id: number }): Promise<{ state?: string; error?: string; filename?: string }[]>;
}

/**
 * Resolves with the name the file really got on disk: the browser adds « (1)» when a file of
 * that name is there already (say, the clients archive exported the same day).
 */
async function waitForDownload(id: number, wanted: string, downloads: DownloadEvents = chrome.downloads): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const settle = (state: string | undefined, error?: string) => {
      if (state === 'complete') done(resolve);
      else if (state === 'interrupted') done(() => reject(new CrmError('network', `download interrupted: ${error ?? 'unknown'}`)));
    };
    const listener = (delta: chrome.downloads.DownloadDelta) => {
      if (delta.id === id) settle(delta.state?.current, delta.error?.current);
    };
    const done = (then: () => void) => {
      downloads.onChanged.removeListener(listener);
      then();
    };
    downloads.onChanged.addListener(listener);
    // It may have finished before the listener was added.
    void downloads.search({ id }).then(([item]) => settle(item?.state, item?.error));
  });
  const [item] = await downloads.search({ id });
  return item?.filename?.split(/[\\/]/).pop() || wanted;
}

/** Firefox: the background is an event page, which has Blob URLs. */
async function downloadCsvInBackground(target: ExportTarget): Promise<{ fileName: string; rows: number; withReason: number }> {
  const { blob, fileName, rows, withReason } = await buildExportBlob(db, target, await loadSettings(), navigator.language);
  const url = URL.createObjectURL(blob);
  try {
    const id = await browser.downloads.download({ url, filename: fileName, conflictAction: 'uniquify', saveAs: false });
    const saved = await waitForDownload(id, fileName, browser.downloads as unknown as DownloadEvents);
    return { fileName: saved, rows, withReason };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Exports using the offscreen document now: the last one to end closes it, freeing its memory. */
let offscreenUsers = 0;
/** A close under way: a new export waits for it before it creates the document again. */
let closing: Promise<void> | null = null;

export async function downloadCsv(target: ExportTarget): Promise<{ fileName: string; rows: number; withReason: number }> {
  // FIREFOX is a build-time constant: the Firefox bundle carries no offscreen code at all.
  if (import.meta.env.FIREFOX || typeof chrome === 'undefined' || !chrome.offscreen) return downloadCsvInBackground(target);
  offscreenUsers++;
  try {
    return await downloadViaOffscreen(target);
  } finally {
    if (--offscreenUsers === 0) {
      closing = chrome.offscreen.closeDocument().catch(() => undefined);
      await closing;
    }
  }
}

async function downloadViaOffscreen(target: ExportTarget): Promise<{ fileName: string; rows: number; withReason: number }> {
  await closing;
  await ensureOffscreen();
  const built = await sendMessage('buildCsv', { target, settings: await loadSettings() });
  if (!built.ok) throw fromErrorInfo(built.error);
  const { url, fileName, rows, withReason } = built.value;
  try {
    const id = await chrome.downloads.download({ url, filename: fileName, conflictAction: 'uniquify', saveAs: false });
    const saved = await waitForDownload(id, fileName);
    return { fileName: saved, rows, withReason };
  } finally {
    await sendMessage('releaseCsv', url);
  }
}
