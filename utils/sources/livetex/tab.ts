/**
 * LiveTex's part of the cabinet tab: no readers (the Web API gives everything, contract §2), and
 * the button in the header the cabinet draws after load and redraws as it navigates.
 */
import type { SourceTab } from '../../engine/source';
import { livetexPages } from './pages';

export const livetexTab: SourceTab = {
  pages: livetexPages,
  readers: {},
  button: {
    testId: 'export-leads',
    label: 'button.exportLeads',
    anchor: (doc) => doc.querySelector('header#lt-header .lt-header__actions'),
  },
  diagnosticsFile: 'livetex-diagnostics.json',
};
