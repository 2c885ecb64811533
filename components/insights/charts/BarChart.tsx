/** Horizontal bars, one per item, longest first as given; a click opens the item's records. */
import { cut, niceMax } from './shared';

export interface Bar {
  key: string;
  label: string;
  value: number;
  cls: string;
  onClick?: () => void;
}

const W = 640,
  LABEL = 250,
  ROW = 20,
  GAP = 4;

export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const scale = (W - LABEL - 60) / max;
  const h = bars.length * (ROW + GAP) + GAP;
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-label={title}>
      {bars.map((b, i) => {
        const y = GAP + i * (ROW + GAP);
        return (
          <g key={b.key} class={b.onClick ? 'clickable' : ''} onClick={b.onClick}>
            <title>{`${b.label}: ${b.value}`}</title>
            <text x={LABEL - 6} y={y + ROW * 0.7} text-anchor="end" class="label">
              {cut(b.label, 38)}
            </text>
            <rect x={LABEL} y={y} width={Math.max(b.value * scale, b.value ? 1 : 0)} height={ROW} class={b.cls} />
            <text x={LABEL + b.value * scale + 4} y={y + ROW * 0.7} class="value">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
