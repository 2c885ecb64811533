/**
 * The simulated Altegio / YCLIENTS: the WEB origin on `port` and the API origin on `port + 1`
 * (127.0.0.1), one seeded store behind both (shared/altegio-contract.md §4).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { html, parseCookies, readBody, sleep, type Reply } from '../http';
import { fail, MSG, type ACtx, type Origin } from './envelope';
import { AltegioState } from './state';
import { classify } from './routes';
import { handleApiOrigin } from './api';
import { handleWeb } from './web';
import { credentials, handleControl, type Endpoints } from './control';
import { breakReply } from './malformed';
import type { AltegioKnobs, AltegioSimulator, AltegioSimulatorOptions, UserCredentials, UserKey } from './types';

export type * from './types';
export { DEFAULT_KNOBS } from './knobs';
export { MAIN_CID, DECOY_CID, SIZES } from './dataset';

const HOST = '127.0.0.1';

function send(res: ServerResponse, r: Reply, head: boolean): void {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  res.writeHead(r.status, { ...r.headers, 'Content-Length': String(body.length) });
  res.end(head ? undefined : body);
}

function tooMany(retryAfterSec: number | null): Reply {
  return fail(429, MSG.tooMany, {}, retryAfterSec === null ? {} : { 'Retry-After': String(retryAfterSec) });
}

function makeHandler(origin: Origin, st: AltegioState, at: Endpoints) {
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    let body = '';
    try {
      body = await readBody(req);
    } catch {
      res.writeHead(413).end();
      return;
    }
    const ctx: ACtx = {
      origin,
      method: (req.method ?? 'GET').toUpperCase(),
      url,
      path: url.pathname,
      headers: req.headers,
      body,
      cookies: parseCookies(req.headers.cookie),
      ip: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      kind: 'other',
    };
    if (ctx.path.startsWith('/__sim/')) return send(res, handleControl(ctx, st, at), false);
    const { kind, limited, data } = classify(origin, ctx.path);
    ctx.kind = kind;
    const k = st.knobs.current;
    let reply: Reply | null = null;
    let malformed = false;
    if (limited) {
      const v = st.limits.take(ctx.ip, k.rateLimitPerSecond, k.rateLimitPerMinute, k.retryAfterSec);
      st.stats.arrival(v.early);
      if (!v.ok) reply = tooMany(k.retryAfterSec);
    }
    if (!reply) {
      try {
        reply = origin === 'api' ? handleApiOrigin(ctx, st) : handleWeb(ctx, st);
      } catch (err) {
        const msg = (err as Error).stack ?? String(err);
        reply = origin === 'api' ? fail(500, msg) : html(500, `<pre>${msg.replace(/</g, '&lt;')}</pre>`);
      }
      if (data && st.knobs.takeMalformed(ctx.path + ctx.url.search)) {
        reply = breakReply(reply, k.malformedKind);
        malformed = true;
      }
    }
    st.stats.record(origin, ctx.kind, reply.status, malformed);
    if (k.latencyMs > 0) await sleep(k.latencyMs);
    send(res, reply, ctx.method === 'HEAD');
  }
  return (req: IncomingMessage, res: ServerResponse) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const closeServer = (s: Server) =>
  new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });

/** WEB on `port` and API on `port + 1`; with port 0, the first free pair found. */
async function listenPair(web: Server, api: Server, port: number): Promise<number> {
  if (port) {
    await listen(web, port);
    await listen(api, port + 1);
    return port;
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const p = await listen(web, 0);
    if (p < 65535) {
      try {
        await listen(api, p + 1);
        return p;
      } catch {
        // taken: try another pair
      }
    }
    await closeServer(web);
  }
  throw new Error('no free pair of ports');
}

export async function startAltegioSimulator(opts: AltegioSimulatorOptions = {}): Promise<AltegioSimulator> {
  const st = new AltegioState(opts.seed ?? 1, opts.dataset ?? 'default', opts.knobs);
  const at: Endpoints = { webUrl: '', apiUrl: '' };
  const web = createServer(makeHandler('web', st, at));
  const api = createServer(makeHandler('api', st, at));
  const port = await listenPair(web, api, opts.port ?? 0);
  at.webUrl = `http://${HOST}:${port}`;
  at.apiUrl = `http://${HOST}:${port + 1}`;
  const creds = credentials(st, at) as { users: Record<UserKey, UserCredentials> };
  const truth = st.store.truth();
  return {
    webUrl: at.webUrl,
    apiUrl: at.apiUrl,
    cid: truth.cid,
    decoyCid: truth.decoyCid,
    users: creds.users,
    partnerToken: st.partnerToken,
    truth,
    knobs: st.knobs.current,
    setKnobs: (k: Partial<AltegioKnobs>) => ({ ...st.knobs.set(k) }),
    stats: () => st.stats.snapshot(),
    resetStats: () => st.stats.reset(),
    mutate: (spec) => st.mutate(spec),
    close: async () => {
      await Promise.all([closeServer(web), closeServer(api)]);
    },
  };
}
