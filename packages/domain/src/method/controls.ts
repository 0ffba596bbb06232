// Which export controls are in force on a date, for which elements and destinations. A measure counts from the
// day it takes effect to its end, and not while it is suspended: China's October 2025 package was due to take
// effect on 2025-11-08 and was suspended on 2025-11-07, so it was never in force before its suspension ended.
import type { Material } from '../entities/element.ts';
import { type PolicyMeasure, RESTRICTING_KINDS } from '../entities/policy.ts';
import { elementsOf } from './materials.ts';

/** An ISO date (YYYY-MM-DD). */
export type IsoDate = string;

/** Whether the measure is in force on `date`: effective, not ended, not suspended. */
export function inForceOn(measure: PolicyMeasure, date: IsoDate): boolean {
  const effective = measure.effectiveOn ?? measure.startDate;
  if (date < effective) return false;
  if (measure.endDate && date >= measure.endDate) return false;
  if (measure.suspendedOn && date >= measure.suspendedOn) {
    if (!measure.suspendedUntil || date < measure.suspendedUntil) return false;
  }
  return true;
}

export interface RestrictionInForce {
  measure: PolicyMeasure;
  /** The elements of the material it covers. */
  elements: string[];
}

/**
 * Export restrictions in force on `date` on any element of `material` to `destination` (a measure without a
 * target country applies to every destination).
 * @example restrictionsInForce(policies, { material: 'Dy', destination: 'JPN', date: '2025-12-31' })
 */
export function restrictionsInForce(
  policies: readonly PolicyMeasure[],
  query: { material: Material; destination: string; date: IsoDate },
): RestrictionInForce[] {
  const wanted = elementsOf(query.material);
  const out: RestrictionInForce[] = [];
  for (const measure of policies) {
    if (!RESTRICTING_KINDS.includes(measure.kind)) continue;
    if (measure.targetCountry && measure.targetCountry !== query.destination) continue;
    const elements =
      measure.elements.length === 0 ? [...wanted] : wanted.filter((e) => measure.elements.includes(e));
    if (elements.length === 0 || !inForceOn(measure, query.date)) continue;
    out.push({ measure, elements });
  }
  return out;
}

/**
 * The date a year's figures are read "as of": the year's last day, or `today` for the current year (and later).
 * @example asOfDate(2025, '2026-12-01') // '2025-12-31'
 */
export function asOfDate(year: number, today: IsoDate): IsoDate {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}
