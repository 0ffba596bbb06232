// Who produces a material at a stage in a year, as shares of world supply, with its concentration — from the
// material's own figures where there are any, else from the nearest stand-in, which the result names.
import { z } from 'zod';
import type { DatasetRows } from '../dataset/entity-files.ts';
import { Material } from '../entities/element.ts';
import { Year } from '../entities/production.ts';
import { Stage } from '../entities/stage.ts';
import { type HhiBand, hhiBand } from '../indicators/hhi.ts';
import { indexDataset, productionKey } from './dataset-index.ts';
import { type FoundMix, fallbackNote, lookupMix } from './lookup.ts';
import { dataMaterials } from './materials.ts';
import { MAX_FIGURE_AGE_YEARS } from './parameters.ts';
import { mixConcentration } from './supply-mix.ts';

export const SharesQuery = z.strictObject({
  material: Material,
  stage: Stage,
  /** Absent: the latest year with figures for the material or its nearest stand-in. */
  year: Year.optional(),
  projection: z.boolean().default(false),
  /** A source id: read that edition rather than the newest. */
  edition: z.string().optional(),
});
export type SharesQuery = z.input<typeof SharesQuery>;

export interface ProductionShares {
  /** The material and year asked about. */
  material: Material;
  stage: Stage;
  year: number;
  found: FoundMix;
  /** Named producers, largest first. */
  rows: { country: string; tonnes: number | null; share: number }[];
  unallocatedShare: number;
  /** Whether named producers account for (nearly) all supply. */
  complete: boolean;
  /** HHI with unallocated supply spread over many small producers, and with it as one producer. */
  hhi: number;
  hhiUpper: number;
  hhiBand: HhiBand;
  top3Share: number;
  /** Years with figures for the material used. */
  years: number[];
  note: string | null;
}

/** Below this unallocated share the named producers count as the whole. */
const COMPLETE_WITHIN = 0.02;

/** Latest year with figures for the nearest material of the chain that has any. */
function latestYear(cells: (m: Material) => ReadonlyMap<number, unknown> | undefined, material: Material) {
  for (const { material: m } of dataMaterials(material)) {
    const years = [...(cells(m)?.keys() ?? [])];
    if (years.length > 0) return Math.max(...years);
  }
  return undefined;
}

/**
 * Shares of production for one material × stage × year, or the reasons there are none.
 * @example productionShares(rows, { material: 'REE', stage: 'mining', year: 2025 })
 */
export function productionShares(
  data: DatasetRows,
  rawQuery: SharesQuery,
): ProductionShares | { reasons: string[] } {
  const q = SharesQuery.parse(rawQuery);
  const index = indexDataset(data);
  const cells = (m: Material) => index.production.get(productionKey(q.stage, m, q.projection));
  const year = q.year ?? latestYear(cells, q.material);
  if (year === undefined)
    return { reasons: [`no ${q.stage} figures for ${q.material} or any material standing in`] };
  // A year asked for takes only its own figures; the latest year may take a stand-in's earlier ones.
  const maxAge = q.year === undefined ? MAX_FIGURE_AGE_YEARS : 0;
  const { found, tried } = lookupMix(cells, index.sources, {
    material: q.material,
    year,
    edition: q.edition,
    maxAge,
  });
  if (!found) return { reasons: tried };
  const { mix } = found;
  const concentration = mixConcentration(mix);
  return {
    material: q.material,
    stage: q.stage,
    year,
    found,
    rows: Object.entries(mix.shares)
      .map(([country, share]) => ({ country, tonnes: mix.tonnes?.[country] ?? null, share }))
      .sort((a, b) => b.share - a.share),
    unallocatedShare: mix.unallocated,
    complete: mix.unallocated < COMPLETE_WITHIN,
    hhi: concentration.hhi,
    hhiUpper: concentration.hhiUpper,
    hhiBand: hhiBand(concentration.hhi),
    top3Share: concentration.top3,
    years: [...(cells(found.material)?.keys() ?? [])].sort((a, b) => a - b),
    note: fallbackNote({ material: q.material, year }, found),
  };
}
