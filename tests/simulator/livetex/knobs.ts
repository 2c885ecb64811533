/** Knobs: defaults, validation (camelCase or the contract's snake_case names), the malformed counter. */
import type { LivetexKnobs } from './types';

export const DEFAULT_KNOBS: Readonly<LivetexKnobs> = {
  roleMode: 'documented',
  hiddenForm: 'absent',
  latencyMs: 0,
  rateLimitPerSecond: 5,
  rateLimitPerMinute: 120,
  tokenLifetimeSec: 3600,
  sessionExpiresAfterRequests: null,
  sessionExpiresAfterSec: null,
  sessionExpiryScope: 'cabinet',
  defaultSort: 'created_at:d',
  malformedOnRequest: null,
  malformedKind: 'truncated',
  malformedMatch: null,
  forbidden: {},
  datetimeForm: 'msk',
  idsAsStrings: false,
  omitIsManaged: false,
  refForm: 'requested',
  cabinetDrawDelayMs: 150,
};

const nonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const nullableCount = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0);
const oneOf =
  (...values: string[]) =>
  (v: unknown) =>
    typeof v === 'string' && values.includes(v);
const bool = (v: unknown) => typeof v === 'boolean';

const CHECKS: Record<keyof LivetexKnobs, (v: unknown) => boolean> = {
  roleMode: oneOf('documented', 'implementation'),
  hiddenForm: oneOf('absent', 'null'),
  latencyMs: nonNegative,
  rateLimitPerSecond: nonNegative,
  rateLimitPerMinute: nonNegative,
  tokenLifetimeSec: nonNegative,
  sessionExpiresAfterRequests: nullableCount,
  sessionExpiresAfterSec: (v) => v === null || nonNegative(v),
  sessionExpiryScope: oneOf('cabinet', 'all'),
  defaultSort: (v) => typeof v === 'string' && /^(created_at|updated_at|duration|result):[ad]$/.test(v),
  malformedOnRequest: (v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 1),
  malformedKind: oneOf('html502', 'truncated', 'results_object', 'total_missing', 'short_page'),
  malformedMatch: (v) => v === null || (typeof v === 'string' && v.length > 0),
  forbidden: (v) =>
    !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((roles) => Array.isArray(roles) && roles.every((r) => typeof r === 'string')),
  datetimeForm: oneOf('msk', 'space', 'utc_z', 'offset'),
  idsAsStrings: bool,
  omitIsManaged: bool,
  refForm: oneOf('requested', 'id'),
  cabinetDrawDelayMs: nonNegative,
};

/** `role_mode` → `roleMode`. */
export function knobName(raw: string): string {
  return raw.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Throws on an unknown knob or a bad value, naming it. */
export function validateKnobs(k: Record<string, unknown>): Partial<LivetexKnobs> {
  const out: Record<string, unknown> = {};
  for (const raw of Object.keys(k)) {
    const key = knobName(raw);
    if (!(key in CHECKS)) throw new Error(`unknown knob: ${raw}`);
    if (!CHECKS[key as keyof LivetexKnobs](k[raw])) throw new Error(`bad value for knob ${raw}: ${JSON.stringify(k[raw])}`);
    out[key] = k[raw];
  }
  return out as Partial<LivetexKnobs>;
}

/** A knob value given as text (query string, CLI, env) to its typed form. */
export function parseKnobText(raw: string, text: string): unknown {
  const key = knobName(raw) as keyof LivetexKnobs;
  const current = DEFAULT_KNOBS[key];
  if (text === 'null') return null;
  if (typeof current === 'boolean') return text === 'true' || text === '1' || text === 'yes';
  if (key === 'forbidden') return JSON.parse(text) as unknown;
  if (typeof current === 'number' || (current === null && key !== 'malformedMatch')) return Number(text);
  return text;
}

/** The current knobs and the request counter for `malformedOnRequest`. */
export class KnobState {
  readonly current: LivetexKnobs;
  private counted = 0;

  constructor(initial?: Record<string, unknown>) {
    this.current = { ...DEFAULT_KNOBS, forbidden: {} };
    this.set(initial ?? {});
  }

  set(k: Record<string, unknown>): LivetexKnobs {
    const valid = validateKnobs(k);
    Object.assign(this.current, valid);
    if ('malformedOnRequest' in valid || 'malformedMatch' in valid) this.counted = 0;
    return this.current;
  }

  /** Counts one data request; true when this one is to be broken (fires once). */
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
