/** The records behind a number: a list (first rows) and «Export this slice» for all of them. */
import { useMemo, useState } from 'preact/hooks';
import { toErrorInfo } from '@/utils/errors';
import { errorText, t } from '@/utils/i18n';
import { sliceIndices, type SliceSpec } from '@/utils/insights/slices';
import type { Tally } from '@/utils/insights/tally';
import { FormatPicker } from '../FormatPicker';
import { fmtDate, fmtInt } from './format';
import { useLang } from './lang';
import type { ExportSlice } from './ports';
import { SortableTable, type Column } from './SortableTable';

const SHOWN = 500;

interface Props {
  tally: Tally;
  spec: SliceSpec;
  title: string;
  exportSlice: ExportSlice;
  onClose: () => void;
}
interface Line {
  id: number;
  name: string;
  phone: string;
  reason: string;
  source: string;
  manager: string;
  created: string;
  archived: string;
}

export function DrillDown({ tally, spec, title, exportSlice, onClose }: Props) {
  const lang = useLang();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const { prep, groups, groupSlot } = tally.view;
  const indices = useMemo(() => sliceIndices(tally, spec), [tally, spec]);
  const lines = useMemo(
    () =>
      indices.slice(0, SHOWN).map((i): Line => {
        const r = prep.data.records[i];
        const slot = prep.reasonSlot[i];
        const manager = prep.managers[prep.managerSlot[i]];
        const archivedFrom = r.archivedAtFrom === 'first-sync' ? ` (${t('insights.firstSync')})` : '';
        return {
          id: r.id,
          name: r.name,
          phone: r.phone,
          reason:
            slot < 0
              ? r.kind === 'client'
                ? t('insights.client')
                : r.archived
                  ? ''
                  : t('insights.inWork')
              : slot === 0
                ? t('insights.noReason')
                : prep.reasons[slot].name || `#${prep.reasons[slot].id}`,
          source: r.sourceId === null ? '' : (prep.data.dicts.sources.find((s) => s.id === r.sourceId)?.name ?? groups[groupSlot[i]].label ?? `#${r.sourceId}`),
          manager: manager.name ?? (manager.id === null ? '' : `#${manager.id}`),
          created: fmtDate(r.createdAt),
          archived: r.archived ? `${fmtDate(r.archivedAt)}${archivedFrom}` : '',
        };
      }),
    [indices, prep, lang],
  );
  const text = (key: keyof Line, label: string): Column<Line> => ({ key, label, value: (l) => l[key] });
  const columns = [
    { ...text('id', 'id'), numeric: true },
    text('name', t('insights.name')),
    text('phone', t('insights.phone')),
    text('reason', t('insights.reason')),
    text('source', t('insights.source')),
    text('manager', t('insights.manager')),
    text('created', t('insights.created')),
    text('archived', t('insights.archived')),
  ];
  const doExport = async () => {
    setNote(null);
    try {
      const saved = await exportSlice(indices.map((i) => prep.data.records[i].id));
      if (saved) setNote({ ok: true, text: t('export.saved', [saved.fileName, saved.rows]) });
    } catch (e) {
      setNote({ ok: false, text: errorText(toErrorInfo(e)) });
    }
  };
  return (
    <aside class="drill" data-testid="insights-drill" role="dialog" aria-label={title}>
      <header>
        <h2>{title}</h2>
        <button type="button" class="close" onClick={onClose} aria-label={t('insights.close')}>
          ×
        </button>
      </header>
      <p>
        {t('insights.records', [fmtInt(lang, indices.length)])}
        {indices.length > SHOWN && ` — ${t('insights.firstShown', [SHOWN])}`}{' '}
        <button type="button" data-testid="export-slice" disabled={!indices.length} onClick={doExport}>
          {t('insights.exportSlice')}
        </button>
        <FormatPicker />
        {note && (
          <span data-testid="export-slice-note" data-ok={note.ok ? '1' : '0'} class={note.ok ? 'hint' : 'error'}>
            {' '}
            {note.text}
          </span>
        )}
      </p>
      <div class="scroll">
        <SortableTable columns={columns} rows={lines} rowKey={(l) => String(l.id)} onDrill={() => undefined} />
      </div>
    </aside>
  );
}
