/** What an Altegio answer means: its data, or the named error (contract §1, §2, §3). */
import { describe, expect, it } from 'vitest';
import { envelopeOf, failureOf, type HttpReply } from '@/utils/sources/altegio/answers';
import { said, saidBy } from './said';

const WEB = 'https://app.alteg.io';
const reply = (status: number, body: unknown, over: Partial<HttpReply> = {}): HttpReply => ({
  status,
  url: `${WEB}/api/v1/clients/1`,
  contentType: typeof body === 'string' ? 'text/html' : 'application/json',
  text: typeof body === 'string' ? body : JSON.stringify(body),
  ...over,
});
const refusal = (message: string) => ({ success: false, data: null, meta: { message } });

describe('Altegio answers', () => {
  it('takes the sign-in page (a redirect) or a dead page token for an expired session', () => {
    const signin = reply(200, '<html><form id="signin-form"></form></html>', { url: `${WEB}/signin/%2Fclients%2F1%2Fbase%2F` });
    expect(said(failureOf(signin, 'client card', 'page'))).toBe('session expired: log in to Altegio again');
    expect(failureOf(reply(401, refusal('Необходима авторизация')), 'client list', 'page')?.code).toBe('session-expired');
    // With the API's tokens a 401 is the credentials, not the page's session.
    expect(failureOf(reply(401, refusal('Необходима авторизация')), 'client list', 'api')?.code).toBe('api-key-rejected');
  });

  it('names the licence and the rights', () => {
    const licence = refusal('Необходимо продлить лицензию в филиале с id: 517301');
    expect(failureOf(reply(402, licence), 'search', 'page')?.code).toBe('licence-expired');
    expect(said(failureOf(reply(403, licence), 'search', 'page'))).toBe('licence expired (Необходимо продлить лицензию в филиале с id: 517301)');
    expect(said(failureOf(reply(403, refusal('Недостаточно прав')), 'search', 'page'))).toBe('no rights to the client base (Недостаточно прав)');
  });

  it('refuses HTML, broken JSON and other statuses, with shapes for the diagnostics', () => {
    const html = failureOf(reply(200, '<!DOCTYPE html><div id="app"></div>'), 'client list', 'page')!;
    expect(said(html)).toBe('malformed response (client list: a page instead of JSON)');
    expect(html.diagnostics).toMatchObject({ route: 'client list', status: 200 });
    expect(failureOf(reply(200, '{"success":true,"data":[{"id":1'), 'client list', 'page')?.code).toBe('malformed-response');
    expect(said(failureOf(reply(502, '<html>Bad gateway</html>'), 'client list', 'page'))).toMatch(/HTTP 502/);
    expect(failureOf(reply(200, { success: true, data: [] }), 'client list', 'page')).toBeNull();
  });

  it('takes data only from a v2 envelope that says success', async () => {
    expect(envelopeOf(reply(200, { success: true, data: [{ id: 1 }], meta: { total_count: 1 } }), 'l', 'page')).toEqual({
      data: [{ id: 1 }],
      meta: { total_count: 1 },
    });
    expect(await saidBy(() => envelopeOf(reply(200, refusal('Не найдено')), 'l', 'page'))).toBe('malformed response (l: success is not true (Не найдено))');
    expect(await saidBy(() => envelopeOf(reply(200, { success: true, meta: [] }), 'l', 'page'))).toMatch(/no data/);
    const bare = reply(200, [{ id: 1, name: 'Анна' }]);
    expect(await saidBy(() => envelopeOf(bare, 'l', 'page'))).toMatch(/without the v2 envelope/);
    try {
      envelopeOf(bare, 'l', 'page');
    } catch (e) {
      // Shapes only: no name in the diagnostics.
      expect(JSON.stringify((e as { diagnostics: unknown }).diagnostics)).not.toContain('Анна');
    }
    // Definitions may come bare (an older route answering v1).
    expect(envelopeOf(bare, 'definitions', 'page', true).data).toEqual([{ id: 1, name: 'Анна' }]);
  });
});
