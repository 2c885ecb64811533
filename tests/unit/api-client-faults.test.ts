/**
 * What the API client does with answers a CRM (or something posing as one) should not give: a
 * redirect (the key must not follow it), 429s without Retry-After or without end, a body too
 * large to read. A local HTTP server plays the CRM.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmError } from '@/utils/errors';
import { AlfaApiClient, MAX_BODY_BYTES, MAX_RATE_LIMITED_IN_A_ROW, retryAfterMs } from '@/utils/sources/alfacrm/api-client';
import { customerPage } from '@/utils/sources/alfacrm/api-schemas';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A server whose answers each test sets; it records what it received. */
async function server(): Promise<{ url: string; seen: { url: string; body: string; at: number }[]; answer: (h: Handler) => void; close: () => Promise<void> }> {
  let handler: Handler = (_, __, res) => res.end('{}');
  const seen: { url: string; body: string; at: number }[] = [];
  const srv: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', body, at: Date.now() });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    seen,
    answer: (h) => (handler = h),
    close: () => new Promise((r) => srv.close(() => r())),
  };
}

const TOKEN = 'a'.repeat(32);
const KEY = 'k'.repeat(40);
const login: Handler = (req, _, res) => res.end(JSON.stringify({ token: TOKEN }));
const page = JSON.stringify({ total: 1, count: 1, page: 0, items: [{ id: 1 }] });

describe('API client faults', () => {
  let crm: Awaited<ReturnType<typeof server>>;
  let elsewhere: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    [crm, elsewhere] = await Promise.all([server(), server()]);
  });
  afterAll(async () => Promise.all([crm.close(), elsewhere.close()]));

  const client = () => new AlfaApiClient({ origin: crm.url, email: 'api@school.ua', apiKey: KEY }, { ratePerSecond: 50, maxRetryTimeMs: 120_000 });

  it('does not follow a 307 from the login: the key never reaches the redirect target', async () => {
    crm.seen.length = elsewhere.seen.length = 0;
    crm.answer((_, __, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}/v2api/auth/login` });
      res.end();
    });
    const err = await client()
      .post('/v2api/1/customer/index', { page: 0 }, customerPage)
      .catch((e: CrmError) => e);
    expect((err as CrmError).code).toBe('malformed-response');
    expect((err as CrmError).message).toMatch(/redirect/);
    expect(elsewhere.seen).toEqual([]);
    expect(crm.seen).toHaveLength(1);
  });

  it('does not follow a 308 from a data call: the token stays at the CRM', async () => {
    crm.seen.length = elsewhere.seen.length = 0;
    crm.answer((req, body, res) => {
      if (req.url?.endsWith('/auth/login')) return login(req, body, res);
      res.writeHead(308, { Location: `${elsewhere.url}/steal` });
      res.end();
    });
    const err = await client()
      .post('/v2api/1/customer/index', { page: 0 }, customerPage)
      .catch((e: CrmError) => e);
    expect((err as CrmError).code).toBe('malformed-response');
    expect(elsewhere.seen).toEqual([]);
  });

  it('backs off on a 429 without Retry-After instead of asking again at once', async () => {
    expect(retryAfterMs(null, 1)).toBe(1500);
    expect(retryAfterMs(null, 3)).toBe(6000);
    expect(retryAfterMs('', 1)).toBe(1500);
    expect(retryAfterMs('2', 5)).toBe(2050);
    crm.seen.length = 0;
    let calls = 0;
    crm.answer((req, body, res) => {
      if (req.url?.endsWith('/auth/login')) return login(req, body, res);
      if (++calls <= 2) {
        res.writeHead(429);
        return void res.end('{"name":"Too Many Requests","message":"","code":0,"status":429}');
      }
      res.end(page);
    });
    await client().post('/v2api/1/customer/index', { page: 0 }, customerPage);
    const data = crm.seen.filter((s) => s.url.endsWith('/customer/index'));
    expect(data).toHaveLength(3);
    expect(data[1].at - data[0].at).toBeGreaterThanOrEqual(1400);
    expect(data[2].at - data[1].at).toBeGreaterThanOrEqual(2900);
  });

  it(`stops after ${MAX_RATE_LIMITED_IN_A_ROW} refusals in a row with «rate limited beyond retries»`, async () => {
    crm.seen.length = 0;
    crm.answer((req, body, res) => {
      if (req.url?.endsWith('/auth/login')) return login(req, body, res);
      res.writeHead(429, { 'Retry-After': '0' });
      res.end('{}');
    });
    const err = await client()
      .post('/v2api/1/customer/index', { page: 0 }, customerPage)
      .catch((e: CrmError) => e);
    expect((err as CrmError).code).toBe('rate-limited');
    expect(crm.seen.filter((s) => s.url.endsWith('/customer/index'))).toHaveLength(MAX_RATE_LIMITED_IN_A_ROW + 1);
  }, 60_000);

  it('refuses a body larger than it would ever need, without reading it into memory', async () => {
    crm.answer((req, body, res) => {
      if (req.url?.endsWith('/auth/login')) return login(req, body, res);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = 'x'.repeat(1024 * 1024);
      // Streamed without a length: the client counts as it reads.
      let sent = 0;
      const more = () => {
        while (sent <= MAX_BODY_BYTES) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    });
    const err = await client()
      .post('/v2api/1/customer/index', { page: 0 }, customerPage)
      .catch((e: CrmError) => e);
    expect((err as CrmError).code).toBe('malformed-response');
    expect((err as CrmError).message).toMatch(/larger than/);
  });
});
