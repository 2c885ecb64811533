/**
 * The official limit, per client IP and for both origins together: at most N accepted requests
 * in any 1 s and M in any 60 s (sliding windows). Refused requests do not count.
 */

class IpWindow {
  /** Accepted request times of the last 60 s, ascending. */
  accepted: number[] = [];
  /** Until when the last 429's Retry-After asked the client to wait. */
  blockedUntil = 0;
}

export interface Verdict {
  ok: boolean;
  /** The request arrived while an earlier Retry-After was still running. */
  early: boolean;
}

export class RateLimits {
  private readonly ips = new Map<string, IpWindow>();

  /** Forgets every window (when the limit is changed). */
  reset(): void {
    this.ips.clear();
  }

  take(ip: string, perSecond: number, perMinute: number, retryAfterSec: number | null, now = Date.now()): Verdict {
    let w = this.ips.get(ip);
    if (!w) {
      w = new IpWindow();
      this.ips.set(ip, w);
    }
    const early = now < w.blockedUntil;
    let drop = 0;
    while (drop < w.accepted.length && w.accepted[drop] <= now - 60_000) drop++;
    if (drop) w.accepted = w.accepted.slice(drop);
    let lastSecond = 0;
    for (let i = w.accepted.length - 1; i >= 0 && w.accepted[i] > now - 1000; i--) lastSecond++;
    const refused = (perSecond > 0 && lastSecond >= perSecond) || (perMinute > 0 && w.accepted.length >= perMinute);
    if (refused) {
      if (retryAfterSec !== null) w.blockedUntil = Math.max(w.blockedUntil, now + retryAfterSec * 1000);
      return { ok: false, early };
    }
    w.accepted.push(now);
    return { ok: true, early };
  }
}
