import { type Iso3, Material, Stage, Year } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { resolveVersion } from './versions.ts';

export const ProductionByCountryInput = z.strictObject({
  stage: Stage.default('mining'),
  material: Material.default('REE'),
  year: Year.optional(),
  asOf: z.uuid().optional(),
});

export const ProductionByCountry = z.object({
  datasetVersion: z.object({ id: z.string(), label: z.string() }),
  stage: Stage,
  material: Material,
  year: Year,
  unit: z.string(),
  basis: z.string(),
  /** The sum of the country rows: shares are taken of this. */
  total: z.number(),
  /** The world total as the source publishes it (often rounded), when it gives one. */
  publishedWorldTotal: z.number().nullable(),
  rows: z.array(z.object({ country: z.string(), name: z.string(), quantity: z.number(), share: z.number() })),
  sources: z.array(z.object({ id: z.string(), citation: z.string(), url: z.string().nullable() })),
});
export type ProductionByCountry = z.infer<typeof ProductionByCountry>;

const WORLD: Iso3 = 'WLD';

/** Production by country for one stage, material and year (the latest with data when no year is given). */
export async function productionByCountry(
  db: Db,
  input: z.infer<typeof ProductionByCountryInput>,
): Promise<ProductionByCountry> {
  const version = await resolveVersion(db, input.asOf);
  const base = {
    versionId: version.id,
    stage: input.stage,
    material: input.material,
    projection: false,
    unit: { not: 'share' },
  };
  const year =
    input.year ??
    (await db.productionRecord.findFirst({ where: base, orderBy: { year: 'desc' }, select: { year: true } }))
      ?.year;
  if (year === undefined)
    throw new NotFoundError(`No ${input.material} ${input.stage} production in the dataset.`);
  const records = await db.productionRecord.findMany({
    where: { ...base, year },
    orderBy: { quantity: 'desc' },
  });
  if (records.length === 0) {
    throw new NotFoundError(`No ${input.material} ${input.stage} production for ${year} in the dataset.`);
  }
  const world = records.find((r) => r.country === WORLD);
  const countries = records.filter((r) => r.country !== WORLD);
  const total = countries.reduce((sum, r) => sum + r.quantity, 0);
  const [names, sources] = await Promise.all([
    db.country.findMany({ where: { versionId: version.id, iso3: { in: countries.map((r) => r.country) } } }),
    db.source.findMany({
      where: { versionId: version.id, id: { in: [...new Set(records.map((r) => r.sourceId))] } },
    }),
  ]);
  const nameOf = new Map(names.map((c) => [c.iso3, c.name]));
  const first = records[0];
  return {
    datasetVersion: version,
    stage: input.stage,
    material: input.material,
    year,
    unit: first?.unit ?? 't',
    basis: first?.basis ?? 'REO',
    total,
    publishedWorldTotal: world?.quantity ?? null,
    rows: countries.map((r) => ({
      country: r.country,
      name: nameOf.get(r.country) ?? r.country,
      quantity: r.quantity,
      share: total > 0 ? r.quantity / total : 0,
    })),
    sources: sources.map((s) => ({ id: s.id, citation: s.citation, url: s.url })),
  };
}
