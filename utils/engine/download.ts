/**
 * Writing a file to disk. A service worker has no Blob URLs, so the offscreen document builds
 * the file from the store and hands back a blob URL; the worker passes it to `downloads`.
 * Firefox has no offscreen documents, but its background is an event page with a DOM: there
 * the background builds the Blob itself.
 */
import { CrmError } from '../errors';
import { call } from '../messages/send';
import { loadSettings } from '../settings/items';
import { buildFileBlob, type FileSummary } from './file';
import type { ExportTarget } from './source';
import { db } from './store';

const OFFSCREEN_URL = 'offscreen.html';

async function ensureOffscreen(): Promise<void> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    // Typed by the entrypoints of the last build, which for Firefox has no offscreen page.
    documentUrls: [(browser.runtime.getURL as (path: string) => string)(`/${OFFSCREEN_URL}`)],
  });
  if (contexts.length > 0) return;
  try {
    await browser.offscreen.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['BLOBS' as Browser.offscreen.Reason],
      justification: 'Build the export file from the local store as a Blob for downloading.',
    });
  } catch (e) {
    // Two exports at once may race to create it; one document is all we need.
    if (!String(e).includes('single offscreen')) throw e;
  }
}

/**
 * Resolves with the name the file really got on disk: the browser adds « (1)» when a file of
 * that name is there already (say, the clients archive exported the same day).
 */
async function waitForDownload(id: number, wanted: string): Promise<string> {
  const downloads = browser.downloads;
  await new Promise<void>((resolve, reject) => {
    const settle = (state: string | undefined, error?: string) => {
      if (state === 'complete') done(resolve);
      else if (state === 'interrupted') done(() => reject(new CrmError('network', `download interrupted: ${error ?? 'unknown'}`)));
    };
    const listener = (delta: Browser.downloads.DownloadDelta) => {
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
async function downloadInBackground(target: ExportTarget): Promise<FileSummary> {
  const { blob, fileName, rows } = await buildFileBlob(db, target, await loadSettings(), navigator.language);
  const url = URL.createObjectURL(blob);
  try {
    const id = await browser.downloads.download({ url, filename: fileName, conflictAction: 'uniquify', saveAs: false });
    const saved = await waitForDownload(id, fileName);
    return { fileName: saved, rows };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Exports using the offscreen document now: the last one to end closes it, freeing its memory. */
let offscreenUsers = 0;
/** A close under way: a new export waits for it before it creates the document again. */
let closing: Promise<void> | null = null;

export async function downloadFile(target: ExportTarget): Promise<FileSummary> {
  // FIREFOX is a build-time constant: the Firefox bundle carries no offscreen code at all.
  if (import.meta.env.FIREFOX || !browser.offscreen) return downloadInBackground(target);
  offscreenUsers++;
  try {
    return await downloadViaOffscreen(target);
  } finally {
    if (--offscreenUsers === 0) {
      closing = browser.offscreen.closeDocument().catch(() => undefined);
      await closing;
    }
  }
}

async function downloadViaOffscreen(target: ExportTarget): Promise<FileSummary> {
  await closing;
  await ensureOffscreen();
  const { delimiter, headerLanguage, escapeFormulae, fileFormat } = await loadSettings();
  const { url, fileName, rows } = await call('buildFile', { target, settings: { delimiter, headerLanguage, escapeFormulae, fileFormat } });
  try {
    const id = await browser.downloads.download({ url, filename: fileName, conflictAction: 'uniquify', saveAs: false });
    const saved = await waitForDownload(id, fileName);
    return { fileName: saved, rows };
  } finally {
    await call('releaseFile', url).catch(() => null);
  }
}
