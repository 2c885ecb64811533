/** Leads.list, Leads.show, Leads.listRouted, Leads.showRouted (contract §1.4, §1.5). */
import type { Reply } from '../http';
import { fieldsOf, filterOf, listReply, notFound, oneReply, paging, requiredId, sortOf, sortRows, type Call } from './api-common';
import type { Lead } from './dataset';
import { LEAD_KEYS, ROUTED_KEYS } from './query-keys';
import { renderCtx, renderLead } from './render';
import { listedFor, routedTo } from './scope';

const SORTABLE = ['created_at', 'updated_at', 'duration', 'result'] as const;
const sortValue: Record<string, (l: Lead) => string | number | null> = {
  created_at: (l) => l.created_at,
  updated_at: (l) => l.updated_at,
  duration: (l) => l.duration,
  result: (l) => l.result,
};

function visible(call: Call, routed: boolean): (l: Lead) => boolean {
  const mode = call.st.knobs.current.roleMode;
  return routed ? (l) => routedTo(call.caller, l) : (l) => listedFor(call.caller, l, mode);
}

/** Matching, sorted leads per query; a pull asks the same query page after page. */
const cache = new WeakMap<object, Map<string, Lead[]>>();

function matching(call: Call, routed: boolean, sort: { field: string; desc: boolean }): Lead[] {
  const store = call.st.store;
  const key = JSON.stringify([store.version, call.caller.id, call.st.knobs.current.roleMode, routed, call.params.q ?? '', sort]);
  let lists = cache.get(store);
  if (!lists || lists.size > 50) cache.set(store, (lists = new Map()));
  const known = lists.get(key);
  if (known) return known;
  const match = filterOf(call.params, routed ? ROUTED_KEYS : LEAD_KEYS, call.now);
  const shown = visible(call, routed);
  const rows = sortRows(
    store.leads.filter((l) => shown(l) && match(l, call.caller)),
    sortValue[sort.field],
    sort.desc,
  );
  lists.set(key, rows);
  return rows;
}

function list(call: Call, routed: boolean): Reply {
  const p = call.params;
  const knobs = call.st.knobs.current;
  const { limit, offset } = paging(p);
  const sort = sortOf(p, SORTABLE, knobs.defaultSort);
  const spec = fieldsOf(p);
  const rows = matching(call, routed, sort);
  const c = renderCtx(call.st.store, call.caller, knobs);
  // The routed methods keep every field: [AST] notes no field restriction for them.
  return listReply(
    rows.length,
    rows.slice(offset, offset + limit).map((l) => renderLead(l, c, spec, !routed)),
  );
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
