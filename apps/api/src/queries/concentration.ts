// Shares and concentration of production for one material × stage × year, computed with @ree/domain.
import { hhi, hhiBand, Material, Stage, shares, topShare, Year } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion, type VersionRef } from './versions.ts';

export const ConcentrationInput = z.strictObject({
  material: Material.default('REE'),
  stage: Stage.default('mining'),
  /** The latest observed year with data when absent. */
  year: Year.optional(),
  projection: z.boolean().default(false),
  asOf: z.uuid().optional(),
});

export const Concentration = versioned({
  material: Material,
  stage: Stage,
  year: Year,
  projection: z.boolean(),
  /** 't' when tonnages are known (shares computed from them), 'share' when only shares are published. */
  unit: z.enum(['t', 'share']),
  basis: z.string(),
  /** The world total as the source publishes it (often rounded), when it gives one. */
  publishedWorldTotal: z.number().nullable(),
  rows: z.array(z.object({ country: z.string(), name: z.string(), value: z.number(), share: z.number() })),
  /** Share of the world not attributed to any listed country (only when the source publishes partial shares). */
  unallocatedShare: z.number(),
  /** Whether the listed countries account for (nearly) all of the world: otherwise HHI is a lower bound. */
  complete: z.boolean(),
  hhi: z.number(),
  hhiBand: z.enum(['unconcentrated', 'moderately concentrated', 'highly concentrated']),
  top3Share: z.number(),
  years: z.array(Year),
});
export type Concentration = z.infer<typeof Concentration>;

const WORLD = 'WLD';

export async function concentration(
  db: Db,
  input: z.infer<typeof ConcentrationInput>,
): Promise<Concentration> {
  return concentrationIn(db, await resolveVersion(db, input.asOf), input);
}

/** Concentration in a given version, published or draft (the diff compares drafts too). */
export async function concentrationIn(
  db: Db,
  version: VersionRef,
  input: Omit<z.infer<typeof ConcentrationInput>, 'asOf'>,
): Promise<Concentration> {
  const where = {
    versionId: version.id,
    material: input.material,
    stage: input.stage,
    projection: input.projection,
  };
  const available = await db.productionRecord.findMany({
    where,
    select: { year: true },
    distinct: ['year'],
    orderBy: { year: 'asc' },
  });
  const years = available.map((r) => r.year);
  const year = input.year ?? years.at(-1);
  if (year === undefined)
    throw new NotFoundError(`No ${input.material} ${input.stage} figures in this dataset version.`);
  const records = await db.productionRecord.findMany({
    where: { ...where, year },
    include: { countryRef: { select: { name: true } } },
  });
  const tonnes = records.filter((r) => r.unit === 't' || r.unit === 'kt');
  const unit = tonnes.length > 0 ? 't' : 'share';
  const chosen = (unit === 't' ? tonnes : records.filter((r) => r.unit === 'share')).filter(
    (r) => r.country !== WORLD,
  );
  if (chosen.length === 0) {
    throw new NotFoundError(
      `No ${input.material} ${input.stage} figures for ${year} in this dataset version.`,
    );
  }
  const values = Object.fromEntries(
    chosen.map((r) => [r.country, r.unit === 'kt' ? r.quantity * 1000 : r.quantity]),
  );
  const world = tonnes.find((r) => r.country === WORLD)?.quantity;
  // Tonnes: shares of the larger of the listed sum and the published world total, so a year where only China is
  // listed does not give China 100 %. Shares: as published; what they leave out is unallocated.
  const listed = Object.values(values).reduce((a, b) => a + b, 0);
  const denominator = unit === 't' ? Math.max(listed, world ?? 0) : 1;
  const unallocated = Math.max(0, 1 - listed / denominator);
  const complete = unallocated < 0.02;
  // Complete tonnages: @ree/domain's shares, HHI and top-3 over the listed countries (they cover the world).
  // Otherwise (published shares, or tonnages for part of the world): fractions of the world as they stand, with
  // the remainder unallocated — HHI and top-3 are then lower bounds, which `complete: false` says.
  const domainApplies = unit === 't' && complete;
  const worldShares = domainApplies
    ? shares(values)
    : Object.fromEntries(Object.entries(values).map(([c, v]) => [c, v / denominator]));
  const hhiValue = domainApplies
    ? hhi(values)
    : Object.values(worldShares).reduce((sum, x) => sum + (100 * x) ** 2, 0);
  const top3 = domainApplies
    ? topShare(values, 3)
    : Object.values(worldShares)
        .sort((a, b) => b - a)
        .slice(0, 3)
        .reduce((a, b) => a + b, 0);
  return {
    datasetVersion: version,
    sources: await sourcesFor(
      db,
      version.id,
      records.map((r) => r.sourceId),
    ),
    material: input.material,
    stage: input.stage,
    year,
    projection: input.projection,
    unit,
    basis: chosen[0]?.basis ?? 'REO',
    publishedWorldTotal: world ?? null,
    rows: chosen
      .map((r) => ({
        country: r.country,
        name: r.countryRef.name,
        value: values[r.country] ?? 0,
        share: worldShares[r.country] ?? 0,
      }))
      .sort((a, b) => b.share - a.share),
    unallocatedShare: unallocated,
    complete,
    hhi: hhiValue,
    hhiBand: hhiBand(hhiValue),
    top3Share: top3,
    years,
  };
}
