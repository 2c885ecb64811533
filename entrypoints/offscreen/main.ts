/** Offscreen document: builds CSV files as Blobs, which the service worker cannot. */
import { buildExport } from '@/utils/build-export';
import { db } from '@/utils/db';
import { toErrorInfo } from '@/utils/errors';
import { onMessage } from '@/utils/messaging';

onMessage('buildCsv', async ({ data: { target, settings } }) => {
  try {
    const built = await buildExport(db, target, settings, navigator.language);
    const url = URL.createObjectURL(new Blob([built.csv], { type: 'text/csv;charset=utf-8' }));
    return { ok: true, value: { url, fileName: built.fileName, rows: built.rows, withReason: built.withReason } };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
});

onMessage('releaseCsv', ({ data: url }) => URL.revokeObjectURL(url));
