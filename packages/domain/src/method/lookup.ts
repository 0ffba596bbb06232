// Finding the figures that describe a material in a year: its own figures for that year first, then its own (or
// its mix's or group's) nearest figures, then all rare earths' (see `dataMaterials`). Whatever stands in lowers the
// data quality the score's coverage counts, and the result says what stood in.
import type { Material } from '../entities/element.ts';
import type { Source } from '../entities/provenance.ts';
import { type DataMaterial, dataMaterials, type FallbackLevel } from './materials.ts';
import {
  FALLBACK_QUALITY,
  MAX_FIGURE_AGE_YEARS,
  MAX_STAND_IN_AGE_YEARS,
  qualityForAge,
  STATUS_QUALITY,
} from './parameters.ts';
import { type CellMix, cellMix, type MixRow, type SupplyMix } from './supply-mix.ts';

export interface FoundMix {
  mix: SupplyMix;
  /** The material whose figures were used. */
  material: Material;
  level: FallbackLevel;
  /** The year of the figures used (may be earlier than the year asked). */
  year: number;
  /** Data quality 0–1: 1 for the material's own figures of the year asked. */
  quality: number;
  otherSources: string[];
}

export interface MixLookup {
  found: FoundMix | null;
  /** What was tried and why it gave nothing, nearest first: shown when nothing is found, and as the fallback note. */
  tried: string[];
}

/**
 * Looks up the mix for `material` in `year` through the fallback chain: the material's own figures of the year;
 * else the nearest year (up to MAX_STAND_IN_AGE_YEARS before or after) of its own, its mix's or its group's; only
 * when none of those has any, all rare earths' figures of the year or up to `maxAge` years before. A `maxAge` of 0
 * asks for the year's own figures at every level.
 * @param cells the rows of a cell by material, then year
 */
export function lookupMix(
  cells: (material: Material) => ReadonlyMap<number, MixRow[]> | undefined,
  sources: ReadonlyMap<string, Source>,
  query: { material: Material; year: number; edition?: string; maxAge?: number },
): MixLookup {
  const tried: string[] = [];
  const maxAge = query.maxAge ?? MAX_FIGURE_AGE_YEARS;
  const exactOnly = maxAge === 0;
  for (const candidate of dataMaterials(query.material)) {
    const byYear = cells(candidate.material);
    if (!byYear) {
      tried.push(`${candidate.material}: no figures`);
      continue;
    }
    for (const year of candidateYears(
      [...byYear.keys()],
      query.year,
      candidate.level,
      exactOnly ? 0 : maxAge,
    )) {
      const cell: CellMix = cellMix(byYear.get(year) ?? [], sources, query.edition);
      if (cell.mix) {
        return {
          found: {
            mix: cell.mix,
            material: candidate.material,
            level: candidate.level,
            year,
            quality: qualityOf(candidate, Math.abs(query.year - year)) * STATUS_QUALITY[cell.mix.status],
            otherSources: cell.otherSources,
          },
          tried,
        };
      }
      tried.push(`${candidate.material} ${year}: ${cell.reason}`);
    }
    tried.push(`${candidate.material}: no usable figures near ${query.year}`);
  }
  return { found: null, tried };
}

/**
 * The years to try, nearest first: for the material's own, mix or group figures, before or after the year (an
 * earlier one first on a tie); for all rare earths, the year and the years before it only.
 */
function candidateYears(years: number[], year: number, level: FallbackLevel, maxAge: number): number[] {
  if (level === 'all' || maxAge === 0) {
    return years.filter((y) => y <= year && year - y <= maxAge).sort((a, b) => b - a);
  }
  return years
    .filter((y) => Math.abs(y - year) <= MAX_STAND_IN_AGE_YEARS)
    .sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || a - b);
}

function qualityOf(candidate: DataMaterial, age: number): number {
  return FALLBACK_QUALITY[candidate.level] * qualityForAge(age);
}

/** A sentence saying what stood in for the material asked, or null when its own figures of the year were used. */
export function fallbackNote(asked: { material: Material; year: number }, found: FoundMix): string | null {
  const parts: string[] = [];
  if (found.material !== asked.material)
    parts.push(`${found.material} figures stand in for ${asked.material}`);
  if (found.year !== asked.year) parts.push(`figures of ${found.year} stand in for ${asked.year}`);
  return parts.length ? `${parts.join('; ')} (data quality ${Math.round(found.quality * 100)} %)` : null;
}
