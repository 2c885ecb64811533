/**
 * Altegio's part of the CRM tab: its one reader (the client base's reads, reader.ts) and where
 * «Export clients» goes: after the page title inside `#clients-base-app`, the container the app
 * redraws (the tab keeps the button there).
 */
import type { SourceTab } from '../../engine/source';
import { altegioPages } from './pages';
import { TAB_READ } from './plan';
import { readClients } from './reader';

export const altegioTab: SourceTab = {
  pages: altegioPages,
  readers: { [TAB_READ]: { read: (req, io) => readClients(req, io) } },
  button: {
    testId: 'export-clients',
    label: 'button.exportClients',
    anchor: (doc) => doc.querySelector('#clients-base-app [data-locator="page_title"]') ?? doc.querySelector('#clients-base-app > :first-child'),
  },
  diagnosticsFile: 'altegio-diagnostics.json',
};
