/** Small helpers shared by the hand-written SVG charts (no chart library: see README). */
export const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A round axis maximum (1, 2, 5 × 10^k) at or above v. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= v)!;
}

export interface Segment {
  key: string;
  value: number;
  cls: string;
  title: string;
  onClick?: () => void;
}
