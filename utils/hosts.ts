/** AlfaCRM hosts the extension works on out of the box (shared/extension-interface.md). */
export const CRM_MATCHES = [
  'https://*.s20.online/*',
  'https://*.alfacrm.pro/*',
  'https://*.alfacrm.com/*',
];

/** Added only by `npm run build:e2e`, so tests can drive the simulator on loopback. */
export const E2E_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
