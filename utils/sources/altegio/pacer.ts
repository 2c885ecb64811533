/**
 * One pace for every channel that reaches an Altegio backend from this browser (the CRM tab's
 * reads and the background's API calls): the limit is per IP, and the user's own tabs share it
 * (contract §1, §2.3). One request in flight, at most 3 in any second and 150 in any minute. A
 * request counts in a window until it is reported done (it reached the CRM by then), so the gap
 * between a turn given here and the request's arrival can never crowd a window. A 429 blocks
 * every channel for its Retry-After, else 3 s doubling to 60 s; the fifth refusal in a row gives
 * up. Pure: the clock is passed in.
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
  windowMs: 1050,
  perMinute: 150,
  minuteMs: 60_500,
  leaseMs: 30_000,
  maxRefusals: 5,
  firstBackoffMs: 3000,
  maxBackoffMs: 60_000,
};

/** How often a holder waiting for another's turn to end asks again. */
const LEASE_POLL_MS = 100;

interface Turn {
  holder: string;
  at: number;
  /** When it was reported done (null: in flight; taken as over once its lease ran out). */
  end: number | null;
}

export class Pacer {
  /** Turns that still count in the minute window, oldest first. */
  private turns: Turn[] = [];
  private blockedUntil = 0;
  private refusals = 0;
  private backoffMs = 0;

  constructor(
    readonly limits: PaceLimits = CONTRACT_PACE,
    private readonly now: () => number = Date.now,
  ) {}

  private endOf(turn: Turn, t: number): number {
    return turn.end ?? Math.min(t, turn.at + this.limits.leaseMs);
  }

  /** The holder's request ended. A refusal (429) blocks everyone; too many in a row throw. */
  report(holder: string, last: NonNullable<PaceReport['last']>): void {
    const t = this.now();
    for (const turn of this.turns) if (turn.holder === holder && turn.end === null) turn.end = t;
    if (last.outcome === 'ok') {
      this.refusals = 0;
      this.backoffMs = 0;
      return;
    }
    if (last.outcome !== 'refused') return;
    this.refusals++;
    const { firstBackoffMs, maxBackoffMs, maxRefusals } = this.limits;
    // Without Retry-After: 3 s, then twice the last wait, up to 60 s.
    if (last.retryAfterMs === undefined) this.backoffMs = this.backoffMs ? Math.min(this.backoffMs * 2, maxBackoffMs) : firstBackoffMs;
    this.blockedUntil = Math.max(this.blockedUntil, t + (last.retryAfterMs ?? this.backoffMs));
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
    this.turns = this.turns.filter((x) => this.endOf(x, t) > t - minuteMs);
    const waits = [this.blockedUntil - t];
    const busy = this.turns.find((x) => x.end === null && x.holder !== holder && t < x.at + leaseMs);
    if (busy) waits.push(Math.min(busy.at + leaseMs - t, LEASE_POLL_MS));
    const ends = this.turns.map((x) => this.endOf(x, t));
    const recent = ends.filter((e) => e > t - windowMs);
    if (recent.length >= perWindow) waits.push(recent[recent.length - perWindow] + windowMs - t);
    if (ends.length >= perMinute) waits.push(ends[ends.length - perMinute] + minuteMs - t);
    // Spread within the window, not three at once.
    const last = this.turns[this.turns.length - 1];
    if (last) waits.push(last.at + windowMs / perWindow - t);
    const wait = Math.ceil(Math.max(0, ...waits));
    if (wait > 0) return wait;
    // A holder's own unreported turn is over when it asks again.
    for (const x of this.turns) if (x.holder === holder && x.end === null) x.end = t;
    this.turns.push({ holder, at: t, end: null });
    return 0;
  }

  /** Both in one: what a holder's message asks (tabPace). */
  turn(holder: string, report: PaceReport): number {
    if (report.last) this.report(holder, report.last);
    if (!report.want) return 0;
    return this.ask(holder);
  }
}
