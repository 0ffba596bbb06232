'use client';
// Month by month: supplied, from stockpile, shortfall (stacked). Used by the scenario editor and the comparison.
import { PALETTE } from '@ree/ui';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_PROPS, GRID_STROKE, legendText, TOOLTIP_PROPS } from './chart-style';

export interface SeriesMonth {
  month: number;
  supplied: number;
  fromStockpile: number;
  shortfall: number;
}

export interface SeriesChartProps {
  series: SeriesMonth[];
  labels: { supplied: string; fromStockpile: string; shortfall: string };
  locale: string;
  height?: number;
  /** Same y-axis maximum across charts being compared. */
  yMax?: number;
}

export default function SeriesChart({ series, labels, locale, height = 280, yMax }: SeriesChartProps) {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={series.map((m) => ({ ...m, label: m.month + 1 }))}>
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis dataKey="label" {...AXIS_PROPS} />
        <YAxis domain={[0, yMax ?? 'auto']} {...AXIS_PROPS} />
        <Tooltip formatter={(v) => n.format(Number(v))} {...TOOLTIP_PROPS} />
        <Legend formatter={legendText} />
        <Bar
          dataKey="supplied"
          name={labels.supplied}
          stackId="a"
          fill={PALETTE[0]}
          isAnimationActive={false}
        />
        <Bar
          dataKey="fromStockpile"
          name={labels.fromStockpile}
          stackId="a"
          fill={PALETTE[1]}
          isAnimationActive={false}
        />
        <Bar
          dataKey="shortfall"
          name={labels.shortfall}
          stackId="a"
          fill={PALETTE[5]}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
