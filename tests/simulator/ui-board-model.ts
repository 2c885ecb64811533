/**
 * Which leads sit in which board column. Active board: one column per enabled stage of the
 * pipeline, plus column 0 (no stage). Archive tab: one column per lead reject reason (enabled
 * ones, and disabled ones that still hold leads), plus column 0 (no reason). Cards are ordered
 * by updated_at desc, then id desc.
 */
import type { Dataset, Rec } from './dataset';
import { LEAD_STATUSES, NO_REASON_COLOR, UNSORTED_COLOR } from './dictionaries';
import { LEAD_REJECT_REASONS } from './reasons';
import type { Labels } from './ui-labels';

export interface BoardMode {
  archive: boolean;
  assigned: number | null;
  pipeline: number;
}

export interface Column {
  id: number;
  name: string;
  color: string;
  cards: Rec[];
}

const ARCHIVE_COLORS = ['#ed5565', '#f8ac59', '#1c84c6', '#23c6c8', '#9b59b6', '#b8860b', '#2f4050'];

/** The board `query` JSON as the page puts it in data-url. */
export function queryFor(branch: number, mode: BoardMode): Record<string, unknown> {
  const q: Record<string, unknown> = { branch: String(branch) };
  if (mode.pipeline !== 1) q.pipeline_id = String(mode.pipeline);
  const search: Record<string, string> = {};
  if (mode.assigned !== null) search.f_assigned_id = String(mode.assigned);
  if (mode.archive) search.f_removed = '2';
  if (Object.keys(search).length) q.LeadSearch = search;
  return q;
}

/** Reads the mode back from a board XHR's `query` parameter. */
export function modeFromQuery(raw: string | null): BoardMode {
  let q: Record<string, unknown> = {};
  try {
    const v: unknown = raw ? JSON.parse(raw) : {};
    if (v && typeof v === 'object') q = v as Record<string, unknown>;
  } catch {
    // a broken query falls back to the plain active board
  }
  const s = (q.LeadSearch && typeof q.LeadSearch === 'object' ? q.LeadSearch : {}) as Record<string, unknown>;
  const assigned = Number(s.f_assigned_id);
  return {
    archive: String(s.f_removed ?? '') === '2',
    assigned: s.f_assigned_id !== undefined && Number.isInteger(assigned) ? assigned : null,
    pipeline: Number(q.pipeline_id) === 2 ? 2 : 1,
  };
}

const byRecent = (a: Rec, b: Rec) => (a.data.updated_at < b.data.updated_at ? 1 : a.data.updated_at > b.data.updated_at ? -1 : b.id - a.id);

function build(data: Dataset, branch: number, mode: BoardMode, L: Labels): Column[] {
  const groups = new Map<number, Rec[]>();
  for (const r of data.records) {
    if (r.branch !== branch || r.data.is_study !== 0 || r.archived !== mode.archive) continue;
    if (mode.assigned !== null && r.data.assigned_id !== mode.assigned) continue;
    let col: number;
    if (mode.archive) col = r.data.lead_reject_id ?? 0;
    else {
      if ((r.data.pipeline_id ?? 1) !== mode.pipeline) continue;
      col = r.data.lead_status_id ?? 0;
    }
    const g = groups.get(col);
    if (g) g.push(r);
    else groups.set(col, [r]);
  }
  const cards = (id: number) => (groups.get(id) ?? []).sort(byRecent);
  if (mode.archive) {
    const reasons = LEAD_REJECT_REASONS.filter((x) => x.is_enabled || groups.has(x.id))
      .slice()
      .sort((a, b) => a.weight - b.weight || a.id - b.id);
    return [{ id: 0, name: L.noReason, color: NO_REASON_COLOR, cards: cards(0) }].concat(
      reasons.map((x, i) => ({ id: x.id, name: x.name, color: ARCHIVE_COLORS[i % ARCHIVE_COLORS.length], cards: cards(x.id) })),
    );
  }
  const stages = LEAD_STATUSES.filter((x) => x.pipeline_id === mode.pipeline && x.is_enabled);
  return [{ id: 0, name: L.unsorted, color: UNSORTED_COLOR, cards: mode.pipeline === 1 ? cards(0) : [] }].concat(
    stages.map((x) => ({ id: x.id, name: x.name, color: x.color, cards: cards(x.id) })),
  );
}

/** Columns, cached until the data change. */
export class BoardModel {
  private cache = new Map<string, Column[]>();
  private version = -1;

  columns(data: Dataset, branch: number, mode: BoardMode, L: Labels): Column[] {
    if (data.version !== this.version) {
      this.cache.clear();
      this.version = data.version;
    }
    const key = `${branch}|${mode.archive}|${mode.assigned}|${mode.pipeline}|${L.htmlLang}`;
    let cols = this.cache.get(key);
    if (!cols) {
      cols = build(data, branch, mode, L);
      this.cache.set(key, cols);
    }
    return cols;
  }
}
