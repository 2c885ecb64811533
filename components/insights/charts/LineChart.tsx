/** Lines over months (cohorts); a click on a point opens that month's records of the series. */
import { Legend } from './Legend';
import { niceMax } from './shared';

export interface Series {
  key: string;
  name: string;
  cls: string;
  values: number[];
  onPoint?: (i: number) => void;
}

const W = 640,
  H = 200,
  L = 44,
  R = 12,
  T = 10,
  B = 24;

export function LineChart({ labels, series, title }: { labels: string[]; series: Series[]; title: string }) {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const n = labels.length;
  const x = (i: number) => L + (n > 1 ? (i * (W - L - R)) / (n - 1) : (W - L - R) / 2);
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const every = Math.max(1, Math.ceil(n / 12));
  return (
    <figure class="chart-box">
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {[0, max / 2, max].map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} class="gridline" />
            <text x={L - 4} y={y(v) + 4} text-anchor="end" class="label">
              {Math.round(v)}
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l} x={x(i)} y={H - B + 16} text-anchor="middle" class="label">
              {l}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <g key={s.key} class={s.cls}>
            <polyline fill="none" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
            {s.values.map((v, i) => (
              <circle key={i} cx={x(i)} cy={y(v)} r="3" class={s.onPoint ? 'clickable' : ''} onClick={s.onPoint && (() => s.onPoint!(i))}>
                <title>{`${s.name}, ${labels[i]}: ${v}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <Legend items={series.map((s) => ({ cls: s.cls, label: s.name }))} />
    </figure>
  );
}
