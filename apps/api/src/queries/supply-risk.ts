// The EU supply-risk indicator for a material, extraction and processing, with every input and assumption shown.
import { euSupplyRiskBottleneck, Material, type PolicyMeasure, restrictsExport, Year } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { type Concentration, concentration } from './concentration.ts';
import { MATERIAL_ELEMENTS } from './materials.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

export const SupplyRiskInput = z.strictObject({
  material: Material.default('REE'),
  year: Year.optional(),
  asOf: z.uuid().optional(),
});

/** Trade factor for a country with export controls in force on the material (the EU range is 1.1–1.5). */
export const RESTRICTION_TRADE_FACTOR = 1.5;

const StageRisk = z.object({
  supplyRisk: z.number(),
  hhiWgiGlobal: z.number(),
  materialUsed: Material,
  year: Year,
  complete: z.boolean(),
  shares: z.record(z.string(), z.number()),
});

export const SupplyRisk = versioned({
  material: Material,
  stage: z.enum(['extraction', 'processing']),
  supplyRisk: z.number(),
  extraction: StageRisk.nullable(),
  processing: StageRisk.nullable(),
  assumptions: z.object({
    importReliance: z.number(),
    eolRir: z.number(),
    substitutionIndex: z.number(),
    tradeFactors: z.record(z.string(), z.number()),
    wgi: z.record(z.string(), z.number()),
  }),
});

async function stageShares(
  db: Db,
  material: z.infer<typeof Material>,
  stage: 'mining' | 'separation',
  year?: number,
  asOf?: string,
) {
  for (const m of material === 'REE' ? (['REE'] as const) : ([material, 'REE'] as const)) {
    try {
      return await concentration(db, { material: m, stage, year, projection: false, asOf });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return null;
}

/**
 * SR with the consumer's sourcing taken as global supply, import reliance 1 (a consumer with no domestic supply, as
 * Japan), and — while the dataset has no recycling or substitution figures — EoL-RIR 0 and SI 1 (the cautious end).
 */
export async function supplyRisk(db: Db, input: z.infer<typeof SupplyRiskInput>) {
  const version = await resolveVersion(db, input.asOf);
  const [mining, separation] = await Promise.all([
    stageShares(db, input.material, 'mining', input.year, input.asOf),
    stageShares(db, input.material, 'separation', input.year, input.asOf),
  ]);
  const stage = mining ?? separation;
  if (!stage) throw new NotFoundError(`No production shares for ${input.material} in this dataset version.`);
  const [governance, policies] = await Promise.all([
    db.governanceScore.findMany({ where: { versionId: version.id }, orderBy: { year: 'asc' } }),
    db.policyMeasure.findMany({
      where: { versionId: version.id, kind: { in: ['export-control', 'embargo', 'export-quota'] } },
    }),
  ]);
  const wgi: Record<string, number> = {};
  for (const g of governance) wgi[g.country] = g.wgi;
  const year = stage.year;
  const tradeFactors: Record<string, number> = {};
  for (const p of policies) {
    const measure = { ...p, elements: p.elements } as PolicyMeasure;
    if (MATERIAL_ELEMENTS[input.material].some((e) => restrictsExport(measure, e, 'ANY', year)))
      tradeFactors[p.country] = RESTRICTION_TRADE_FACTOR;
  }
  const sharesOf = (c: Concentration) => Object.fromEntries(c.rows.map((r) => [r.country, r.share]));
  // A supplier without a governance score (e.g. "other countries") counts as the worst governed, as in the score.
  const suppliers = Object.keys({
    ...(mining ? sharesOf(mining) : {}),
    ...(separation ? sharesOf(separation) : {}),
  });
  const usedWgi = Object.fromEntries(suppliers.map((c) => [c, wgi[c] ?? 10]));
  const assumptions = { importReliance: 1, eolRir: 0, substitutionIndex: 1, tradeFactors, wgi: usedWgi };
  const inputFor = (c: Concentration | null) => ({
    ...assumptions,
    globalSupply: c ? sharesOf(c) : { NONE: 1 },
    wgi: c ? usedWgi : { NONE: 0 },
  });
  const result = euSupplyRiskBottleneck({ extraction: inputFor(mining), processing: inputFor(separation) });
  const describe = (c: Concentration | null, r: { supplyRisk: number; hhiWgiGlobal: number }) =>
    c ? { ...r, materialUsed: c.material, year: c.year, complete: c.complete, shares: sharesOf(c) } : null;
  return {
    datasetVersion: version,
    sources: [...(mining?.sources ?? []), ...(separation?.sources ?? [])].filter(
      (s, i, all) => all.findIndex((x) => x.id === s.id) === i,
    ),
    material: input.material,
    stage: mining && separation ? result.stage : mining ? ('extraction' as const) : ('processing' as const),
    supplyRisk:
      mining && separation
        ? result.supplyRisk
        : (mining ? result.byStage.extraction : result.byStage.processing).supplyRisk,
    extraction: describe(mining, result.byStage.extraction),
    processing: describe(separation, result.byStage.processing),
    assumptions,
  };
}
