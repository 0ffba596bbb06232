// A consumer's score for every year the data allows, read from one dataset in one pass over its index.

import type { DatasetRows } from '../dataset/entity-files.ts';
import type { Material } from '../entities/element.ts';
import type { Stage } from '../entities/stage.ts';
import { isInternalSupply } from '../region/eu27.ts';
import { indexDataset, tradeKey } from './dataset-index.ts';
import { dataMaterials } from './materials.ts';
import { type DatasetScore, prepareScoring, ScoreQuery, scoreOfYear } from './score-from-dataset.ts';

/** Years with import figures for the consumer and stage, for the material or a material standing in for it. */
export function importYears(
  data: DatasetRows,
  query: { consumer: string; material: Material; stage: Stage },
): number[] {
  const index = indexDataset(data);
  const years = new Set<number>();
  for (const { material } of dataMaterials(query.material)) {
    for (const [y, rows] of index.trade.get(tradeKey(query.consumer, query.stage, material)) ?? []) {
      // A year whose only rows are internal to the consumer (intra-EU trade for the EU-27) has no imports.
      if (rows.some((r) => !isInternalSupply(query.consumer, r.country))) years.add(y);
    }
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * The score of each year with import figures, oldest first.
 * @example scoreTrend(rows, { consumer: 'JPN', material: 'Dy', stage: 'separation', today: '2026-12-01' }).map((p) => p.result.score)
 */
export function scoreTrend(
  data: DatasetRows,
  query: { consumer: string; material: Material; stage: Stage; today: string },
): (DatasetScore & { year: number })[] {
  // Rows indexed and narrowed to the consumer once; each year reuses them (same answer as scoreFromDataset).
  const prepared = prepareScoring(data, query.consumer);
  return importYears(data, query).map((year) => ({
    year,
    ...scoreOfYear(prepared, ScoreQuery.parse({ ...query, year })),
  }));
}
