/** Horizontal stacked bars (e.g. a campaign's target / non-target / unclassified leads). */
import { Legend } from './Legend';
import { cut, niceMax, type Segment } from './shared';

export interface Stack {
  key: string;
  label: string;
  segments: Segment[];
}

const W = 640,
  LABEL = 200,
  ROW = 20,
  GAP = 5;

export function StackedBars({ stacks, legend, title }: { stacks: Stack[]; legend: { cls: string; label: string }[]; title: string }) {
  const total = (s: Stack) => s.segments.reduce((n, x) => n + x.value, 0);
  const max = niceMax(Math.max(0, ...stacks.map(total)));
  const scale = (W - LABEL - 50) / max;
  const h = stacks.length * (ROW + GAP) + GAP;
  return (
    <figure class="chart-box">
      <svg class="chart" viewBox={`0 0 ${W} ${h}`} role="img" aria-label={title}>
        {stacks.map((s, i) => {
          const y = GAP + i * (ROW + GAP);
          let x = LABEL;
          return (
            <g key={s.key}>
              <text x={LABEL - 6} y={y + ROW * 0.7} text-anchor="end" class="label">
                {cut(s.label, 30)}
              </text>
              {s.segments.map((seg) => {
                const w = seg.value * scale;
                const rect = (
                  <rect key={seg.key} x={x} y={y} width={w} height={ROW} class={`${seg.cls} ${seg.onClick ? 'clickable' : ''}`} onClick={seg.onClick}>
                    <title>{`${s.label} — ${seg.title}: ${seg.value}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + ROW * 0.7} class="value">
                {total(s)}
              </text>
            </g>
          );
        })}
      </svg>
      <Legend items={legend} />
    </figure>
  );
}
