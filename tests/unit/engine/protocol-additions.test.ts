/** The engine's additions for a second source: messages they travel in, and errors keeping diagnostics. */
import { describe, expect, it } from 'vitest';
import { CrmError, fromErrorInfo, toErrorInfo } from '@/utils/errors';
import { PROTOCOL } from '@/utils/messages/protocol';

const ref = { jobKey: 'altegio|https://app.alteg.io/1|', runId: '2026-01-01T00:00:00.000Z', task: 'clients' };

describe('protocol additions', () => {
  it('carries a unit’s progress, and params to a tab read', () => {
    const unit = { key: 'cards:1-10', count: 10, label: 'client cards', items: [], progress: { phase: 'phase.clientCards', done: 10, total: 120 } };
    expect(PROTOCOL.tabUnit.data.safeParse({ ...ref, unit }).success).toBe(true);
    expect(PROTOCOL.tabUnit.data.safeParse({ ...ref, unit: { ...unit, progress: { done: -1 } } }).success).toBe(false);
    // A tab names a phase, no other message.
    expect(PROTOCOL.tabUnit.data.safeParse({ ...ref, unit: { ...unit, progress: { ...unit.progress, phase: 'error.sessionExpired' } } }).success).toBe(false);
    const read = { ...ref, partition: '', skip: {}, params: { since: '2026-01-01T00:00:00', ids: '1' } };
    expect(PROTOCOL.tabRead.data.safeParse(read).success).toBe(true);
    expect(PROTOCOL.tabRead.data.safeParse({ ...read, params: { since: 5 } }).success).toBe(false);
  });

  it('asks for a pace turn from a CRM tab, and keeps a secret from an extension page only', () => {
    expect(PROTOCOL.tabPace.from).toBe('crm-tab');
    expect(PROTOCOL.tabPace.data.safeParse({ last: { outcome: 'refused', retryAfterMs: 1000 }, want: true }).success).toBe(true);
    expect(PROTOCOL.tabPace.data.safeParse({ last: { outcome: 'maybe' }, want: true }).success).toBe(false);
    expect(PROTOCOL.keepSecret.from).toBe('extension-page');
    expect(PROTOCOL.keepSecret.data.safeParse({ source: 'altegio', origin: 'https://app.alteg.io', login: 'a@b.c', secret: 'pw' }).success).toBe(true);
  });

  it('keeps an error’s diagnostics across contexts, within a size', () => {
    const e = new CrmError('layout-not-recognised', 'no page token', { headScripts: 2 });
    const info = toErrorInfo(e);
    expect(info).toEqual({
      code: 'layout-not-recognised',
      message: 'layout-not-recognised (no page token)',
      detail: 'no page token',
      diagnostics: { headScripts: 2 },
    });
    expect(fromErrorInfo(info).diagnostics).toEqual({ headScripts: 2 });
    const failed = (diagnostics: unknown) =>
      PROTOCOL.tabFailed.data.safeParse({ ...ref, error: { code: 'malformed-response', message: 'm', diagnostics } }).success;
    expect(failed({ shape: 'string(3)' })).toBe(true);
    expect(failed({ big: 'x'.repeat(60_000) })).toBe(false);
  });
});
