'use client';
// Recharts horizontal bars: each component's points against the most it could add. Loaded lazily (see lazy.tsx).
import { CHART_COLOURS, PALETTE } from '@ree/ui';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_PROPS, GRID_STROKE, legendText, TOOLTIP_PROPS } from './chart-style';

export interface ScoreBar {
  label: string;
  points: number;
  maxPoints: number;
}

export default function ScoreBarChart({
  bars,
  pointsLabel,
  maxLabel,
}: {
  bars: ScoreBar[];
  pointsLabel: string;
  maxLabel: string;
}) {
  const data = bars.map((b) => ({ ...b, rest: Math.max(0, b.maxPoints - b.points) }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, 42 * bars.length)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
        <XAxis type="number" {...AXIS_PROPS} />
        <YAxis
          type="category"
          dataKey="label"
          width={210}
          {...AXIS_PROPS}
          tick={{ ...AXIS_PROPS.tick, fontSize: 12 }}
        />
        <Tooltip formatter={(v) => Number(v).toFixed(1)} {...TOOLTIP_PROPS} />
        <Legend formatter={legendText} />
        <Bar dataKey="points" name={pointsLabel} stackId="a" fill={PALETTE[0]} isAnimationActive={false} />
        <Bar dataKey="rest" name={maxLabel} stackId="a" fill={CHART_COLOURS.rest} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
