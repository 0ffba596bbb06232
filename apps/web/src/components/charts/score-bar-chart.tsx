'use client';
// Recharts horizontal bars: each component's points against the most it could add. Loaded lazily (see lazy.tsx).
import { PALETTE } from '@ree/ui';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

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
        <CartesianGrid stroke="#e3e7ec" horizontal={false} />
        <XAxis type="number" tick={{ fill: '#1b1f24' }} />
        <YAxis type="category" dataKey="label" width={210} tick={{ fill: '#1b1f24', fontSize: 12 }} />
        <Tooltip formatter={(v) => Number(v).toFixed(1)} />
        <Legend />
        <Bar dataKey="points" name={pointsLabel} stackId="a" fill={PALETTE[0]} isAnimationActive={false} />
        <Bar dataKey="rest" name={maxLabel} stackId="a" fill="#d9d9d9" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
