/**
 * The clients list (customer/index) as a kartik GridView, mirroring customer-index-grid.html:
 * #customer-pjax › #w1 › #w1-container › table.crm-table.kv-grid-table, rows tr[data-key],
 * ul.pagination (no `li.next a` on the last page) and the «rows X — Y of N» summary.
 */
import type { Rec } from './dataset';
import { escapeHtml as e } from './http';
import { dmy } from './dates';
import { LEAD_SOURCES, STUDY_STATUSES, USERS, byId } from './dictionaries';
import type { Labels } from './ui-labels';

const SOURCES = byId(LEAD_SOURCES);
const USER_BY_ID = byId(USERS);
const STUDY = byId(STUDY_STATUSES);

export interface GridPage {
  branch: number;
  archive: boolean;
  /** 1-based, already clamped to the last page. */
  page: number;
  pageSize: number;
  total: number;
  rows: Rec[];
  reasonOf: (r: Rec) => string | null;
}

const notSet = (L: Labels) => `<span class="not-set">${e(L.notSet)}</span>`;

interface Col {
  seq: number;
  label: string;
  sort: string;
  cell: (r: Rec) => string;
}

function columns(L: Labels, g: GridPage): Col[] {
  const back = encodeURIComponent(`/company/${g.branch}/customer/index`);
  const name: Col = {
    seq: 3,
    label: L.colName,
    sort: 'name',
    cell: (r) =>
      `<div style="padding-left: 3px; border-left: 4px solid ${r.data.color ?? '#00aa00'}"><a href="/company/${g.branch}/customer/view?id=${r.id}&amp;backUrl=${back}" onclick="event.stopPropagation();"><i class="ion-person m-r-xs"></i>${e(r.data.name)}</a>${r.data.dob ? `<br><small class="text-muted">(${e(r.data.dob)})</small>` : ''}</div>`,
  };
  const phone: Col = {
    seq: 14,
    label: L.colPhone,
    sort: 'contact_contacts',
    cell: (r) =>
      r.data.phone.length
        ? `
    <span style="font-size: 11px">
${r.data.phone
  .map(
    (p) => `    <i class="fa fa-mobile fa-fw"></i>
            ${e(p)}
                <br>`,
  )
  .join('')}
    </span>
`
        : notSet(L),
  };
  const email: Col = { seq: 15, label: L.colEmail, sort: 'contact_email', cell: (r) => (r.data.email.length ? r.data.email.map(e).join('<br>') : notSet(L)) };
  const source: Col = {
    seq: 10,
    label: L.colSource,
    sort: 'lead_source_id',
    cell: (r) => {
      const s = r.data.lead_source_id === null ? undefined : SOURCES.get(r.data.lead_source_id);
      return s ? e(s.name) : notSet(L);
    },
  };
  const manager: Col = {
    seq: 6,
    label: L.colManager,
    sort: 'assigned_id',
    cell: (r) => {
      const u = r.data.assigned_id === null ? undefined : USER_BY_ID.get(r.data.assigned_id);
      return u ? e(u.name) : notSet(L);
    },
  };
  const added: Col = { seq: 27, label: L.colAdded, sort: 'created_at', cell: (r) => dmy(r.data.created_at) };
  if (g.archive) {
    const reason: Col = {
      seq: 28,
      label: L.colLossReason,
      sort: 'customer_reject_id',
      cell: (r) => {
        const t = g.reasonOf(r);
        return t === null ? notSet(L) : e(t);
      },
    };
    return [name, phone, email, source, manager, added, reason];
  }
  const study: Col = {
    seq: 5,
    label: L.colStudyStatus,
    sort: 'study_status_id',
    cell: (r) => {
      const s = r.data.study_status_id === null ? undefined : STUDY.get(r.data.study_status_id);
      return s ? e(s.name) : notSet(L);
    },
  };
  const balance: Col = {
    seq: 8,
    label: L.colBalance,
    sort: 'balance',
    cell: (r) => `<span class="${r.data.balance.startsWith('-') ? 'text-danger' : ''}">${e(r.data.balance.replace('.', ','))}</span>`,
  };
  const paidTill: Col = {
    seq: 26,
    label: L.colPaidTill,
    sort: 'paid_till',
    cell: (r) =>
      r.data.paid_till
        ? `
<div style="font-size: 11px">
    <span>
        <i class="ion-calendar fa-fw"></i>
        ${dmy(r.data.paid_till)}    </span>
    </div>
`
        : notSet(L),
  };
  return [name, phone, email, study, balance, paidTill, source, manager, added];
}

function pageHref(g: GridPage, page: number): string {
  const q = [g.archive ? 'CustomerSearch%5Bf_removed%5D=2' : '', `page=${page}`, g.pageSize !== 20 ? `pageSize=${g.pageSize}` : '']
    .filter(Boolean)
    .join('&amp;');
  return `/company/${g.branch}/customer/index?${q}`;
}

