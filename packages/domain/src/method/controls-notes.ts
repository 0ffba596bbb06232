// Sentences about export controls that were announced but were not in force on the as-of date, so that a reader
// sees why they do not count (China's October 2025 package: suspended before it took effect).
import type { Material } from '../entities/element.ts';
import { type PolicyMeasure, RESTRICTING_KINDS } from '../entities/policy.ts';
import { type IsoDate, inForceOn, type RestrictionInForce } from './controls.ts';
import { elementsOf } from './materials.ts';

/** Why each announced restriction on `material` to `destination` does not count on `date`. */
export function notInForceNotes(
  policies: readonly PolicyMeasure[],
  material: Material,
  destination: string,
  date: IsoDate,
): string[] {
  const wanted = elementsOf(material);
  const notes: string[] = [];
  for (const p of policies) {
    if (!RESTRICTING_KINDS.includes(p.kind) || p.startDate > date || inForceOn(p, date)) continue;
    if (p.targetCountry && p.targetCountry !== destination) continue;
    if (p.elements.length > 0 && !wanted.some((e) => p.elements.includes(e))) continue;
    notes.push(`${p.country}: ${p.title} — not in force on ${date}: ${whyNot(p, date)}`);
  }
  return notes;
}

function whyNot(p: PolicyMeasure, date: IsoDate): string {
  const effective = p.effectiveOn ?? p.startDate;
  if (p.suspendedOn && date >= p.suspendedOn && (!p.suspendedUntil || date < p.suspendedUntil)) {
    const before = p.suspendedOn <= effective ? ' before it took effect' : '';
    return `suspended on ${p.suspendedOn}${before}${p.suspendedUntil ? ` until ${p.suspendedUntil}` : ''}`;
  }
  if (date < effective) return `takes effect on ${effective}`;
  return `ended on ${p.endDate}`;
}

/**
 * Why each restriction counts on `date`: in force since it took effect, or again since its suspension ended (which
 * the data cannot confirm was not extended: the cautious reading).
 */
export function inForceNotes(restrictions: readonly RestrictionInForce[], date: IsoDate): string[] {
  return restrictions.map(({ measure: m, elements }) => {
    const since =
      m.suspendedUntil && date >= m.suspendedUntil
        ? `assumed in force again since ${m.suspendedUntil}, when its suspension was due to end: what happened then is not known (the cautious reading)`
        : `in force since ${m.effectiveOn ?? m.startDate}`;
    return `${m.country}: ${m.title} — ${since} (${elements.join(', ')})`;
  });
}
