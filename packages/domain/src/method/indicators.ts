// Material-level figures (the EU's EoL-RIR, SI_SR, import reliance, published supply risk) looked up through the
// same fallback chain as supply: an element's own figure first, then its group's.
import type { Material } from '../entities/element.ts';
import type { IndicatorName, MaterialIndicator } from '../entities/indicator.ts';
import { dataMaterials, elementsOf, type FallbackLevel } from './materials.ts';
import { FALLBACK_QUALITY } from './parameters.ts';

export interface FoundIndicator {
  row: MaterialIndicator;
  level: FallbackLevel;
  quality: number;
  /** For a mean over a material's elements: the elements that had a figure. */
  elements?: Material[];
}

type Query = { material: Material; indicator: IndicatorName; scope: string; year: number };

/** The latest figure up to `year` (or the earliest after it, when none precedes) for exactly `material`. */
function figureOf(
  rows: readonly MaterialIndicator[],
  material: Material,
  q: Query,
): MaterialIndicator | undefined {
  const matching = rows
    .filter((r) => r.material === material && r.indicator === q.indicator && r.scope === q.scope)
    .sort((a, b) => a.year - b.year);
  return matching.filter((r) => r.year <= q.year).at(-1) ?? matching[0];
}

/**
 * The figure for the nearest material: its own; else, for a mix or group (NdPr, LREE, REE), the mean of its
 * elements' figures (a group-level stand-in, its quality scaled by how many elements have one); else its
 * group's or all rare earths'.
 * @example findIndicator(rows, { material: 'NdPr', indicator: 'si-sr', scope: 'EU', year: 2025 }) // mean of Nd and Pr
 */
export function findIndicator(rows: readonly MaterialIndicator[], query: Query): FoundIndicator | null {
  const own = figureOf(rows, query.material, query);
  if (own) return { row: own, level: 'own', quality: FALLBACK_QUALITY.own };
  const elements = elementsOf(query.material);
  const ofElements =
    elements.length > 1
      ? elements.map((e) => figureOf(rows, e, query)).filter((r): r is MaterialIndicator => r !== undefined)
      : [];
  const first = ofElements[0];
  if (first) {
    const mean = ofElements.reduce((sum, r) => sum + r.value, 0) / ofElements.length;
    return {
      row: { ...first, material: query.material, value: mean },
      level: 'group',
      quality: FALLBACK_QUALITY.group * (ofElements.length / elements.length),
      elements: ofElements.map((r) => r.material),
    };
  }
  for (const candidate of dataMaterials(query.material).slice(1)) {
    const row = figureOf(rows, candidate.material, query);
    if (row) return { row, level: candidate.level, quality: FALLBACK_QUALITY[candidate.level] };
  }
  return null;
}
