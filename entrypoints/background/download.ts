/**
 * Writing the CSV to disk. A service worker has no Blob URLs, so the offscreen document builds
 * the file from the store and hands back a blob URL; the worker passes it to `downloads`.
 */
import { sendMessage, type ExportTarget } from '@/utils/messaging';
import { CrmError, fromErrorInfo } from '@/utils/errors';
import { loadSettings } from '@/utils/settings';

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

function waitForDownload(id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (state: string | undefined, error?: string) => {
      if (state === 'complete') done(resolve);
      else if (state === 'interrupted') done(() => reject(new CrmError('network', `download interrupted: ${error ?? 'unknown'}`)));
    };
    const listener = (delta: chrome.downloads.DownloadDelta) => {
      if (delta.id === id) settle(delta.state?.current, delta.error?.current);
    };
    const done = (then: () => void) => {
      chrome.downloads.onChanged.removeListener(listener);
      then();
    };
    chrome.downloads.onChanged.addListener(listener);
    // It may have finished before the listener was added.
    void chrome.downloads.search({ id }).then(([item]) => settle(item?.state, item?.error));
  });
}

export async function downloadCsv(target: ExportTarget): Promise<{ fileName: string; rows: number; withReason: number }> {
  await ensureOffscreen();
  const built = await sendMessage('buildCsv', { target, settings: await loadSettings() });
  if (!built.ok) throw fromErrorInfo(built.error);
  const { url, fileName, rows, withReason } = built.value;
  try {
    const id = await chrome.downloads.download({ url, filename: fileName, conflictAction: 'uniquify', saveAs: false });
    await waitForDownload(id);
  } finally {
    await sendMessage('releaseCsv', url);
  }
  return { fileName, rows, withReason };
}
