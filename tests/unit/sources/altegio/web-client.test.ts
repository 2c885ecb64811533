/** The CRM tab's requests: the page token from the page, each request's turn asked and reported, 429s retried. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { PaceReport } from '@/utils/engine/source';
import { pageTokenOf, WebClient } from '@/utils/sources/altegio/web-client';
import { said } from './said';

const page = (head: string) => new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body><div id="clients-base-app"></div></body></html>`).window.document;

describe('the page token', () => {
  it('is read from the head', () => {
    expect(pageTokenOf(page("<script>ms.auth.user_partner_token = 'a1b2c3d4e5f6';</script>"))).toBe('a1b2c3d4e5f6');
  });

  it('missing, is «layout not recognised» with diagnostics that hold no values', () => {
    try {
      pageTokenOf(page('<script>var x = "secret-ish";</script>'));
      expect.unreachable();
    } catch (e) {
      expect(said(e)).toBe('layout not recognised (no page token in the page)');
      expect((e as { diagnostics: unknown }).diagnostics).toEqual({ headScripts: 1, app: true });
    }
  });
});

describe('WebClient', () => {
  it('asks a turn per request, reports each outcome, and sends a refused request again after the wait', async () => {
    const reports: PaceReport[] = [];
    const io = { pace: async (r: PaceReport) => (reports.push(r), 0) };
    const answers = [new Response('', { status: 429, headers: { 'Retry-After': '2' } }), new Response('{"success":true,"data":[]}', { status: 200 })];
    const sent: RequestInit[] = [];
    const fake = (async (_u: string, init: RequestInit) => (sent.push(init), answers.shift()!)) as unknown as typeof fetch;
    const web = new WebClient('https://app.alteg.io', 'tok', io, fake);
    const r = await web.request('/api/v1/clients/1', { token: true });
    expect(r.status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(sent[0].headers).toMatchObject({ Authorization: 'Bearer tok', Accept: 'application/vnd.api.v2+json' });
    await web.end();
    expect(reports).toEqual([{ want: true }, { last: { outcome: 'refused', retryAfterMs: 2000 }, want: true }, { last: { outcome: 'ok' }, want: false }]);
  });
});
