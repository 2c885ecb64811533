/**
 * Options: the saved accounts, the form that adds or edits one (address, source, API login and
 * key), and how files are written. Saving an account with credentials runs a connection check.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountConfig, SourceId } from '@/utils/engine/source';
import { errorText, say, t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages/send';
import { loadSettings, originOf, secretsItem, settingsItem } from '@/utils/settings/items';
import { credentialsRefused } from '@/utils/settings/address';
import { DEFAULT_SETTINGS, DRAFT_SECRET, type Settings } from '@/utils/settings/schema';
import { SOURCE_PAGES, sourceOfOrigin } from '@/utils/sources/pages';
import { AccountList } from './AccountList';
import { FileOptions } from './FileOptions';

type Status = { tone: 'ok' | 'error' | 'info'; text: string } | null;

interface Draft {
  id: string | null;
  url: string;
  source: SourceId | '';
  login: string;
  secret: string;
  /** The source's own secret (SourcePages.appSecret), when it has one. */
  appSecret: string;
}

/** The extension's own secret for a source, if it asks for one (Altegio's partner token). */
const appSecretOf = (source: SourceId) => SOURCE_PAGES.find((s) => s.id === source)?.appSecret;

const EMPTY: Draft = { id: null, url: '', source: '', login: '', secret: '', appSecret: '' };

