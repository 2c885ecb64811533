/** Options: CRM address, API e-mail and key, file format. Saving runs a connection check. */
import { useEffect, useState } from 'preact/hooks';
import { errorText, tr } from '@/utils/i18n';
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
    if (settings.crmUrl && !origin) return setStatus({ tone: 'error', text: tr('CRM address: not a web address') });
    // Asked here, inside the click: browsers grant host access only during a user gesture.
    const granted = origin ? await browser.permissions.request({ origins: [`${origin}/*`] }) : true;
    if (!granted) return setStatus({ tone: 'error', text: tr('access to $1 was not granted', [origin ?? '']) });
    await settingsItem.setValue({ ...settings, crmUrl: origin ?? '' });
    await apiKeyItem.setValue(apiKey.trim());
    if (!settings.apiEmail || !apiKey.trim()) {
      return setStatus({ tone: 'info', text: tr('saved; without an API key the export holds what the CRM page shows') });
    }
    setStatus({ tone: 'info', text: tr('checking the connection…') });
    const res = await sendMessage('checkConnection');
    setStatus(res.ok ? { tone: 'ok', text: tr('connected ($1 branches)', [res.value.branches]) } : { tone: 'error', text: errorText(res.error.message) });
  };

  return (
    <form class="page" onSubmit={save}>
      <h1>{tr('CRM Archive Export')}</h1>
      <label>
        {tr('CRM address')}
        <input data-testid="crm-url" type="url" placeholder="https://demo.s20.online" value={settings.crmUrl}
          onInput={(e) => set('crmUrl', e.currentTarget.value)} />
      </label>
      <label>
        {tr('API e-mail')}
        <input data-testid="api-email" type="email" autocomplete="off" value={settings.apiEmail}
          onInput={(e) => set('apiEmail', e.currentTarget.value)} />
      </label>
      <label>
        {tr('API key')}
        <input data-testid="api-key" type="password" autocomplete="off" value={apiKey}
          onInput={(e) => setApiKey(e.currentTarget.value)} />
      </label>
      <label>
        {tr('CSV delimiter')}
        <select data-testid="delimiter" value={settings.delimiter}
          onChange={(e) => set('delimiter', e.currentTarget.value as Settings['delimiter'])}>
          <option value="auto">{tr('by browser language')}</option>
          <option value=";">{tr('; (semicolon)')}</option>
          <option value=",">{tr(', (comma)')}</option>
        </select>
      </label>
      <label>
        {tr('Header row')}
        <select data-testid="header-language" value={settings.headerLanguage}
          onChange={(e) => set('headerLanguage', e.currentTarget.value as Settings['headerLanguage'])}>
          <option value="keys">{tr('field keys (for scripts)')}</option>
          <option value="uk">Українською</option>
          <option value="ru">По-русски</option>
        </select>
      </label>
      <label class="check">
        <input data-testid="escape-formulae" type="checkbox" checked={settings.escapeFormulae}
          onChange={(e) => set('escapeFormulae', e.currentTarget.checked)} />
        {tr('Protect Excel from formulas in cells')} (<code>'</code>)
      </label>
      <button data-testid="save-settings" type="submit">{tr('Save')}</button>
      <p data-testid="settings-status" class={`status ${status?.tone ?? ''}`}>{status?.text ?? ''}</p>
    </form>
  );
}
