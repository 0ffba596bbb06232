// The resilience score of a consumer × material × stage × year, with its inputs drawn from one dataset version.
import {
  type ElementSymbol,
  Iso3,
  Material,
  type PolicyMeasure,
  type ResilienceInput,
  type ResilienceScore,
  resilienceScore,
  restrictsExport,
  Stage,
  Year,
} from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { MATERIAL_ELEMENTS } from './materials.ts';
import { assertCountry } from './reference.ts';
import { sourcesFor } from './sources.ts';
import { cachedForVersion } from './version-cache.ts';
import type { VersionRef } from './versions.ts';
import { resolveVersion } from './versions.ts';

export const ScoreInput = z.strictObject({
  consumer: Iso3.default('JPN'),
  material: Material.default('NdPr'),
  stage: Stage.default('separation'),
  year: Year.optional(),
  asOf: z.uuid().optional(),
});

const elementsOf = (material: z.infer<typeof Material>) => MATERIAL_ELEMENTS[material];

/**
 * Imports for the cell. A material with no rows of its own falls back to all rare earths (REE), which the
 * result says (`importsMaterial`). Shares leave a remainder that is shown as "ROW" (not itemised).
 */
async function importsFor(
  db: Db,
  versionId: string,
  consumer: string,
  material: string,
  stage: string,
  year: number,
) {
  for (const m of material === 'REE' ? ['REE'] : [material, 'REE']) {
    const rows = await db.tradeFlow.findMany({
      where: { versionId, importer: consumer, material: m, stage, year },
    });
    if (rows.length === 0) continue;
    const tonnes = rows.filter((r) => r.unit === 't');
    const chosen = tonnes.length > 0 ? tonnes : rows;
    const imports: Record<string, number> = {};
    for (const r of chosen) imports[r.exporter] = (imports[r.exporter] ?? 0) + r.quantity;
    if (tonnes.length === 0) {
      const listed = Object.values(imports).reduce((a, b) => a + b, 0);
      if (listed < 1) imports.ROW = (imports.ROW ?? 0) + (1 - listed);
    }
    return {
      imports,
      unit: tonnes.length > 0 ? 't' : 'share',
      importsMaterial: m,
      sourceIds: chosen.map((r) => r.sourceId),
    };
  }
  return null;
}

export interface ScoreExplained {
  datasetVersion: VersionRef;
  input: ResilienceInput;
  result: ResilienceScore;
  /** Which material's imports were used (the material itself, or REE when it has none of its own). */
  importsMaterial: string | null;
  importsUnit: 't' | 'share' | null;
  sources: { id: string; citation: string; url: string | null }[];
  /** Years with import data for this consumer and stage. */
  years: number[];
}

export async function explainScore(db: Db, params: z.infer<typeof ScoreInput>): Promise<ScoreExplained> {
  const version = await resolveVersion(db, params.asOf);
  const key = JSON.stringify(['score', params.consumer, params.material, params.stage, params.year ?? null]);
  return cachedForVersion(version.id, key, () => scoreIn(db, version, params));
}

/** The score in a given version, published or draft, uncached (the diff compares drafts too). */
export async function scoreIn(
  db: Db,
  version: VersionRef,
  params: z.infer<typeof ScoreInput>,
): Promise<ScoreExplained> {
  const versionId = version.id;
  await assertCountry(db, versionId, params.consumer);
  const yearRows = await db.tradeFlow.findMany({
    where: {
      versionId,
      importer: params.consumer,
      stage: params.stage,
      material: { in: [params.material, 'REE'] },
    },
    select: { year: true },
    distinct: ['year'],
    orderBy: { year: 'asc' },
  });
  const years = yearRows.map((r) => r.year);
  const year = params.year ?? years.at(-1) ?? new Date().getUTCFullYear();
  const [imports, governance, policies, partnerships, stockpiles] = await Promise.all([
    importsFor(db, versionId, params.consumer, params.material, params.stage, year),
    db.governanceScore.findMany({ where: { versionId, year: { lte: year } }, orderBy: { year: 'asc' } }),
    db.policyMeasure.findMany({
      where: { versionId, kind: { in: ['export-control', 'embargo', 'export-quota'] } },
    }),
    db.partnership.findMany({ where: { versionId, country: params.consumer, securesSupply: true } }),
    db.stockpile.findMany({ where: { versionId, country: params.consumer, year: { lte: year } } }),
  ]);
  // Latest governance score per country up to the year (WGI 2022 for later years).
  const wgi: Record<string, number> = {};
  for (const g of governance) wgi[g.country] = g.wgi;
  const restricting = new Set<string>();
  const restrictingSources: string[] = [];
  for (const p of policies) {
    const measure = { ...p, elements: p.elements as z.infer<typeof ElementSymbol>[] } as PolicyMeasure;
    if (elementsOf(params.material).some((e) => restrictsExport(measure, e, params.consumer, year))) {
      restricting.add(p.country);
      restrictingSources.push(p.sourceId);
    }
  }
  const activePartners = partnerships
    .filter(
      (p) =>
        (!p.startDate || Number(p.startDate.slice(0, 4)) <= year) &&
        (!p.endDate || Number(p.endDate.slice(0, 4)) >= year),
    )
    .map((p) => p.partner);
  const latestStockpileYear = Math.max(-Infinity, ...stockpiles.map((s) => s.year));
  const stockpileDays = stockpiles
    .filter((s) => s.year === latestStockpileYear)
    .reduce((sum, s) => sum + s.days, 0);

  const input: ResilienceInput = {
    consumer: params.consumer,
    material: params.material,
    stage: params.stage,
    year,
    imports: imports?.imports ?? {},
    wgi,
    exportRestricting: [...restricting].sort(),
    partners: [...new Set(activePartners)].sort(),
    ...(stockpiles.length > 0 ? { stockpileDays } : {}),
  };
  const sourceIds = [
    ...(imports?.sourceIds ?? []),
    ...governance.filter((g) => g.country in (imports?.imports ?? {})).map((g) => g.sourceId),
    ...restrictingSources,
    ...partnerships.map((p) => p.sourceId),
    ...stockpiles.map((s) => s.sourceId),
  ];
  return {
    datasetVersion: version,
    input,
    result: resilienceScore(input),
    importsMaterial: imports?.importsMaterial ?? null,
    importsUnit: (imports?.unit as 't' | 'share' | undefined) ?? null,
    sources: await sourcesFor(db, versionId, sourceIds),
    years,
  };
}
