/**
 * The leads board (lead/index) and its column XHR (lead/board), with markup copied in shape
 * from lead-board-page.html: empty column divs with data-url, JSON {"content"} per column,
 * crm-scroll-pager items chaining page=1,2,… until the column is exhausted.
 */
import type { Rec } from './dataset';
import { escapeHtml as e, urlEncode } from './http';
import { dm, dmy } from './dates';
import { CURRENT_USER, LEAD_SOURCES, LEAD_STATUSES, SUBJECTS, USERS, byId } from './dictionaries';
import type { Labels } from './ui-labels';
import { queryFor, type BoardMode, type Column } from './ui-board-model';

export const RESOURCE_ID = 292;
const SOURCES = byId(LEAD_SOURCES);
const USER_BY_ID = byId(USERS);

export function columnUrl(branch: number, mode: BoardMode, col: Column, page: number | null): string {
  const q = urlEncode(JSON.stringify(queryFor(branch, mode)));
  const p = page === null ? '' : `&page=${page}`;
  return `/company/${branch}/lead/board?id=${col.id}&color=${urlEncode(col.color)}&query=${q}${p}&resource_id=${RESOURCE_ID}`;
}

function nextStage(rec: Rec): number {
  const stages = LEAD_STATUSES.filter((s) => s.pipeline_id === (rec.data.pipeline_id ?? 1) && s.is_enabled);
  const i = stages.findIndex((s) => s.id === rec.data.lead_status_id);
  return (stages[i + 1] ?? stages[0]).id;
}

function extraBlock(rec: Rec, L: Labels): string {
  const k = rec.id % 7;
  if (k === 0) return '';
  const source = rec.data.lead_source_id === null ? undefined : SOURCES.get(rec.data.lead_source_id);
  if (k <= 2 && source) {
    return `<div class="small"><div class="m-b-xs" title="${e(L.source)}"><i class="fa fa-crosshairs"></i> ${e(source.name)}</div></div>`;
  }
  const main = SUBJECTS.find((s) => s.code === rec.data.custom_yazik) ?? SUBJECTS[0];
  const names = k === 6 ? [main.name, SUBJECTS[(SUBJECTS.indexOf(main) + 1) % SUBJECTS.length].name] : [main.name];
  return `<div class="small"><div class="m-b-xs" title="${e(L.subjects)}">${e(names.join(', '))}</div></div>`;
}

export function card(rec: Rec, branch: number, col: Column, L: Labels, reason: string | null): string {
  const id = rec.id;
  const js = urlEncode(`window.initBoard("${col.id === 0 ? '' : col.id}");`);
  const manager = rec.data.assigned_id === null ? undefined : USER_BY_ID.get(rec.data.assigned_id);
  const managerBlock = manager
    ? `<p class="small m-t-xs m-b-none" title="${e(L.manager)}">
                <i class="fa fa-thumb-tack"></i>
                ${e(manager.name)}            </p>`
    : `<p class="small m-t-xs m-b-none">
                <i class="fa fa-thumb-tack"></i>
                <span class="board-action-replace text-lowercase">${e(L.unassigned)}</span>
                <a class="board-action crm-dashed-link crm-ajax-link" href="/company/${branch}/lead/update-field?id=${id}&amp;field=assigned_id&amp;value=${CURRENT_USER.id}&amp;successJs=${js}" style="color: inherit">${e(L.assignMe)}</a>            </p>`;
  const archiveBlock = rec.archived
    ? `${reason === null ? '' : `<div class="small" title="${e(L.rejectReason)}">${e(reason)}</div>`}<div class="small" title="${e(L.archivedAt)}">${dmy(rec.data.e_date)}</div>`
    : '';
  return `
<li class="no-padding draggable lead-element" style="" data-id="${id}">
    <p class="p-xxs no-margins gray-bg" style="cursor:pointer; color: ${col.color}; font-size: 12px; white-space: nowrap; overflow: hidden;  text-overflow: ellipsis;">
        <a href="/company/${branch}/lead/view?id=${id}" title="${e(L.openCard)}" style="color: inherit; text-decoration: underline; max-width: 70%; display: inline-block; overflow-x: hidden; text-overflow: ellipsis;" target="_blank">
            ${e(rec.data.name)}                    </a>

        <span class="small board-action-replace pull-right text-muted">
                            ${dm(rec.data.created_at)}                    </span>

        <a class="board-action crm-ajax-link m-l-sm pull-right" href="/company/${branch}/lead/reject?id=${id}&amp;successJs=${js}" title="${e(L.toArchive)}" style="color: inherit"><i class="fa fa-trash-o"></i></a>
                    <a class="board-action pull-right m-l-sm crm-ajax-link" href="/company/${branch}/lead/update-field?id=${id}&amp;field=lead_status_id&amp;value=${nextStage(rec)}&amp;successJs=${js}" title="${e(L.nextStage)}" style="color: inherit"><i class="fa fa-arrow-right"></i></a>        
                    <a class="board-action pull-right crm-ajax-link" href="/company/${branch}/lead/set-customer?id=${id}&amp;successJs=${js}" title="${e(L.makeClient)}" style="color: inherit"><i class="fa fa-user"></i></a>            </p>

    <label for="selection_${id}" class="p-xxs no-margins font-noraml" style="white-space: normal; opacity: 0.8">

        
    ${extraBlock(rec, L)}
    ${archiveBlock}

                    ${managerBlock}
        
        <p class="small m-t-xs m-b-none">
            <span class="m-r-xs"><i class="ion-chatbubbles"></i> ${(id * 7) % 5}</span>
            
            <span class="pull-right">
                <input type="checkbox" class="small kv-row-checkbox" value="${id}" id="selection_${id}">
            </span>
        </p>
    </label>
</li>`;
}

