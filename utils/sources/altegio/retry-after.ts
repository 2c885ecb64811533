/** `Retry-After` in ms (seconds or an HTTP date), capped; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return Math.min(secs * 1000, 120_000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.min(Math.max(date - now, 0), 120_000) : null;
}