export function OptionsForm() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [status, setStatus] = useState<Status>(null);

  const edit = async (a: AccountConfig | null, s?: Settings) => {
    const secrets = await secretsItem.getValue();
    const app = a ? appSecretOf(a.source) : undefined;
    if (a) setDraft({ id: a.id, url: a.origin, source: a.source, login: a.login, secret: secrets[a.id] ?? '', appSecret: app ? (secrets[app.key] ?? '') : '' });
    else setDraft({ ...EMPTY, login: s?.draftLogin ?? '', secret: secrets[DRAFT_SECRET] ?? '' });
  };

  useEffect(() => {
    void loadSettings().then((s) => {
      setSettings(s);
      // «Add this account» in a CRM tab opens this page with that page's address.
      const add = originOf(new URLSearchParams(location.search).get('add') ?? '');
      if (add) setDraft({ ...EMPTY, url: add });
      else void edit(s.accounts[0] ?? null, s);
    });
  }, []);

  const setFile = (change: Partial<Settings>) => setSettings((s) => ({ ...s, ...change }));
  const detected = draft.url ? sourceOfOrigin(originOf(draft.url) ?? '') : null;
  const appSecret = appSecretOf(draft.source || detected || 'alfacrm');

  const save = async (e: Event) => {
    e.preventDefault();
    const fileSettings = {
      delimiter: settings.delimiter,
      headerLanguage: settings.headerLanguage,
      escapeFormulae: settings.escapeFormulae,
      fileFormat: settings.fileFormat,
    };
    const current = await loadSettings();
    if (!draft.url.trim()) {
      if (draft.login || draft.secret) return setStatus({ tone: 'error', text: t('options.urlRequired') });
      await settingsItem.setValue({ ...current, ...fileSettings });
      return setStatus({ tone: 'info', text: t('options.saved') });
    }
    const origin = originOf(draft.url.trim());
    if (!origin) return setStatus({ tone: 'error', text: t('options.notAWebAddress') });
    const refused = draft.secret ? credentialsRefused(origin) : null;
    if (refused) return setStatus({ tone: 'error', text: t(refused) });
    // Asked here, inside the click: browsers grant host access only during a user gesture.
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) return setStatus({ tone: 'error', text: t('options.accessNotGranted', [origin]) });
    const source: SourceId = draft.source || detected || 'alfacrm';
    const same = current.accounts.find((a) => a.id === draft.id) ?? current.accounts.find((a) => a.source === source && a.origin === origin);
    const account: AccountConfig = { id: same?.id ?? crypto.randomUUID(), source, origin, login: draft.login.trim() };
    const accounts = [...current.accounts.filter((a) => a.id !== account.id), account];
    const next: Settings = { ...current, ...fileSettings, accounts };
    delete next.draftLogin;
    const secrets = { ...(await secretsItem.getValue()) };
    delete secrets[DRAFT_SECRET];
    const app = appSecretOf(source);
    if (app && draft.appSecret.trim()) secrets[app.key] = draft.appSecret.trim();
    else if (app) delete secrets[app.key];
    let secret = draft.secret.trim();
    if (secret && secret !== secrets[account.id]) {
      // What the source keeps of a new secret (a password becomes a token), asked before anything is stored.
      if (app) await secretsItem.setValue({ ...(await secretsItem.getValue()), ...(secrets[app.key] ? { [app.key]: secrets[app.key] } : {}) });
      setStatus({ tone: 'info', text: t('options.checking') });
      const kept = await sendMessage('keepSecret', { source, origin, login: account.login, secret });
      if (!kept.ok) return setStatus({ tone: 'error', text: errorText(kept.error) });
      secret = kept.value;
    }
    if (secret) secrets[account.id] = secret;
    else delete secrets[account.id];
    await secretsItem.setValue(secrets);
    await settingsItem.setValue(next);
    setSettings(next);
    setDraft({ ...draft, id: account.id, url: origin, source, secret });
    if (!account.login || !secret) {
      return setStatus({ tone: 'info', text: t('options.savedWithoutKey') });
    }
    setStatus({ tone: 'info', text: t('options.checking') });
    const res = await sendMessage('checkConnection', { accountId: account.id });
    setStatus(res.ok ? { tone: 'ok', text: say(res.value) } : { tone: 'error', text: errorText(res.error) });
  };

  const remove = async (a: AccountConfig) => {
    const current = await loadSettings();
    const next = { ...current, accounts: current.accounts.filter((x) => x.id !== a.id) };
    const secrets = { ...(await secretsItem.getValue()) };
    delete secrets[a.id];
    await secretsItem.setValue(secrets);
    await settingsItem.setValue(next);
    setSettings(next);
    if (draft.id === a.id) setDraft(EMPTY);
  };

  return (
    <form class="page" onSubmit={save}>
      <h1>{t('app.name')}</h1>
      <AccountList accounts={settings.accounts} onEdit={(a) => void edit(a)} onRemove={(a) => void remove(a)} onAdd={() => setDraft(EMPTY)} />
      <fieldset>
        <legend>{draft.id ? t('options.account') : t('options.newAccount')}</legend>
        <label>
          {t('options.crmAddress')}
          <input
            data-testid="crm-url"
            type="url"
            placeholder="https://demo.s20.online"
            value={draft.url}
            onInput={(e) => setDraft({ ...draft, url: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('options.crm')}
          <select
            data-testid="account-source"
            value={draft.source || detected || 'alfacrm'}
            disabled={!!detected}
            onChange={(e) => setDraft({ ...draft, source: e.currentTarget.value as SourceId })}
          >
            {SOURCE_PAGES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('options.apiEmail')}
          <input
            data-testid="api-email"
            type="email"
            autocomplete="off"
            value={draft.login}
            onInput={(e) => setDraft({ ...draft, login: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('options.apiKey')}
          <input
            data-testid="api-key"
            type="password"
            autocomplete="off"
            value={draft.secret}
            onInput={(e) => setDraft({ ...draft, secret: e.currentTarget.value })}
          />
        </label>
        {appSecret && (
          <label>
            {t(appSecret.label)}
            <input
              data-testid="app-secret"
              type="password"
              autocomplete="off"
              value={draft.appSecret}
              onInput={(e) => setDraft({ ...draft, appSecret: e.currentTarget.value })}
            />
          </label>
        )}
      </fieldset>
      <FileOptions settings={settings} onChange={setFile} />
      <button data-testid="save-settings" type="submit">
        {t('options.save')}
      </button>
      <p data-testid="settings-status" class={`status ${status?.tone ?? ''}`}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}
