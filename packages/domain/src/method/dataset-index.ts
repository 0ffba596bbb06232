// Rows of a dataset grouped by the cells the method asks for, built once per dataset object (a published version
// never changes, so callers that keep the object keep the index).

import type { DatasetRows } from '../dataset/entity-files.ts';
import type { Material } from '../entities/element.ts';
import type { Source } from '../entities/provenance.ts';
import type { Stage } from '../entities/stage.ts';
import type { MixRow } from './supply-mix.ts';

export interface DatasetIndex {
  sources: ReadonlyMap<string, Source>;
  /** Production rows by `stage|material|projection`, then by year. */
  production: ReadonlyMap<string, ReadonlyMap<number, MixRow[]>>;
  /** Trade rows by `importer|stage|material`, then by year (the exporter as `country`). */
  trade: ReadonlyMap<string, ReadonlyMap<number, MixRow[]>>;
  /** Latest governance score up to each year is looked up from these, by country, oldest first. */
  governance: ReadonlyMap<string, { year: number; wgi: number; sourceId: string }[]>;
}

const cache = new WeakMap<DatasetRows, DatasetIndex>();

function add(map: Map<string, Map<number, MixRow[]>>, key: string, year: number, row: MixRow): void {
  let byYear = map.get(key);
  if (!byYear) {
    byYear = new Map();
    map.set(key, byYear);
  }
  const list = byYear.get(year);
  if (list) list.push(row);
  else byYear.set(year, [row]);
}

export const productionKey = (stage: Stage, material: Material, projection: boolean) =>
  `${stage}|${material}|${projection}`;
export const tradeKey = (importer: string, stage: Stage, material: Material) =>
  `${importer}|${stage}|${material}`;

/** The index of `data`, built on first use. */
export function indexDataset(data: DatasetRows): DatasetIndex {
  const hit = cache.get(data);
  if (hit) return hit;
  const production = new Map<string, Map<number, MixRow[]>>();
  for (const r of data.production) {
    add(production, productionKey(r.stage, r.material, r.projection), r.year, {
      country: r.country,
      quantity: r.quantity,
      unit: r.unit,
      basis: r.basis,
      sourceId: r.sourceId,
      status: r.status,
    });
  }
  const trade = new Map<string, Map<number, MixRow[]>>();
  for (const r of data.trade) {
    add(trade, tradeKey(r.importer, r.stage, r.material), r.year, {
      country: r.exporter,
      quantity: r.quantity,
      unit: r.unit,
      basis: r.basis,
      sourceId: r.sourceId,
      status: r.status,
    });
  }
  const governance = new Map<string, { year: number; wgi: number; sourceId: string }[]>();
  for (const g of [...data.governance].sort((a, b) => a.year - b.year)) {
    governance.set(g.country, [...(governance.get(g.country) ?? []), g]);
  }
  const index: DatasetIndex = {
    sources: new Map(data.sources.map((s) => [s.id, s])),
    production,
    trade,
    governance,
  };
  cache.set(data, index);
  return index;
}

/** Each country's latest governance score up to `year` (WGI 2022 stands for later years), with its source. */
export function governanceAsOf(
  index: DatasetIndex,
  year: number,
): { wgi: Record<string, number>; sourceIds: Record<string, string>; years: Record<string, number> } {
  const wgi: Record<string, number> = {};
  const sourceIds: Record<string, string> = {};
  const years: Record<string, number> = {};
  for (const [country, list] of index.governance) {
    const latest = list.filter((g) => g.year <= year).at(-1) ?? list[0];
    if (!latest) continue;
    wgi[country] = latest.wgi;
    sourceIds[country] = latest.sourceId;
    years[country] = latest.year;
  }
  return { wgi, sourceIds, years };
}
