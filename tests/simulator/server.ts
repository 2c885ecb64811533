/**
 * The simulated AlfaCRM: REST API v2 and web UI on one loopback port (127.0.0.1 unless told), one seeded dataset
 * behind both (shared/alfacrm-contract.md §4).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { html, parseCookies, readBody, sleep, yiiError, type Ctx, type Reply } from './http';
import { SimState } from './state';
import { handleApi } from './api';
import { Ui } from './ui';
import { handleControl } from './control';
import type { Knobs, Simulator, SimulatorOptions } from './types';

export type { Knobs, Simulator, SimulatorOptions, GroundTruth, SimRecord, SimStats, Credentials, ApiCustomer } from './types';
export { DEFAULT_KNOBS } from './knobs';
export { ZERO_REASON_ID, SIZES } from './dataset';

/** Half of the body, status 200: a response cut off mid-way. */
function halve(r: Reply): Reply {
  const buf = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const headers = { ...r.headers };
  delete headers.Location;
  return { status: 200, headers, body: buf.subarray(0, Math.floor(buf.length / 2)) };
}

function send(res: ServerResponse, r: Reply, head: boolean): void {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  res.writeHead(r.status, { ...r.headers, 'Content-Length': String(body.length) });
  res.end(head ? undefined : body);
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const st = new SimState(opts.seed ?? 1, opts.dataset ?? 'default', opts.uiLang ?? 'uk', opts.knobs);
  const ui = new Ui(st);
  const host = opts.host ?? '127.0.0.1';

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body = '';
    try {
      body = await readBody(req);
    } catch {
      res.writeHead(413).end();
      return;
    }
    const ctx: Ctx = {
      method: (req.method ?? 'GET').toUpperCase(),
      url,
      path: url.pathname,
      headers: req.headers,
      body,
      cookies: parseCookies(req.headers.cookie),
      kind: 'other',
      entity: null,
      dataRequest: false,
    };
    if (ctx.path.startsWith('/__sim/')) {
      send(res, handleControl(ctx, st), false);
      return;
    }
    const isApi = ctx.path.startsWith('/v2api/');
    let reply: Reply;
    try {
      reply = isApi ? handleApi(ctx, st) : ui.handle(ctx);
    } catch (err) {
      const msg = (err as Error).stack ?? String(err);
      reply = isApi ? yiiError(500, 'Internal Server Error', msg) : html(500, `<pre>${msg.replace(/</g, '&lt;')}</pre>`);
    }
    const only = st.knobs.current.malformedMatch;
    const malformed = ctx.dataRequest && (!only || (url.pathname + url.search).includes(only)) && st.knobs.takeMalformed();
    if (malformed) reply = halve(reply);
    st.stats.record(ctx.kind, reply.status, ctx.entity, malformed);
    const latency = st.knobs.current.latencyMs;
    if (latency > 0) await sleep(latency);
    send(res, reply, ctx.method === 'HEAD');
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  // Build the data while the client is still logging in (the first data request would anyway).
  setImmediate(() => void st.data);
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    credentials: { ...st.credentials },
    knobs: st.knobs.current,
    setKnobs: (k: Partial<Knobs>) => void st.knobs.set(k),
    get truth() {
      return st.data.truth();
    },
    mutate: {
      archiveLeads: (branch: number, n: number, opts?: { silent?: boolean }) => st.data.archiveLeads(branch, n, opts),
      restoreLead: (id: number) => st.data.restore(id),
      moveBranch: (id: number, branch: number) => st.data.moveBranch(id, branch),
      deleteRecord: (id: number) => st.data.deleteRecord(id),
    },
    stats: () => st.stats.snapshot(),
    resetStats: () => st.stats.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
