/** Options: CRM address, API e-mail and key, file format. Saving runs a connection check. */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/utils/messaging';
import { apiKeyItem, DEFAULT_SETTINGS, loadSettings, originOf, settingsItem, type Settings } from '@/utils/settings';

type Status = { tone: 'ok' | 'error' | 'info'; text: string } | null;

export function OptionsForm() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [apiKey, setApiKey] = useState('');
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    void loadSettings().then(setSettings);
    void apiKeyItem.getValue().then(setApiKey);
  }, []);

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings((s) => ({ ...s, [key]: value }));

  const save = async (e: Event) => {
    e.preventDefault();
    const origin = settings.crmUrl ? originOf(settings.crmUrl) : null;
    if (settings.crmUrl && !origin) return setStatus({ tone: 'error', text: 'CRM address: not a web address' });
    // Asked here, inside the click: browsers grant host access only during a user gesture.
    const granted = origin ? await browser.permissions.request({ origins: [`${origin}/*`] }) : true;
    if (!granted) return setStatus({ tone: 'error', text: `access to ${origin} was not granted` });
    await settingsItem.setValue({ ...settings, crmUrl: origin ?? '' });
    await apiKeyItem.setValue(apiKey.trim());
    if (!settings.apiEmail || !apiKey.trim()) {
      return setStatus({ tone: 'info', text: 'saved; without an API key the export holds what the CRM page shows' });
    }
    setStatus({ tone: 'info', text: 'checking the connection…' });
    const res = await sendMessage('checkConnection');
    setStatus(res.ok ? { tone: 'ok', text: `connected (${res.value.branches} branches)` } : { tone: 'error', text: res.error.message });
  };

  return (
    <form class="page" onSubmit={save}>
      <h1>CRM Archive Export</h1>
      <label>
        CRM address
        <input data-testid="crm-url" type="url" placeholder="https://demo.s20.online" value={settings.crmUrl}
          onInput={(e) => set('crmUrl', e.currentTarget.value)} />
      </label>
      <label>
        API e-mail
        <input data-testid="api-email" type="email" autocomplete="off" value={settings.apiEmail}
          onInput={(e) => set('apiEmail', e.currentTarget.value)} />
      </label>
      <label>
        API key
        <input data-testid="api-key" type="password" autocomplete="off" value={apiKey}
          onInput={(e) => setApiKey(e.currentTarget.value)} />
      </label>
      <label>
        CSV delimiter
        <select data-testid="delimiter" value={settings.delimiter}
          onChange={(e) => set('delimiter', e.currentTarget.value as Settings['delimiter'])}>
          <option value="auto">by browser language</option>
          <option value=";">; (semicolon)</option>
          <option value=",">, (comma)</option>
        </select>
      </label>
      <label>
        Header row
        <select data-testid="header-language" value={settings.headerLanguage}
          onChange={(e) => set('headerLanguage', e.currentTarget.value as Settings['headerLanguage'])}>
          <option value="keys">field keys (for scripts)</option>
          <option value="uk">Українською</option>
          <option value="ru">По-русски</option>
        </select>
      </label>
      <label class="check">
        <input data-testid="escape-formulae" type="checkbox" checked={settings.escapeFormulae}
          onChange={(e) => set('escapeFormulae', e.currentTarget.checked)} />
        Protect Excel from formulas in cells (prefix <code>'</code>)
      </label>
      <button data-testid="save-settings" type="submit">Save</button>
      <p data-testid="settings-status" class={`status ${status?.tone ?? ''}`}>{status?.text ?? ''}</p>
    </form>
  );
}
