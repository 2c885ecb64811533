/**
 * A table sorted by clicking a header (again: the other way). Cells of columns with a `drill`
 * are buttons that open the records behind the number.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { SliceSpec } from '@/utils/insights/slices';

export interface Column<R> {
  key: string;
  label: string;
  /** What the column sorts by (and shows, unless render is given). */
  value: (row: R) => number | string | null;
  render?: (row: R) => ComponentChildren;
  drill?: (row: R) => SliceSpec | null;
  /** The drill-down's title, e.g. «Instagram — archived target». */
  drillTitle?: (row: R) => string;
  numeric?: boolean;
  title?: string;
}

interface Props<R> {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  rowAttrs?: (row: R) => Record<string, string>;
  footer?: R;
  initialSort?: { key: string; desc: boolean };
  onDrill: (spec: SliceSpec, title: string) => void;
  class?: string;
}

function compare(a: number | string | null, b: number | string | null): number {
  // Empty values sort last whichever way the column is sorted (handled by the caller's sign).
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function SortableTable<R>(p: Props<R>) {
  const [sort, setSort] = useState(p.initialSort ?? null);
  const col = sort && p.columns.find((c) => c.key === sort.key);
  const rows = !col
    ? p.rows
    : [...p.rows].sort((x, y) => {
        const a = col.value(x),
          b = col.value(y);
        const blankA = a === null || (typeof a === 'number' && Number.isNaN(a)),
          blankB = b === null || (typeof b === 'number' && Number.isNaN(b));
        if (blankA || blankB) return Number(blankA) - Number(blankB);
        return sort!.desc ? compare(b, a) : compare(a, b);
      });
  const click = (key: string) => setSort((s) => ({ key, desc: s?.key === key ? !s.desc : true }));
  const cell = (c: Column<R>, row: R, footer: boolean): JSX.Element => {
    const shown = c.render ? c.render(row) : c.value(row);
    const spec = c.drill?.(row) ?? null;
    const content = spec ? (
      <button type="button" class="num" onClick={() => p.onDrill(spec, c.drillTitle?.(row) ?? c.label)}>
        {shown}
      </button>
    ) : (
      shown
    );
    return footer ? (
      <th key={c.key} class={c.numeric ? 'n' : ''}>
        {content}
      </th>
    ) : (
      <td key={c.key} class={c.numeric ? 'n' : ''}>
        {content}
      </td>
    );
  };
  return (
    <table class={`grid ${p.class ?? ''}`}>
      <thead>
        <tr>
          {p.columns.map((c) => (
            <th key={c.key} class={c.numeric ? 'n' : ''} title={c.title} aria-sort={sort?.key === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
              <button type="button" class="sort" onClick={() => click(c.key)}>
                {c.label}
                {sort?.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={p.rowKey(row)} {...(p.rowAttrs?.(row) ?? {})}>
            {p.columns.map((c) => cell(c, row, false))}
          </tr>
        ))}
      </tbody>
      {p.footer && (
        <tfoot>
          <tr>{p.columns.map((c) => cell(c, p.footer!, true))}</tr>
        </tfoot>
      )}
    </table>
  );
}
