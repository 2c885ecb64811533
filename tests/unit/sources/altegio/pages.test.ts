/** Which Altegio page a URL is, whose account, and where its API is. */
import { describe, expect, it } from 'vitest';
import { pageOf } from '@/utils/sources/pages';
import { altegioPages, locationOf } from '@/utils/sources/altegio/pages';
import { apiOriginOf } from '@/utils/sources/altegio/origins';

describe('Altegio pages', () => {
  it('puts the button on the client base, the account being the web origin and the location', () => {
    expect(altegioPages.page('https://app.alteg.io/clients/517301/base/')).toEqual({
      source: 'altegio',
      account: 'https://app.alteg.io/517301',
      partition: '',
      scope: 'clients',
    });
    const withQuery = 'https://yclients.com/clients/42/base/?fields%5B0%5D=name&page=1&page_size=25#open_card_client_id=7';
    expect(altegioPages.page(withQuery)).toMatchObject({ account: 'https://yclients.com/42', scope: 'clients' });
    expect(altegioPages.page('http://127.0.0.1:4100/clients/517301/base')).toMatchObject({ account: 'http://127.0.0.1:4100/517301', scope: 'clients' });
  });

  it('knows other pages of a location (a tab there can read for a sync) but gives them no button', () => {
    expect(altegioPages.page('https://app.alteg.io/timetable/517301/')).toMatchObject({ account: 'https://app.alteg.io/517301', scope: null });
    expect(altegioPages.page('https://app.alteg.io/dashboard/517302')).toMatchObject({ account: 'https://app.alteg.io/517302', scope: null });
  });

  it('recognises nothing else: JSON routes, sign-in, AlfaCRM paths, bad ids', () => {
    for (const url of [
      'https://app.alteg.io/clients/getClientInfo/100000001',
      'https://app.alteg.io/signin/%2Fclients%2F517301%2Fbase%2F',
      'https://app.alteg.io/api/v1/clients/517301',
      'https://app.alteg.io/clients/0/base/',
      'https://app.alteg.io/clients/517301x/base/',
      'ftp://app.alteg.io/clients/517301/base/',
      'not a url',
    ]) {
      expect(altegioPages.page(url), url).toBeNull();
    }
    expect(pageOf('https://demo.s20.online/company/1/lead/index')?.source).toBe('alfacrm');
    expect(pageOf('https://app.alteg.io/clients/517301/base/')?.source).toBe('altegio');
  });

  it('reads the location back from an account', () => {
    expect(locationOf('https://app.alteg.io/517301')).toBe(517301);
    expect(locationOf('http://127.0.0.1:4100/7')).toBe(7);
    expect(locationOf('https://app.alteg.io')).toBeNull();
    expect(locationOf('https://app.alteg.io/0')).toBeNull();
  });

  it('sends credentials to the API host of the web host only; the simulator has it on the next port', () => {
    expect(apiOriginOf('https://app.alteg.io')).toBe('https://api.alteg.io');
    expect(apiOriginOf('https://yclients.com')).toBe('https://api.yclients.com');
    expect(apiOriginOf('https://www.yclients.com')).toBe('https://api.yclients.com');
    expect(apiOriginOf('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4101');
    expect(apiOriginOf('http://localhost:65535')).toBeNull();
    expect(apiOriginOf('https://evil.example')).toBeNull();
    expect(apiOriginOf('http://app.alteg.io')).toBeNull();
  });
});
