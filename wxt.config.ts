import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { CRM_MATCHES, E2E_MATCHES } from './utils/hosts';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode }) => ({
    name: 'CRM Archive Export',
    description: 'Exports every AlfaCRM lead, archived ones with their reject reasons, as an Excel-ready CSV.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'downloads', 'offscreen', 'scripting'],
    host_permissions: mode === 'e2e' ? [...CRM_MATCHES, ...E2E_MATCHES] : CRM_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    browser_specific_settings: {
      gecko: { id: 'crm-archive-export@example.org', strict_min_version: '128.0' },
    },
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...E2E_MATCHES];
      }
    },
  },
});
