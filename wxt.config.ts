import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

import { localeProblems } from './scripts/locale-check';
import { API_HOSTS, CRM_MATCHES } from './utils/sources/pages';

/** Added only by `npm run build:e2e`, so tests can drive the simulated CRMs on loopback. */
const E2E_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  // Texts come from locales/*.yml, built into _locales/ and typed for `i18n.t` (utils/i18n).
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_app_name__',
    description: '__MSG_app_description__',
    default_locale: 'en',
    // Firefox has no offscreen documents: its background is an event page that builds the CSV itself.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'downloads', ...(browser === 'firefox' ? [] : ['offscreen']), 'scripting'],
    // The CRM pages, and API hosts of their own (LiveTex's Web API): the background calls them without CORS.
    host_permissions: [...CRM_MATCHES, ...API_HOSTS, ...(mode === 'e2e' ? E2E_MATCHES : [])],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Firefox only (Chrome flags the key as unrecognised).
    browser_specific_settings:
      browser !== 'firefox'
        ? undefined
        : {
            gecko: {
              id: 'crm-archive-export@example.org',
              // 140 is the first Firefox (and ESR) that knows data_collection_permissions.
              strict_min_version: '140.0',
              // Mozilla requires the declaration; the extension sends nothing to anyone.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
  }),
  hooks: {
    // The browser would show English for a text a locale lacks: a build error instead.
    'build:before': async () => {
      const problems = await localeProblems();
      if (problems.length) throw new Error(`locales/ disagree:\n${problems.join('\n')}`);
    },
    // The offscreen document is Chrome's way to get a Blob URL; Firefox does it in the background.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.browser !== 'firefox') return;
      const i = entrypoints.findIndex((e) => e.name === 'offscreen');
      if (i >= 0) entrypoints.splice(i, 1);
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...E2E_MATCHES];
      }
    },
  },
});
