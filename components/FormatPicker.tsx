/**
 * The file format beside an export button (popup, Insights): the same setting as the options'
 * «File format», so a choice here holds for every export until changed again.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { loadSettings, settingsItem } from '@/utils/settings/items';
import type { Settings } from '@/utils/settings/schema';

type Format = Settings['fileFormat'];

export function FormatPicker() {
  const [format, setFormat] = useState<Format | null>(null);
  useEffect(() => {
    void loadSettings().then((s) => setFormat(s.fileFormat));
    return settingsItem.watch((s) => s && setFormat(s.fileFormat));
  }, []);
  const choose = async (fileFormat: Format) => {
    setFormat(fileFormat);
    await settingsItem.setValue({ ...(await loadSettings()), fileFormat });
  };
  if (!format) return null;
  return (
    <select
      data-testid="export-format"
      class="format"
      aria-label={t('options.fileFormat')}
      value={format}
      onChange={(e) => void choose(e.currentTarget.value as Format)}
    >
      <option value="csv">CSV</option>
      <option value="xlsx">Excel (.xlsx)</option>
    </select>
  );
}
