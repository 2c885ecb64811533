/** An API key goes over https, or in the clear only to this machine; else the options name why not. */
import { describe, expect, it } from 'vitest';
import { credentialsRefused } from '@/utils/settings/address';
import { alfacrmApi } from '@/utils/sources/alfacrm/api';

describe('where credentials may go', () => {
  it.each(['https://demo.s20.online', 'http://127.0.0.1:8080', 'http://localhost:3000', 'http://127.0.0.2', 'http://[::1]:9'])('%s: allowed', (origin) => {
    expect(credentialsRefused(origin)).toBeNull();
  });

  it.each(['http://crm.my-school.com.ua', 'http://demo.s20.online', 'http://127.0.0.1.evil.example', 'http://localhost.evil.example'])(
    '%s: refused with a named message',
    (origin) => {
      expect(credentialsRefused(origin)).toBe('options.httpsOnly');
    },
  );

  it('AlfaCRM names no API origin for an http account that is not this machine, so no client is made', () => {
    const account = { id: 'a', source: 'alfacrm' as const, login: 'x', origin: 'http://crm.my-school.com.ua' };
    expect(alfacrmApi.origin(account)).toEqual({ refused: 'options.httpsOnly' });
    expect(alfacrmApi.origin({ ...account, origin: 'https://crm.my-school.com.ua' })).toBe('https://crm.my-school.com.ua');
  });
});
