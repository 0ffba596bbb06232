/**
 * Colour-blind-safe palette (Okabe & Ito, 2008): distinguishable with protanopia, deuteranopia and tritanopia.
 * Categorical series use these in order.
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;

/** A sequential blue scale for maps (light → dark), with a neutral grey for "no data". */
export const SEQUENTIAL = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const NO_DATA = '#d9d9d9';

/** The sequential colour for a value in [0, max]. */
export function sequentialColour(value: number | undefined, max: number): string {
  if (value === undefined || !Number.isFinite(value) || max <= 0) return NO_DATA;
  const i = Math.min(SEQUENTIAL.length - 1, Math.floor((value / max) * SEQUENTIAL.length));
  return SEQUENTIAL[Math.max(0, i)] ?? NO_DATA;
}
