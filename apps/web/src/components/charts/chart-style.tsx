// What every chart shares so it reads in both themes: axis, grid, legend and tooltip colours from the theme's
// tokens (CHART_COLOURS), never Recharts' built-in greys and white, which vanish or glare on a dark page.
import { CHART_COLOURS } from '@ree/ui';

export const GRID_STROKE = CHART_COLOURS.grid;

/** Axis line and tick labels. */
export const AXIS_PROPS = {
  stroke: CHART_COLOURS.axis,
  tick: { fill: CHART_COLOURS.text },
} as const;

/** Tooltip box in the surface colour with ink text (Recharts' default is a white box whose text inherits). */
export const TOOLTIP_PROPS = {
  contentStyle: {
    background: CHART_COLOURS.surface,
    borderColor: CHART_COLOURS.border,
    color: CHART_COLOURS.text,
  },
  labelStyle: { color: CHART_COLOURS.text },
  cursor: { fill: CHART_COLOURS.grid },
} as const;

/** Legend text in ink, not in the series colour (a pale series would give text nobody can read); the swatch keeps it. */
export function legendText(value: string) {
  return <span style={{ color: CHART_COLOURS.text }}>{value}</span>;
}
