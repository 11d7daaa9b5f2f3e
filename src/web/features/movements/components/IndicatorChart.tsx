/** One indicator across the units as plain SVG bars (no chart library: a bar per unit reads well enough). */
import { Typography } from 'antd';
import { formatIndicatorValue, type IndicatorKind } from '../../../../shared/movements/movements.schema';

export interface Bar {
  label: string;
  value: number | boolean | undefined;
}

export function IndicatorChart({
  title,
  kind,
  target,
  bars,
}: {
  title: string;
  kind: IndicatorKind;
  target: number | null;
  bars: Bar[];
}) {
  const numeric = (v: Bar['value']) => (v === undefined ? 0 : typeof v === 'boolean' ? (v ? 1 : 0) : v);
  const max = Math.max(
    kind === 'percent' ? 100 : kind === 'boolean' ? 1 : 0,
    target ?? 0,
    ...bars.map((b) => numeric(b.value)),
    1,
  );
  const rowH = 22;
  const labelW = 240;
  const barW = 260;
  const height = bars.length * rowH + 4;
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <Typography.Text strong>{title}</Typography.Text>
      <svg
        width={labelW + barW + 150}
        height={height}
        role="img"
        aria-label={title}
        style={{ display: 'block', maxWidth: '100%' }}
      >
        {bars.map((b, i) => {
          const w = Math.round((numeric(b.value) / max) * barW);
          const y = i * rowH + 2;
          return (
            <g key={b.label}>
              <text x={0} y={y + 14} fontSize={12} fill="currentColor">
                {b.label.length > 38 ? `${b.label.slice(0, 37)}…` : b.label}
              </text>
              <rect x={labelW} y={y + 3} width={barW} height={14} fill="#f0f0f0" />
              <rect
                x={labelW}
                y={y + 3}
                width={w}
                height={14}
                fill={b.value === undefined ? '#d9d9d9' : '#1677ff'}
              />
              <text x={labelW + barW + 6} y={y + 14} fontSize={12} fill="currentColor">
                {b.value === undefined ? '—' : formatIndicatorValue(kind, b.value)}
              </text>
            </g>
          );
        })}
        {target !== null && kind !== 'boolean' ? (
          <line
            x1={labelW + (target / max) * barW}
            x2={labelW + (target / max) * barW}
            y1={0}
            y2={height}
            stroke="#fa541c"
            strokeDasharray="3 2"
          />
        ) : null}
      </svg>
    </figure>
  );
}
