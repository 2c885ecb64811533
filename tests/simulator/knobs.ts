/** The simulator's knobs: defaults, validation, and the one-shot malformed-response counter. */
import type { Knobs } from './types';

export const DEFAULT_KNOBS: Readonly<Knobs> = {
  latencyMs: 0,
  apiRateLimit: 5,
  tokenLifetimeSec: 900,
  sessionExpiresAfter: null,
  duplicateRate: 0.017,
  malformedOnRequest: null,
  malformedMatch: null,
  uiPageSize: 20,
};

const nonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const positiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1;

const CHECKS: Record<keyof Knobs, (v: unknown) => boolean> = {
  latencyMs: nonNegative,
  apiRateLimit: nonNegative,
  tokenLifetimeSec: nonNegative,
  sessionExpiresAfter: (v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0),
  duplicateRate: (v) => nonNegative(v) && (v as number) < 0.5,
  malformedOnRequest: (v) => v === null || positiveInt(v),
  malformedMatch: (v) => v === null || (typeof v === 'string' && v.length > 0),
  uiPageSize: positiveInt,
};

/** Throws on an unknown knob or a bad value, naming it. */
export function validateKnobs(k: Record<string, unknown>): Partial<Knobs> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(k)) {
    if (!(key in CHECKS)) throw new Error(`unknown knob: ${key}`);
    if (!CHECKS[key as keyof Knobs](k[key])) throw new Error(`bad value for knob ${key}: ${JSON.stringify(k[key])}`);
    out[key] = k[key];
  }
  return out as Partial<Knobs>;
}

/** Holds the current knobs and counts requests for `malformedOnRequest`. */
export class KnobState {
  readonly current: Knobs;
  private counted = 0;

  constructor(initial?: Partial<Knobs>) {
    this.current = { ...DEFAULT_KNOBS };
    this.set(initial ?? {});
  }

  set(k: Partial<Knobs>): Knobs {
    const valid = validateKnobs(k as Record<string, unknown>);
    Object.assign(this.current, valid);
    if ('malformedOnRequest' in valid || 'malformedMatch' in valid) this.counted = 0;
    return this.current;
  }

  /** Counts one data request; true when this is the one to break (it fires once). */
  takeMalformed(): boolean {
    const n = this.current.malformedOnRequest;
    if (n === null) return false;
    this.counted++;
    if (this.counted < n) return false;
    this.current.malformedOnRequest = null;
    return true;
  }
}