function pagination(g: GridPage): string {
  const pages = Math.max(1, Math.ceil(g.total / g.pageSize));
  if (pages <= 1) return '';
  const first = Math.max(1, Math.min(g.page - 5, pages - 9));
  const last = Math.min(pages, first + 9);
  const items: string[] = [];
  items.push(
    g.page > 1 ? `<li class="prev"><a href="${pageHref(g, g.page - 1)}" data-page="${g.page - 2}">«</a></li>` : '<li class="prev disabled"><span>«</span></li>',
  );
  for (let p = first; p <= last; p++) {
    items.push(`<li${p === g.page ? ' class="active"' : ''}><a href="${pageHref(g, p)}" data-page="${p - 1}">${p}</a></li>`);
  }
  items.push(
    g.page < pages ? `<li class="next"><a href="${pageHref(g, g.page + 1)}" data-page="${g.page}">»</a></li>` : '<li class="next disabled"><span>»</span></li>',
  );
  return `<ul class="pagination">${items.join('\n')}</ul>`;
}

export function gridBody(L: Labels, g: GridPage): string {
  const cols = columns(L, g);
  const base = `/company/${g.branch}/customer/index`;
  const tabHrefs = [
    base,
    `${base}?CustomerSearch%5Bf_have_group%5D=2`,
    `${base}?CustomerSearch%5Bf_have_group%5D=1`,
    `${base}?CustomerSearch%5Bf_birthday_coming%5D=1`,
    `${base}?CustomerSearch%5Bf_removed%5D=2`,
  ];
  const tabs = L.clientTabs
    .map((label, i) => `<li class="${(g.archive ? i === 4 : i === 0) ? 'active' : ''}"><a href="${tabHrefs[i]}">${e(label)}</a></li>`)
    .join('    ');
  const head = `<tr><th class="kv-all-select kv-align-center kv-align-middle skip-export" style="width: 2.24%;" data-col-seq="0"><input type="checkbox" class="select-on-check-all" name="selection_all" value="1"></th>${cols
    .map((c) => `<th data-col-seq="${c.seq}"><a href="${base}?sort=${c.sort}" data-sort="${c.sort}">${e(c.label)}</a></th>`)
    .join('')}<th data-col-seq="43">&nbsp;</th></tr>`;
  const rows = g.rows
    .map(
      (r) =>
        `<tr class="w1" data-key="${r.id}"><td class="skip-export kv-align-center kv-align-middle w1 kv-row-select" style="width:50px;" data-col-seq="0"><input type="checkbox" class="kv-row-checkbox" name="selection[]" value="${r.id}"></td>${cols
          .map((c) => `<td class="w1" data-col-seq="${c.seq}">${c.cell(r)}</td>`)
          .join(
            '',
          )}<td class="w1" data-col-seq="43">${g.archive ? '' : `<a class="crm-ajax-link pull-right" href="/company/${g.branch}/customer/reject?id=${r.id}" title="В архів"><i class="fa fa-lg fa-trash-o text-danger"></i></a>`}</td></tr>`,
    )
    .join('\n');
  const empty = `<tr><td colspan="${cols.length + 2}"><div class="empty">${e(L.nothingFound)}</div></td></tr>`;
  const from = (g.page - 1) * g.pageSize + 1;
  const summary = g.total
    ? `
<div class="text-muted text-right m-b-xs">
    <span style="line-height: 0">
        ${e(L.shownRows)} <b>${from} — ${from + g.rows.length - 1}</b>. ${e(L.totalInBase)} <b>${g.total}</b>.        &nbsp;
        <span class="dropdown"><a href="#" class="dropdown-toggle crm-dashed-link">${g.pageSize} ${e(L.rows)}</a>
            <ul class="dropdown-menu">${[20, 50, 100].map((n) => `<li><a href="${base}?${g.archive ? 'CustomerSearch%5Bf_removed%5D=2&amp;' : ''}pageSize=${n}">${n} ${e(L.rows)}</a></li>`).join('')}</ul>
        </span>
    </span>
</div>`
    : '';
  const pg = pagination(g);
  return `
<div class="row">
    <div class="col-sm-12">
        <div class="tabs-container m-b-sm">
            
<ul class="nav nav-tabs">
    ${tabs}</ul>
            <div class="tab-content">
                <div id="tab-1" class="tab-pane active">
                    <div class="panel-body">
                        <div id="customer-pjax" data-pjax-container="" data-pjax-push-state="" data-pjax-timeout="1000">
                        <div id="w1" class="grid-view is-bs3 kv-grid-bs3 hide-resize" data-krajee-grid="kvGridInit_0e81f109" data-krajee-ps="ps_w1_container"><span class="pull-left" translate="no">${pg}</span>${summary}
<br><div class="border-bottom"></div><div id="w1-container" class="table-responsive kv-grid-container"><table class="crm-table border-bottom kv-grid-table table table-hover table-striped kv-table-wrap">
<thead class="kv-table-header w1">
${head}
</thead>
<tbody>
${g.rows.length ? rows : empty}
</tbody></table></div><span translate="no">${pg}</span></div>                        </div>                    </div>
                </div>
            </div>
        </div>
    </div>
</div>`;
}
