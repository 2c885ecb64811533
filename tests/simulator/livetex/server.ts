/**
 * The simulated LiveTex (shared/livetex-contract.md §4): the CABINET on 127.0.0.1:{port} and the
 * WEBAPI on {port+1}, one seeded store behind both.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, sleep, type Reply } from '../http';
import { handleCabinet } from './cabinet';
import { handleControl } from './control';
import { corsHeaders } from './cors';
import { breakReply } from './malformed';
import { applyMutation } from './mutations';
import { LtState } from './state';
import { makeTruth } from './truth';
import { handleWebApi } from './webapi';
import type { EmployeeKey, EmployeeLogin, LivetexOptions, LivetexSimulator } from './types';

export type * from './types';
export { DEFAULT_KNOBS } from './knobs';
export { SIZES } from './dataset';
export { EXTENSION_FIELDS, EMPLOYEE_FIELDS } from './render';

const HOST = '127.0.0.1';

function send(res: ServerResponse, r: Reply, head: boolean): void {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  res.writeHead(r.status, { ...r.headers, 'Content-Length': String(body.length) });
  res.end(head ? undefined : body);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => reject(err);
    server.once('error', fail);
    server.listen(port, HOST, () => {
      server.off('error', fail);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Two servers on port and port + 1; for port 0, retries until a free pair is found. */
async function listenPair(cabinet: Server, api: Server, port: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const p = await listen(cabinet, port);
    try {
      await listen(api, p + 1);
      return p;
    } catch (err) {
      await close(cabinet);
      if (port !== 0) throw err;
    }
  }
  throw new Error('no free pair of ports');
}

function logins(st: LtState): Record<EmployeeKey, EmployeeLogin> {
  const out: Partial<Record<EmployeeKey, EmployeeLogin>> = {};
  for (const e of st.store.employees) {
    if (e.key === null) continue;
    out[e.key] = {
      key: e.key,
      id: e.id,
      role: e.role,
      email: e.email,
      password: e.password,
      firstName: e.first_name,
      lastName: e.last_name,
      isActive: e.is_active,
      isDeleted: e.is_deleted,
    };
  }
  return out as Record<EmployeeKey, EmployeeLogin>;
}

export async function startLivetexSimulator(opts: LivetexOptions = {}): Promise<LivetexSimulator> {
  const st = new LtState(opts.seed ?? 1, opts.dataset ?? 'default', opts.knobs);
  const truth = makeTruth(st.store, st.knobs.current);
  const deps = { st, truth, logins: () => logins(st) };

  async function serve(req: IncomingMessage, res: ServerResponse, isApi: boolean): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req).catch(() => null);
    if (body === null) {
      res.writeHead(413).end();
      return;
    }
    // Control first: a test must be able to steer a simulator its knobs have broken or slowed.
    if (url.pathname.startsWith('/__sim/')) {
      send(res, handleControl(method, url, body, deps), false);
      return;
    }
    const origin = req.headers.origin;
    let reply: Reply;
    let route: string;
    let malformed = false;
    if (isApi && method === 'OPTIONS') {
      route = 'preflight';
      reply = { status: 204, headers: {}, body: '' };
    } else if (isApi) {
      const out = handleWebApi({ method, url, headers: req.headers, body }, st);
      route = out.route;
      reply = out.reply;
      malformed = out.dataRequest && st.knobs.takeMalformed(url.pathname + url.search);
      if (malformed) reply = breakReply(reply, st.knobs.current.malformedKind);
    } else {
      ({ reply, route } = handleCabinet(method, url, st));
    }
    if (isApi) reply.headers = { ...reply.headers, ...corsHeaders(origin, st.cabinetOrigins()) };
    st.stats.answered(route, reply.status, malformed);
    // The answer (and its rate-limit verdict) is decided on arrival; only its sending waits.
    const latency = st.knobs.current.latencyMs;
    if (latency > 0) await sleep(latency);
    send(res, reply, method === 'HEAD');
  }

  const handler = (isApi: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    serve(req, res, isApi).catch((err: Error) => {
      const body = isApi ? JSON.stringify({ code: 500, message: 'Internal Server Error', detail: String(err.stack ?? err) }) : String(err.stack ?? err);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': isApi ? 'application/json; charset=UTF-8' : 'text/plain; charset=UTF-8' });
      res.end(body);
    });
  };
  const cabinet = createServer(handler(false));
  const api = createServer(handler(true));
  const port = await listenPair(cabinet, api, opts.port ?? 0);
  st.cabinetOrigin = `http://${HOST}:${port}`;
  st.apiOrigin = `http://${HOST}:${port + 1}`;

  return {
    cabinetUrl: st.cabinetOrigin,
    apiUrl: st.apiOrigin,
    port,
    employees: logins(st),
    knobs: st.knobs.current,
    setKnobs: (k) => st.knobs.set(k),
    truth,
    mutate: (m) => applyMutation(st.store, st.tokens, m),
    stats: () => st.stats.snapshot(),
    resetStats: () => st.stats.reset(),
    close: async () => {
      await Promise.all([close(cabinet), close(api)]);
    },
  };
}
