/**
 * /__sim/* control endpoints, so another process (demo, benchmark, e2e) can steer a running
 * simulator. Never counted, rate limited, delayed or broken by the knobs.
 */
import type { Ctx, Reply } from './http';
import { json } from './http';
import type { SimState } from './state';
import { toInt } from './api-filters';

function body(ctx: Ctx): Record<string, unknown> {
  if (!ctx.body.trim()) return {};
  const v: unknown = JSON.parse(ctx.body);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected a JSON object');
  return v as Record<string, unknown>;
}

export function handleControl(ctx: Ctx, st: SimState): Reply {
  try {
    const route = `${ctx.method} ${ctx.path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /__sim/knobs':
        return json(200, st.knobs.current);
      case 'POST /__sim/knobs':
        return json(200, st.knobs.set(body(ctx)));
      case 'POST /__sim/mutate': {
        const b = body(ctx);
        const out: Record<string, unknown> = {};
        const a = b.archive as { branch?: unknown; n?: unknown } | undefined;
        if (a && typeof a === 'object') {
          const branch = toInt(a.branch);
          const n = toInt(a.n);
          if (branch === null || n === null) throw new Error('archive needs {branch, n}');
          out.archived = st.data.archiveLeads(branch, n, { silent: (a as { silent?: unknown }).silent === true });
        }
        if (b.restore !== undefined) {
          const id = toInt(b.restore);
          if (id === null) throw new Error('restore needs an id');
          st.data.restore(id);
          out.restored = id;
        }
        const move = b.move as { id?: unknown; branch?: unknown } | undefined;
        if (move && typeof move === 'object') {
          const id = toInt(move.id);
          const branch = toInt(move.branch);
          if (id === null || branch === null) throw new Error('move needs {id, branch}');
          st.data.moveBranch(id, branch);
          out.moved = id;
        }
        if (b.delete !== undefined) {
          const id = toInt(b.delete);
          if (id === null) throw new Error('delete needs an id');
          st.data.deleteRecord(id);
          out.deleted = id;
        }
        if (!Object.keys(out).length)
          throw new Error('expected {"archive":{"branch","n","silent"?}}, {"restore":id}, {"move":{"id","branch"}} or {"delete":id}');
        return json(200, out);
      }
      case 'GET /__sim/truth': {
        const branch = toInt(ctx.url.searchParams.get('branch')) ?? 1;
        const t = st.data.truth();
        return json(200, {
          branch,
          archivedLeadIds: t.archivedLeadIds(branch),
          archivedCustomerIds: t.archivedCustomerIds(branch),
          activeIds: t.activeIds(branch),
        });
      }
      case 'GET /__sim/stats':
        return json(200, st.stats.snapshot());
      case 'POST /__sim/stats/reset':
        st.stats.reset();
        return json(200, st.stats.snapshot());
      case 'GET /__sim/credentials':
        return json(200, st.credentials);
      default:
        return json(404, { error: `unknown control route ${route}` });
    }
  } catch (err) {
    return json(400, { error: (err as Error).message });
  }
}
