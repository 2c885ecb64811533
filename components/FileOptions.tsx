/** How files are written: CSV or Excel, delimiter, header row, formula protection. */
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/schema';

interface Props {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}

export function FileOptions({ settings, onChange }: Props) {
  return (
    <fieldset>
      <legend>{t('options.files')}</legend>
      <label>
        {t('options.fileFormat')}
        <select
          data-testid="file-format"
          value={settings.fileFormat}
          onChange={(e) => onChange({ fileFormat: e.currentTarget.value as Settings['fileFormat'] })}
        >
          <option value="csv">{t('options.formatCsv')}</option>
          <option value="xlsx">{t('options.formatXlsx')}</option>
        </select>
      </label>
      <label>
        {t('options.csvDelimiter')}
        <select data-testid="delimiter" value={settings.delimiter} onChange={(e) => onChange({ delimiter: e.currentTarget.value as Settings['delimiter'] })}>
          <option value="auto">{t('options.byBrowserLanguage')}</option>
          <option value=";">{t('options.semicolon')}</option>
          <option value=",">{t('options.comma')}</option>
        </select>
      </label>
      <label>
        {t('options.headerRow')}
        <select
          data-testid="header-language"
          value={settings.headerLanguage}
          onChange={(e) => onChange({ headerLanguage: e.currentTarget.value as Settings['headerLanguage'] })}
        >
          <option value="keys">{t('options.fieldKeys')}</option>
          <option value="uk">{t('options.headerUk')}</option>
          <option value="ru">{t('options.headerRu')}</option>
        </select>
      </label>
      <label class="check">
        <input
          data-testid="escape-formulae"
          type="checkbox"
          checked={settings.escapeFormulae}
          onChange={(e) => onChange({ escapeFormulae: e.currentTarget.checked })}
        />
        {t('options.escapeFormulae')} (<code>'</code>)
      </label>
    </fieldset>
  );
}
