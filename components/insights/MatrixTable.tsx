/** Reason × campaign or reason × manager: each cell's count and its share of the row (or column). */
import { t } from '@/utils/i18n';
import { colShare, rowShare, type Matrix } from '@/utils/insights/breakdowns';
import { matrixSlice, type SliceSpec } from '@/utils/insights/slices';
import { fmtInt, fmtPct } from './format';
import { useLang } from './lang';
import { reasonName } from './labels';
import { SortableTable, type Column } from './SortableTable';

interface Props {
  matrix: Matrix;
  by: 'group' | 'manager';
  colName: (label: string | null) => string;
  shareOf: 'row' | 'col';
  onDrill: (spec: SliceSpec, title: string) => void;
}

type Row = Matrix['rows'][number] & { i: number };

export function MatrixTable({ matrix, by, colName, shareOf, onDrill }: Props) {
  const lang = useLang();
  const rows: Row[] = matrix.rows.map((r, i) => ({ ...r, i }));
  const name = (r: Row) => reasonName(r.id, r.label);
  const share = shareOf === 'row' ? rowShare : colShare;
  const columns: Column<Row>[] = [
    { key: 'reason', label: t('insights.reason'), value: name },
    {
      key: 'total',
      label: t('insights.total'),
      numeric: true,
      value: (r) => r.total,
      render: (r) => fmtInt(lang, r.total),
      drill: (r) => matrixSlice(r.slot, by, undefined),
      drillTitle: name,
    },
    ...matrix.cols.map((c, j): Column<Row> => ({
      key: `c${c.slot}`,
      label: colName(c.label),
      numeric: true,
      value: (r) => matrix.counts[r.i][j],
      render: (r) =>
        matrix.counts[r.i][j] ? (
          <>
            {fmtInt(lang, matrix.counts[r.i][j])} <small>{fmtPct(lang, share(matrix, r.i, j))}</small>
          </>
        ) : (
          '·'
        ),
      drill: (r) => (matrix.counts[r.i][j] ? matrixSlice(r.slot, by, c.slot) : null),
      drillTitle: (r) => `${name(r)} — ${colName(c.label)}`,
    })),
  ];
  return (
    <div class="scroll">
      <SortableTable class="matrix" columns={columns} rows={rows} rowKey={(r) => String(r.slot)} onDrill={onDrill} />
    </div>
  );
}
