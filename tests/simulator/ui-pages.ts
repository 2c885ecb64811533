/** The lead card page (lead/view, assumed layout) and a plain non-leads page (dashboard). */
import type { Note, Rec } from './dataset';
import { escapeHtml as e } from './http';
import { dmy, dmyHm } from './dates';
import { LEAD_SOURCES, LEAD_STATUSES, USERS, byId } from './dictionaries';
import type { Labels } from './ui-labels';

const STATUSES = byId(LEAD_STATUSES);
const SOURCES = byId(LEAD_SOURCES);
const USER_BY_ID = byId(USERS);

const text = (s: string) => e(s).replace(/\r?\n/g, '<br>');

export function leadViewBody(L: Labels, rec: Rec, reason: string | null, notes: Note[]): string {
  const d = rec.data;
  const row = (label: string, value: string, cls = '') => `<dt>${e(label)}</dt><dd${cls ? ` class="${cls}"` : ''}>${value}</dd>`;
  const status = d.lead_status_id === null ? undefined : STATUSES.get(d.lead_status_id);
  const source = d.lead_source_id === null ? undefined : SOURCES.get(d.lead_source_id);
  const manager = d.assigned_id === null ? undefined : USER_BY_ID.get(d.assigned_id);
  const notSet = `<span class="not-set">${e(L.notSet)}</span>`;
  const rows = [
    row(L.colPhone, d.phone.length ? d.phone.map(e).join('<br>') : notSet, 'crm-phones'),
    row(L.colEmail, d.email.length ? d.email.map(e).join('<br>') : notSet, 'crm-emails'),
    row(L.stage, status ? e(status.name) : notSet),
    row(L.colSource, source ? e(source.name) : notSet),
    row(L.colManager, manager ? e(manager.name) : notSet),
  ];
  if (rec.archived) {
    rows.push(row(L.rejectReason, reason === null ? notSet : e(reason), 'crm-reject-reason'));
    rows.push(row(L.inArchiveSince, dmy(d.e_date), 'crm-archived-at'));
  }
  const history = notes.length
    ? notes
        .map(
          (n) =>
            `<li class="crm-note" data-id="${n.id}"><strong class="crm-note-author">${e(USER_BY_ID.get(n.user_id)?.name ?? String(n.user_id))}</strong> <small class="crm-note-date text-muted">${dmyHm(n.added)}</small><div class="crm-note-text">${text(n.comment)}</div></li>`,
        )
        .join('\n')
    : `<li class="text-muted">${e(L.noHistory)}</li>`;
  return `
<div class="row" data-id="${rec.id}">
    <div class="col-sm-12">
        <div class="ibox">
            <div class="ibox-title"><h2 class="crm-customer-name">${e(d.name)}</h2></div>
            <div class="ibox-content">
                <dl class="dl-horizontal crm-customer-fields">
                    ${rows.join('\n                    ')}
                </dl>
                <div class="crm-note-text small">${text(d.note)}</div>
                <h3>${e(L.history)}</h3>
                <ul class="crm-history list-unstyled">
${history}
                </ul>
            </div>
        </div>
    </div>
</div>`;
}

export function dashboardBody(L: Labels, activeLeads: number, clients: number): string {
  return `
<div class="row">
    <div class="col-sm-12">
        <div class="ibox">
            <div class="ibox-title"><h2>${e(L.dashboardTitle)}</h2></div>
            <div class="ibox-content"><p class="crm-dashboard-summary">${e(L.dashboardText(activeLeads, clients))}</p></div>
        </div>
    </div>
</div>`;
}
