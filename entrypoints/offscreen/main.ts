/** Offscreen document: builds CSV files as Blobs, which the service worker cannot. */
import { buildExportBlob } from '@/utils/build-export';
import { db } from '@/utils/db';
import { toErrorInfo } from '@/utils/errors';
import { onMessage } from '@/utils/messaging';

onMessage('buildCsv', async ({ data: { target, settings } }) => {
  try {
    const built = await buildExportBlob(db, target, settings, navigator.language);
    const url = URL.createObjectURL(built.blob);
    return { ok: true, value: { url, fileName: built.fileName, rows: built.rows, withReason: built.withReason } };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
});

onMessage('releaseCsv', ({ data: url }) => URL.revokeObjectURL(url));
