/**
 * Reason × campaign and reason × manager (archived leads), and archived leads by month: by the
 * month the lead was created (cohorts) and by the month it was archived.
 */
import { monthLabel } from './dates';
import type { Tally } from './tally';
import { CATEGORIES } from './types';

export interface MatrixAxis {
  slot: number;
  label: string | null;
  total: number;
}

export interface Matrix {
  /** Reasons with archived leads (slot 0 = no reason), most first. */
  rows: (MatrixAxis & { id: number | null })[];
  /** Campaign groups or managers with archived leads, most first. */
  cols: MatrixAxis[];
  /** counts[row][col], in the order of rows and cols. */
  counts: number[][];
}

/** A cell's share of its row's volume (0 for an empty row). */
export const rowShare = (m: Matrix, r: number, c: number): number => (m.rows[r].total ? m.counts[r][c] / m.rows[r].total : 0);
export const colShare = (m: Matrix, r: number, c: number): number => (m.cols[c].total ? m.counts[r][c] / m.cols[c].total : 0);

function matrix(t: Tally, cells: Int32Array, colLabels: (string | null)[]): Matrix {
  const { reasons } = t.view.prep;
  const W = colLabels.length;
  const colTotals = new Array<number>(W).fill(0);
  const rows: Matrix['rows'] = [];
  for (let r = 0; r < reasons.length; r++) {
    let total = 0;
    for (let c = 0; c < W; c++) {
      total += cells[r * W + c];
      colTotals[c] += cells[r * W + c];
    }
    if (total) rows.push({ slot: r, id: reasons[r].id, label: reasons[r].name || null, total });
  }
  rows.sort((a, b) => b.total - a.total || a.slot - b.slot);
  const cols = colLabels.map((label, slot) => ({ slot, label, total: colTotals[slot] })).filter((c) => c.total > 0);
  cols.sort((a, b) => b.total - a.total || a.slot - b.slot);
  const counts = rows.map((r) => cols.map((c) => cells[r.slot * W + c.slot]));
  return { rows, cols, counts };
}

export const reasonBySource = (t: Tally): Matrix =>
  matrix(
    t,
    t.reasonByGroup,
    t.view.groups.map((g) => g.label),
  );
export const reasonByManager = (t: Tally): Matrix =>
  matrix(
    t,
    t.reasonByManager,
    t.view.prep.managers.map((m) => m.name ?? (m.id === null ? null : `#${m.id}`)),
  );

export interface CreatedMonthRow {
  month: number;
  label: string;
  created: number;
  archived: number;
  archivedTarget: number;
  archivedNonTarget: number;
}
export interface ArchivedMonthRow {
  month: number;
  label: string;
  archived: number;
  target: number;
  nonTarget: number;
  unclassified: number;
  fromLog: number;
  notFromLog: number;
}

/** Months from the first to the last with data; empty months between are kept (a line needs them). */
function trim<T>(rows: T[], has: (r: T) => boolean): T[] {
  const first = rows.findIndex(has);
  if (first < 0) return [];
  let last = rows.length - 1;
  while (!has(rows[last])) last--;
  return rows.slice(first, last + 1);
}

export function createdMonths(t: Tally): CreatedMonthRow[] {
  const a = t.createdMonths;
  const rows = Array.from({ length: a.length / 4 }, (_, m) => ({
    month: t.monthStart + m,
    label: monthLabel(t.monthStart + m),
    created: a[m * 4],
    archived: a[m * 4 + 1],
    archivedTarget: a[m * 4 + 2],
    archivedNonTarget: a[m * 4 + 3],
  }));
  return trim(rows, (r) => r.created > 0);
}

export function archivedMonths(t: Tally): ArchivedMonthRow[] {
  const K = CATEGORIES.length + 2;
  const a = t.archivedMonths;
  const rows = Array.from({ length: a.length / K }, (_, m) => ({
    month: t.monthStart + m,
    label: monthLabel(t.monthStart + m),
    archived: a[m * K] + a[m * K + 1] + a[m * K + 2],
    target: a[m * K],
    nonTarget: a[m * K + 1],
    unclassified: a[m * K + 2],
    fromLog: a[m * K + 3],
    notFromLog: a[m * K + 4],
  }));
  return trim(rows, (r) => r.archived > 0);
}
