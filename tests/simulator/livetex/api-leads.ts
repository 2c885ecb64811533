/** Leads.list, Leads.show, Leads.listRouted, Leads.showRouted (contract §1.4, §1.5). */
import type { Reply } from '../http';
import { fieldsOf, filterOf, listReply, notFound, oneReply, paging, requiredId, sortOf, sortRows, type Call } from './api-common';
import type { Lead } from './dataset';
import { LEAD_KEYS, ROUTED_KEYS } from './query-keys';
import { renderCtx, renderLead } from './render';
import { listedFor, routedTo } from './scope';

const SORTABLE = ['created_at', 'updated_at', 'duration', 'result'] as const;
const sortValue: Record<string, (l: Lead) => string | number | null> = {
  created_at: (l) => l.created_at, updated_at: (l) => l.updated_at, duration: (l) => l.duration, result: (l) => l.result,
};

function visible(call: Call, routed: boolean): (l: Lead) => boolean {
  const mode = call.st.knobs.current.roleMode;
  return routed ? (l) => routedTo(call.caller, l) : (l) => listedFor(call.caller, l, mode);
}

function list(call: Call, routed: boolean): Reply {
  const p = call.params;
  const knobs = call.st.knobs.current;
  const { limit, offset } = paging(p);
  const sort = sortOf(p, SORTABLE, knobs.defaultSort);
  const spec = fieldsOf(p);
  const match = filterOf(p, routed ? ROUTED_KEYS : LEAD_KEYS, call.now);
  const shown = visible(call, routed);
  const rows = call.st.store.leads.filter((l) => shown(l) && match(l, call.caller));
  sortRows(rows, sortValue[sort.field], sort.desc);
  const c = renderCtx(call.st.store, call.caller, knobs);
  return listReply(rows.length, rows.slice(offset, offset + limit).map((l) => renderLead(l, c, spec, !routed)));
}

function show(call: Call, routed: boolean): Reply {
  const id = requiredId(call.params);
  const spec = fieldsOf(call.params);
  const lead = call.st.store.lead(id);
  if (!lead || !visible(call, routed)(lead)) return notFound();
  return oneReply(renderLead(lead, renderCtx(call.st.store, call.caller, call.st.knobs.current), spec, !routed));
}

export const LEAD_METHODS = {
  'leads.list': (call: Call) => list(call, false),
  'leads.show': (call: Call) => show(call, false),
  'leads.listrouted': (call: Call) => list(call, true),
  'leads.showrouted': (call: Call) => show(call, true),
};
