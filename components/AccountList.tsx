/** The saved accounts in the options page: one row each, to edit or remove. */
import type { AccountConfig } from '@/utils/engine/source';
import { tr } from '@/utils/i18n';
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
      <h2>{tr('Accounts')}</h2>
      {accounts.length === 0 && <p class="muted">{tr('No account yet: the export button still works on any CRM page, with its session.')}</p>}
      <ul>
        {accounts.map((a) => (
          <li key={a.id} data-testid="account-row" data-source={a.source} data-origin={a.origin}>
            <span>
              {name(a)} · {a.origin}
              {a.login ? ` · ${a.login}` : ''}
            </span>
            <button type="button" data-testid="account-edit" onClick={() => onEdit(a)}>
              {tr('Edit')}
            </button>
            <button type="button" data-testid="account-remove" onClick={() => onRemove(a)}>
              {tr('Remove')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="account-add" onClick={onAdd}>
        {tr('Add an account')}
      </button>
    </section>
  );
}
