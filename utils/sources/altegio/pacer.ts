/**
 * One pace for every channel that reaches an Altegio backend from this browser (the CRM tab's
 * reads and the background's API calls): the limit is per IP, and the user's own tabs share it
 * (contract §1, §2.3). One request in flight, at most 3 in any 1.1 s and 150 in any 61 s (the
 * extra 0.1 s and 1 s absorb the gap between a turn given here and the request's arrival). A 429
 * blocks every channel for its Retry-After, else 3 s doubling to 60 s; the fifth refusal in a row
 * gives up. Pure: the clock is passed in.
 */
import { CrmError } from '../../errors';
import type { PaceReport } from '../../engine/source';

export interface PaceLimits {
  perWindow: number;
  windowMs: number;
  perMinute: number;
  minuteMs: number;
  /** A turn not reported back within this long is taken as over (its tab went away). */
  leaseMs: number;
  maxRefusals: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
}

export const CONTRACT_PACE: PaceLimits = {
  perWindow: 3,
  windowMs: 1100,
  perMinute: 150,
  minuteMs: 61_000,
  leaseMs: 30_000,
  maxRefusals: 5,
  firstBackoffMs: 3000,
  maxBackoffMs: 60_000,
};

/** How often a holder waiting for another's turn to end asks again. */
const LEASE_POLL_MS = 100;

export class Pacer {
  /** Times turns were given within the last minute window, ascending. */
  private turns: number[] = [];
  private holder: string | null = null;
  private leaseUntil = 0;
  private blockedUntil = 0;
  private refusals = 0;
  private backoffMs = 0;

  constructor(
    readonly limits: PaceLimits = CONTRACT_PACE,
    private readonly now: () => number = Date.now,
  ) {}

  /** The holder's request ended. A refusal (429) blocks everyone; too many in a row throw. */
  report(holder: string, last: NonNullable<PaceReport['last']>): void {
    if (this.holder === holder) this.holder = null;
    if (last.outcome === 'ok') {
      this.refusals = 0;
      this.backoffMs = 0;
      return;
    }
    if (last.outcome !== 'refused') return;
    this.refusals++;
    const { firstBackoffMs, maxBackoffMs, maxRefusals } = this.limits;
    this.backoffMs = this.backoffMs ? Math.min(this.backoffMs * 2, maxBackoffMs) : firstBackoffMs;
    const wait = last.retryAfterMs ?? this.backoffMs;
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + wait);
    if (this.refusals >= maxRefusals) {
      this.refusals = 0;
      this.backoffMs = 0;
      throw new CrmError('rate-limited', `${maxRefusals} refusals in a row`);
    }
  }

  /** Ms until `holder` may send; 0: it may now, and the turn is its until it reports. */
  ask(holder: string): number {
    const t = this.now();
    const { perWindow, windowMs, perMinute, minuteMs, leaseMs } = this.limits;
    this.turns = this.turns.filter((g) => g > t - minuteMs);
    const waits = [this.blockedUntil - t];
    if (this.holder !== null && this.holder !== holder && t < this.leaseUntil) waits.push(Math.min(this.leaseUntil - t, LEASE_POLL_MS));
    const recent = this.turns.filter((g) => g > t - windowMs);
    if (recent.length >= perWindow) waits.push(recent[recent.length - perWindow] + windowMs - t);
    if (this.turns.length >= perMinute) waits.push(this.turns[this.turns.length - perMinute] + minuteMs - t);
    // Spread within the window, not three at once.
    const last = this.turns[this.turns.length - 1];
    if (last !== undefined) waits.push(last + windowMs / perWindow - t);
    const wait = Math.ceil(Math.max(0, ...waits));
    if (wait > 0) return wait;
    this.turns.push(t);
    this.holder = holder;
    this.leaseUntil = t + leaseMs;
    return 0;
  }

  /** Both in one: what a holder's message asks (tabPace). */
  turn(holder: string, report: PaceReport): number {
    if (report.last) this.report(holder, report.last);
    if (!report.want) return 0;
    return this.ask(holder);
  }
}
