// The EU supply-risk indicator for a material, extraction and processing: the rows come from the database, every
// number and assumption from @ree/domain's supplyRiskFromDataset (per-element inputs, the bottleneck named).
import { Material, RestrictedTradeFactor, supplyRiskFromDataset, Year } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { datasetRows } from './dataset-rows.ts';
import { sourcesFor, today } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

export const SupplyRiskInput = z
  .strictObject({
    material: Material.default('REE'),
    /** Default: the year of `date`, else the latest year with production figures. */
    year: Year.optional(),
    /** Read export controls as of this date (default: the year's end, or today). */
    date: z.iso.date().optional(),
    /** The method's trade factor for suppliers with a control in force on `date` (default none, as the EU in 2023). */
    tradeFactor: RestrictedTradeFactor.optional(),
    asOf: z.uuid().optional(),
  })
  .refine((q) => !q.date || !q.year || q.date.startsWith(`${q.year}-`), {
    message: 'the date lies in the year asked',
    path: ['date'],
  });

const Input = z.object({ value: z.number(), sourceId: z.string(), material: Material }).nullable();
const StageRisk = z.union([
  z.object({
    stage: z.enum(['extraction', 'processing']),
    supplyRisk: z.number(),
    hhiWgiGlobal: z.number(),
    hhiWgiSourcing: z.number(),
    shares: z.record(z.string(), z.number()),
    unallocatedShare: z.number(),
    materialUsed: Material,
    yearUsed: Year,
    sourceIds: z.array(z.string()),
    sourcing: z.literal('global supply stands in'),
    notes: z.array(z.string()),
  }),
  z.object({ stage: z.enum(['extraction', 'processing']), missing: z.string() }),
]);

export const SupplyRisk = versioned({
  material: Material,
  year: Year,
  /** The date export controls were read as of. */
  asOfDate: z.string(),
  controls: z.object({ restricting: z.array(z.string()), notes: z.array(z.string()) }),
  bottleneck: z.enum(['extraction', 'processing']).nullable(),
  supplyRisk: z.number().nullable(),
  extraction: StageRisk,
  processing: StageRisk,
  inputs: z.object({
    importReliance: Input,
    eolRir: Input,
    substitutionIndex: Input,
    tradeFactors: z.record(z.string(), z.number()),
    wgi: z.record(z.string(), z.number()),
  }),
  published: z
    .object({
      supplyRisk: z.number(),
      stage: z.enum(['extraction', 'processing']).nullable(),
      year: Year,
      sourceId: z.string(),
    })
    .nullable(),
  missing: z.array(z.string()),
});

export async function supplyRisk(
  db: Db,
  input: z.infer<typeof SupplyRiskInput>,
): Promise<z.infer<typeof SupplyRisk>> {
  const version = await resolveVersion(db, input.asOf);
  const data = await datasetRows(db, version);
  const year =
    input.year ??
    (input.date ? Number(input.date.slice(0, 4)) : undefined) ??
    Math.max(
      ...data.production.filter((r) => !r.projection).map((r) => r.year),
      new Date().getUTCFullYear() - 1,
    );
  const { asOf, ...risk } = supplyRiskFromDataset(data, {
    material: input.material,
    year,
    today: today(),
    ...(input.date ? { asOf: input.date } : {}),
    ...(input.tradeFactor ? { restrictedTradeFactor: input.tradeFactor } : {}),
  });
  const stageSources = [risk.extraction, risk.processing].flatMap((s) =>
    'sourceIds' in s ? s.sourceIds : [],
  );
  const inputSources = [
    risk.inputs.importReliance,
    risk.inputs.eolRir,
    risk.inputs.substitutionIndex,
  ].flatMap((i) => (i ? [i.sourceId] : []));
  // Only the governance scores of the suppliers named in the shares.
  const named = new Set(
    [risk.extraction, risk.processing].flatMap((s) => ('shares' in s ? Object.keys(s.shares) : [])),
  );
  const wgi = Object.fromEntries(Object.entries(risk.inputs.wgi).filter(([c]) => named.has(c)));
  return {
    datasetVersion: version,
    sources: await sourcesFor(db, version.id, [
      ...stageSources,
      ...inputSources,
      ...(risk.published ? [risk.published.sourceId] : []),
    ]),
    ...risk,
    asOfDate: asOf,
    inputs: { ...risk.inputs, wgi },
  };
}
