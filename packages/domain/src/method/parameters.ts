// The assumptions that turn incomplete data into the method's inputs, in one place so METHOD.md can state them.
import type { FallbackLevel } from './materials.ts';

/**
 * Data quality of figures that stand in for a material's own: a commercial mix for its element (NdPr for Nd),
 * the EU group (HREE for Dy), or all rare earths. It scales the score's coverage, not its value.
 */
export const FALLBACK_QUALITY: Readonly<Record<FallbackLevel, number>> = Object.freeze({
  own: 1,
  mix: 0.9,
  group: 0.8,
  all: 0.7,
});

/** All-rare-earth figures older than this many years never stand in for a year. */
export const MAX_FIGURE_AGE_YEARS = 5;

/**
 * A material's own figures (or its mix's or group's) up to this many years away, before or after, stand in for a
 * year before all-rare-earth figures do: a heavy element never borrows all-REE shares where heavy data exists.
 */
export const MAX_STAND_IN_AGE_YEARS = 10;

/** Data quality by the status of the figures a mix rests on: an estimate (a bound, a midpoint) is not a reading. */
export const STATUS_QUALITY: Readonly<Record<'verified' | 'estimated' | 'unverified', number>> =
  Object.freeze({
    verified: 1,
    estimated: 0.9,
    unverified: 0.5,
  });

/** Each year between the figures used and the year asked costs this much data quality (down to half). */
export const QUALITY_LOST_PER_YEAR = 0.05;

/** Data quality of figures `age` years older than the year they stand in for. */
export function qualityForAge(age: number): number {
  return Math.max(0.5, 1 - QUALITY_LOST_PER_YEAR * Math.max(0, age));
}

/**
 * Data quality of a figure about someone else used for the consumer: the EU's end-of-life recycling input rate
 * (the only published one) for any consumer's recycling.
 */
export const PROXY_QUALITY = 0.5;
