/**
 * `/__sim/*` on both origins, so another process (demo, benchmark, e2e) can steer a running
 * simulator. Never counted, rate limited, delayed or broken by the knobs.
 */
import { json, type Reply } from '../http';
import type { ACtx } from './envelope';
import type { AltegioState } from './state';
import type { MutationSpec, UserKey } from './types';
import { MAIN_CID } from './dataset';

const MUTATION_KEYS = ['location', 'add', 'edit', 'delete', 'renameField', 'addField'];

function body(ctx: ACtx): Record<string, unknown> {
  if (!ctx.body.trim()) return {};
  const v: unknown = JSON.parse(ctx.body);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected a JSON object');
  return v as Record<string, unknown>;
}

export interface Endpoints {
  webUrl: string;
  apiUrl: string;
}

export function credentials(st: AltegioState, at: Endpoints): Record<string, unknown> {
  const users: Record<string, { login: string; phone: string; password: string }> = {};
  for (const u of Object.values(st.users)) users[u.key] = { login: u.login, phone: u.phone, password: u.password };
  return { ...at, cid: MAIN_CID, decoyCid: st.store.truth().decoyCid, users, partnerToken: st.partnerToken };
}

export function handleControl(ctx: ACtx, st: AltegioState, at: Endpoints): Reply {
  try {
    const route = `${ctx.method} ${ctx.path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /__sim/knobs':
        return json(200, st.knobs.current);
      case 'POST /__sim/knobs':
        return json(200, st.knobs.set(body(ctx)));
      case 'POST /__sim/mutate': {
        const spec = body(ctx);
        const unknown = Object.keys(spec).filter((k) => !MUTATION_KEYS.includes(k));
        if (unknown.length) throw new Error(`unknown mutation keys: ${unknown.join(', ')}`);
        return json(200, st.mutate(spec as MutationSpec));
      }
      case 'GET /__sim/truth': {
        const cid = Number(ctx.url.searchParams.get('location') ?? MAIN_CID);
        if (!st.store.hasLocation(cid)) throw new Error(`unknown location ${cid}`);
        const t = st.store.truth();
        const maskedIds = Object.fromEntries((['owner', 'restricted', 'nobase'] as UserKey[]).map((u) => [u, t.maskedIds(u, cid)]));
        return json(200, {
          location: cid,
          clients: t.clients(cid),
          definitions: t.definitions(cid),
          orphanCodes: t.orphanCodes(cid),
          customCodes: t.customCodes(cid),
          deletedIds: t.deletedIds(cid),
          maskedIds,
        });
      }
      case 'GET /__sim/stats':
        return json(200, st.stats.snapshot());
      case 'POST /__sim/stats/reset':
        st.stats.reset();
        return json(200, st.stats.snapshot());
      case 'GET /__sim/credentials':
        return json(200, credentials(st, at));
      default:
        return json(404, { error: `unknown control route ${route}` });
    }
  } catch (err) {
    return json(400, { error: (err as Error).message });
  }
}
