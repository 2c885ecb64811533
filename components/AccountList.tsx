/** The saved accounts in the options page: one row each, to edit or remove. */
import type { AccountConfig } from '@/utils/engine/source';
import { t } from '@/utils/i18n';
import { SOURCE_PAGES } from '@/utils/sources/pages';

interface Props {
  accounts: AccountConfig[];
  onEdit: (a: AccountConfig) => void;
  onRemove: (a: AccountConfig) => void;
  onAdd: () => void;
}

export function AccountList({ accounts, onEdit, onRemove, onAdd }: Props) {
  const name = (a: AccountConfig) => SOURCE_PAGES.find((s) => s.id === a.source)?.name ?? a.source;
  return (
    <section class="accounts">
      <h2>{t('options.accounts')}</h2>
      {accounts.length === 0 && <p class="muted">{t('options.noAccount')}</p>}
      <ul>
        {accounts.map((a) => (
          <li key={a.id} data-testid="account-row" data-source={a.source} data-origin={a.origin}>
            <span>
              {name(a)} · {a.origin}
              {a.login ? ` · ${a.login}` : ''}
            </span>
            <button type="button" data-testid="account-edit" onClick={() => onEdit(a)}>
              {t('options.edit')}
            </button>
            <button type="button" data-testid="account-remove" onClick={() => onRemove(a)}>
              {t('options.remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="account-add" onClick={onAdd}>
        {t('options.addAccount')}
      </button>
    </section>
  );
}
