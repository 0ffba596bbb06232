/**
 * Colours for charts and maps, as references to the theme's tokens in styles.css (a light and a dark set), so an
 * SVG mark painted with one follows the theme. The light series are the colour-blind-safe palette of Okabe & Ito
 * (2008), distinguishable with protanopia, deuteranopia and tritanopia; the dark set lightens the ones that would
 * sink into a dark background. Categorical series use these in order.
 *
 * @example <Bar fill={PALETTE[0]} /> // fill="var(--ree-series-1)"
 */
export const PALETTE = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `var(--ree-series-${n})`) as readonly string[];

/** A sequential scale for maps (little → much), with a neutral grey for "no data". */
export const SEQUENTIAL = [1, 2, 3, 4, 5, 6].map((n) => `var(--ree-map-${n})`) as readonly string[];
export const NO_DATA = 'var(--ree-map-none)';

/** Colours of a chart's frame: grid lines, axes and their labels, the unfilled part of a bar, tooltips. */
export const CHART_COLOURS = {
  grid: 'var(--ree-chart-grid)',
  axis: 'var(--ree-chart-axis)',
  text: 'var(--ree-ink)',
  rest: 'var(--ree-chart-rest)',
  surface: 'var(--ree-surface)',
  border: 'var(--ree-border)',
} as const;

/** The sequential colour for a value in [0, max]. */
export function sequentialColour(value: number | undefined, max: number): string {
  if (value === undefined || !Number.isFinite(value) || max <= 0) return NO_DATA;
  const i = Math.min(SEQUENTIAL.length - 1, Math.floor((value / max) * SEQUENTIAL.length));
  return SEQUENTIAL[Math.max(0, i)] ?? NO_DATA;
}
