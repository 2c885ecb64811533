/** The offscreen document's work: files built from the store as Blob URLs for the background. */
import { buildFileBlob } from '../engine/file';
import { db } from '../engine/store';
import { serve } from '../messages/router';
import { pageOf } from '../sources/pages';

export function startOffscreen(): void {
  serve(
    {
      buildFile: async ({ target, settings }) => {
        const built = await buildFileBlob(db, target, settings, navigator.language);
        return { url: URL.createObjectURL(built.blob), fileName: built.fileName, rows: built.rows };
      },
      releaseFile: (url) => {
        URL.revokeObjectURL(url);
        return null;
      },
    },
    // It answers the background only: no CRM tab's message is taken here.
    { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/'), pageOf, hostGranted: async () => false },
  );
}
