/** How files are written: CSV or Excel, delimiter, header row, formula protection. */
import { tr } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/schema';

interface Props {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}

export function FileOptions({ settings, onChange }: Props) {
  return (
    <fieldset>
      <legend>{tr('Files')}</legend>
      <label>
        {tr('File format')}
        <select
          data-testid="file-format"
          value={settings.fileFormat}
          onChange={(e) => onChange({ fileFormat: e.currentTarget.value as Settings['fileFormat'] })}
        >
          <option value="csv">CSV</option>
          <option value="xlsx">Excel (.xlsx)</option>
        </select>
      </label>
      <label>
        {tr('CSV delimiter')}
        <select data-testid="delimiter" value={settings.delimiter} onChange={(e) => onChange({ delimiter: e.currentTarget.value as Settings['delimiter'] })}>
          <option value="auto">{tr('by browser language')}</option>
          <option value=";">{tr('; (semicolon)')}</option>
          <option value=",">{tr(', (comma)')}</option>
        </select>
      </label>
      <label>
        {tr('Header row')}
        <select
          data-testid="header-language"
          value={settings.headerLanguage}
          onChange={(e) => onChange({ headerLanguage: e.currentTarget.value as Settings['headerLanguage'] })}
        >
          <option value="keys">{tr('field keys (for scripts)')}</option>
          <option value="uk">Українською</option>
          <option value="ru">По-русски</option>
        </select>
      </label>
      <label class="check">
        <input
          data-testid="escape-formulae"
          type="checkbox"
          checked={settings.escapeFormulae}
          onChange={(e) => onChange({ escapeFormulae: e.currentTarget.checked })}
        />
        {tr('Protect Excel from formulas in cells')} (<code>'</code>)
      </label>
    </fieldset>
  );
}