function pager(branch: number, mode: BoardMode, col: Column, page: number): string {
  return `
    <li class="sk-spinner sk-spinner-wave crm-scroll-pager" data-url="${e(columnUrl(branch, mode, col, page))}" style="background: none; border: none"><div class="sk-rect1"></div> <div class="sk-rect2"></div> <div class="sk-rect3"></div> <div class="sk-rect4"></div> <div class="sk-rect5"></div></li>`;
}

/** Cards of one page (0 = the first load) plus the next pager while more remain. */
function cardsAndPager(branch: number, mode: BoardMode, col: Column, L: Labels, page: number, size: number, reasonOf: (r: Rec) => string | null): string {
  const from = page * size;
  const chunk = col.cards
    .slice(from, from + size)
    .map((r) => card(r, branch, col, L, reasonOf(r)))
    .join('\n    ');
  return chunk + (from + size < col.cards.length ? pager(branch, mode, col, page + 1) : '');
}

/** The column's whole inner HTML (first load), as `content` of the board XHR. */
export function columnContent(branch: number, mode: BoardMode, col: Column, L: Labels, size: number, reasonOf: (r: Rec) => string | null): string {
  const id = col.id;
  const check = col.cards.length
    ? '<input type="checkbox" class="no-margins crm-board-check-all" style="position: absolute;">'
    : '<input type="checkbox" class="no-margins" disabled="disabled" style="position: absolute">';
  const list = col.cards.length
    ? `\n    \n    ${cardsAndPager(branch, mode, col, L, 0, size, reasonOf)}\n`
    : `\n            <li class="text-center empty-list"><span class="text-danger">${e(L.noLeads)}</span></li>\n    \n`;
  return `
<style>
    .sticky-header.stuck { position: relative; z-index: 100; background: #fff; }
</style>
<script>
    /* The real page pins this header with jQuery here; inert when inserted as innerHTML. */
    window.$ && $(function() { $('#sticky_${id}').addClass('sticky-header'); });
</script>

    <div id="sticky_${id}_placeholder"></div>
    <h3 id="sticky_${id}" class="no-margins p-xxs horizontal-scroll sticky-header" style="color: ${col.color}; overflow-x: hidden; white-space: nowrap; text-overflow: ellipsis;">
        <strong class="pull-right m-r-sm" style="margin-top: 3px;">
                            ${check}
                    </strong>
        <span class="pull-right board-count" style="opacity: 0.7; margin-right: 3px;">${col.cards.length}</span>
        <span class="status_column horizontal-scroll" data-toggle="tooltip" data-placement="top" title="${e(col.name)}">
            ${e(col.name)}        </span>
    </h3>

    <ul class="sortable-list agile-list lead-list horizontal-scroll crm-table open no-padding" data-id="${id}">
${list}
    </ul>
`;
}

/** `content` of a pager XHR (page ≥ 1): the next cards and the next pager. */
export function pagerContent(branch: number, mode: BoardMode, col: Column, L: Labels, page: number, size: number, reasonOf: (r: Rec) => string | null): string {
  return cardsAndPager(branch, mode, col, L, page, size, reasonOf);
}
