'use client';
// Recharts line chart of a share over the years, with dated events marked. Loaded lazily (see lazy.tsx).
import { CHART_COLOURS, PALETTE } from '@ree/ui';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS_PROPS, GRID_STROKE, TOOLTIP_PROPS } from './chart-style';

export interface SharePoint {
  year: number;
  share: number;
}

export interface ChartEvent {
  year: number;
  label: string;
}

export interface ShareLineChartProps {
  points: SharePoint[];
  events: ChartEvent[];
  seriesLabel: string;
  locale: string;
}

export default function ShareLineChart({ points, events, seriesLabel, locale }: ShareLineChartProps) {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const years = points.map((p) => p.year);
  const [min, max] = [
    Math.min(...years, ...events.map((e) => e.year)),
    Math.max(...years, ...events.map((e) => e.year)),
  ];
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart data={points} margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis
          dataKey="year"
          type="number"
          domain={[min - 1, max + 1]}
          allowDecimals={false}
          {...AXIS_PROPS}
        />
        <YAxis domain={[0, 1]} tickFormatter={(v: number) => percent.format(v)} {...AXIS_PROPS} />
        <Tooltip
          formatter={(v) => [percent.format(Number(v)), seriesLabel]}
          labelFormatter={(y) => String(y)}
          {...TOOLTIP_PROPS}
        />
        {events.map((e, i) => (
          <ReferenceLine
            key={`${e.year}-${e.label}`}
            x={e.year}
            stroke={PALETTE[(i % (PALETTE.length - 2)) + 1]}
            strokeDasharray="4 3"
            label={{
              value: e.label,
              position: i % 2 ? 'insideTopLeft' : 'top',
              fontSize: 11,
              fill: CHART_COLOURS.text,
            }}
          />
        ))}
        <Line
          dataKey="share"
          name={seriesLabel}
          stroke={PALETTE[0]}
          strokeWidth={3}
          dot={{ r: 4, fill: CHART_COLOURS.surface }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
