/** The Altegio simulator's knobs: defaults, validation, one-shot actions and the malformed counter. */
import type { AltegioKnobs } from './types';

export const DEFAULT_KNOBS: Readonly<AltegioKnobs> = {
  latencyMs: 0,
  rateLimitPerSecond: 5,
  rateLimitPerMinute: 200,
  retryAfterSec: 1,
  userTokenLifetimeSec: null,
  revokeUserTokens: false,
  sessionMaxRequests: null,
  sessionMaxAgeSec: null,
  pageTokenBulkList: 'allow',
  emptyCustomFields: 'default',
  malformedOnRequest: null,
  malformedKind: 'truncated',
  malformedMatch: null,
  searchFields: 'honour',
  licenseExpired: null,
  uiRedrawMs: 0,
};

const nonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const positiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const orNull = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);
const oneOf =
  (...options: unknown[]) =>
  (v: unknown) =>
    options.includes(v);

const CHECKS: Record<keyof AltegioKnobs, (v: unknown) => boolean> = {
  latencyMs: nonNegative,
  rateLimitPerSecond: nonNegative,
  rateLimitPerMinute: nonNegative,
  retryAfterSec: orNull(nonNegative),
  userTokenLifetimeSec: orNull(nonNegative),
  revokeUserTokens: (v) => typeof v === 'boolean',
  sessionMaxRequests: orNull((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0),
  sessionMaxAgeSec: orNull(nonNegative),
  pageTokenBulkList: oneOf('allow', '401', '403', '404', 'html', 'no-custom-fields'),
  emptyCustomFields: oneOf('default', 'array', 'object', 'null', 'absent', 'mixed'),
  malformedOnRequest: orNull(positiveInt),
  malformedKind: oneOf('html502', 'truncated', 'v1-array', 'success-false'),
  malformedMatch: orNull((v) => typeof v === 'string' && v.length > 0),
  searchFields: oneOf('honour', 'fixed-five'),
  licenseExpired: oneOf(null, 402, 403),
  uiRedrawMs: nonNegative,
};

/** Throws on an unknown knob or a bad value, naming it. */
export function validateKnobs(k: Record<string, unknown>): Partial<AltegioKnobs> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(k)) {
    if (!(key in CHECKS)) throw new Error(`unknown knob: ${key}`);
    if (!CHECKS[key as keyof AltegioKnobs](k[key])) throw new Error(`bad value for knob ${key}: ${JSON.stringify(k[key])}`);
    out[key] = k[key];
  }
  return out as Partial<AltegioKnobs>;
}

export interface KnobHooks {
  /** revokeUserTokens was set true. */
  revoke(): void;
  /** A session knob was set: live sessions start counting afresh. */
  restartSessions(): void;
  /** A rate knob was set: the limit's windows start empty. */
  restartLimits(): void;
}

export class KnobState {
  readonly current: AltegioKnobs = { ...DEFAULT_KNOBS };
  private counted = 0;
  hooks: KnobHooks | null = null;

  constructor(initial?: Partial<AltegioKnobs>) {
    this.set(initial ?? {});
  }

  set(k: Partial<AltegioKnobs>): AltegioKnobs {
    const valid = validateKnobs(k as Record<string, unknown>);
    Object.assign(this.current, valid);
    if ('malformedOnRequest' in valid || 'malformedMatch' in valid) this.counted = 0;
    if (valid.revokeUserTokens) {
      this.hooks?.revoke();
      this.current.revokeUserTokens = false;
    }
    if ('sessionMaxRequests' in valid || 'sessionMaxAgeSec' in valid) this.hooks?.restartSessions();
    if ('rateLimitPerSecond' in valid || 'rateLimitPerMinute' in valid) this.hooks?.restartLimits();
    return this.current;
  }

  /** Counts one data request; true when this one is to be broken (it fires once). */
  takeMalformed(pathAndQuery: string): boolean {
    const n = this.current.malformedOnRequest;
    if (n === null) return false;
    const only = this.current.malformedMatch;
    if (only && !pathAndQuery.includes(only)) return false;
    this.counted++;
    if (this.counted < n) return false;
    this.current.malformedOnRequest = null;
    return true;
  }
}
