// Shares and concentration of production for one material × stage × year: the rows come from the database, the
// numbers from @ree/domain's productionShares (the material's own figures, or the nearest stand-in, said).
import { DataStatus, Material, productionShares, Stage, Year } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { datasetRows } from './dataset-rows.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion, type VersionRef } from './versions.ts';

export const ConcentrationInput = z.strictObject({
  material: Material.default('REE'),
  stage: Stage.default('mining'),
  /** The latest year with data when absent. */
  year: Year.optional(),
  projection: z.boolean().default(false),
  /** A source id (e.g. usgs-mcs-2025): that edition's figures instead of the newest. */
  edition: z
    .string()
    .regex(/^[a-z0-9-]{2,64}$/)
    .optional(),
  asOf: z.uuid().optional(),
});

export const Concentration = versioned({
  material: Material,
  stage: Stage,
  year: Year,
  projection: z.boolean(),
  /** Whose figures were used: the material's own, or a stand-in (its mix, group, or all rare earths). */
  materialUsed: Material,
  yearUsed: Year,
  fallback: z.enum(['own', 'mix', 'group', 'all']),
  /** Data quality of the figures used, 0–1 (1 = the material's own figures of the year asked). */
  quality: z.number(),
  /** What stood in for the material or year asked, or null. */
  note: z.string().nullable(),
  /** 't' when shares are of a published total, 'share' when the source publishes shares. */
  unit: z.enum(['t', 'share']),
  basis: z.string(),
  /** The sources (one edition per series) the figures come from, and older editions with figures for the cell. */
  editions: z.array(z.string()),
  otherEditions: z.array(z.string()),
  status: DataStatus,
  /** The total the shares are of, in tonnes, when they come from tonnages. */
  total: z.number().nullable(),
  rows: z.array(z.object({ country: z.string(), name: z.string(), value: z.number(), share: z.number() })),
  /** Share of supply not attributed to any named country (USGS "other countries", or what shares leave out). */
  unallocatedShare: z.number(),
  /** Whether the named countries account for (nearly) all supply. */
  complete: z.boolean(),
  /** HHI with unallocated supply spread over many small producers, and with it as a single producer. */
  hhi: z.number(),
  hhiUpper: z.number(),
  hhiBand: z.enum(['unconcentrated', 'moderately concentrated', 'highly concentrated']),
  top3Share: z.number(),
  years: z.array(Year),
});
export type Concentration = z.infer<typeof Concentration>;

export async function concentration(
  db: Db,
  input: z.infer<typeof ConcentrationInput>,
): Promise<Concentration> {
  const { asOf, ...query } = input;
  return concentrationIn(db, await resolveVersion(db, asOf), query);
}

/** Concentration in a given version, published or draft (the diff compares drafts too). */
export async function concentrationIn(
  db: Db,
  version: VersionRef & { published?: boolean },
  input: Omit<z.infer<typeof ConcentrationInput>, 'asOf'>,
): Promise<Concentration> {
  const data = await datasetRows(db, version);
  const result = productionShares(data, input);
  if ('reasons' in result) {
    throw new NotFoundError(
      `No ${input.material} ${input.stage} shares${input.year ? ` for ${input.year}` : ''} in this dataset version: ${result.reasons.join('; ')}.`,
    );
  }
  const { found } = result;
  const names = new Map(data.countries.map((c) => [c.iso3, c.name]));
  return {
    datasetVersion: { id: version.id, label: version.label, publishedOn: version.publishedOn },
    sources: await sourcesFor(db, version.id, found.mix.sourceIds),
    material: input.material,
    stage: input.stage,
    year: result.year,
    projection: input.projection,
    materialUsed: found.material,
    yearUsed: found.year,
    fallback: found.level,
    quality: found.quality,
    note: result.note,
    unit: found.mix.method === 'tonnes-of-total' ? 't' : 'share',
    basis: found.mix.basis,
    editions: found.mix.sourceIds,
    otherEditions: found.otherSources,
    status: found.mix.status,
    total: found.mix.total,
    rows: result.rows.map((r) => ({
      country: r.country,
      name: names.get(r.country) ?? r.country,
      value: r.tonnes ?? r.share,
      share: r.share,
    })),
    unallocatedShare: result.unallocatedShare,
    complete: result.complete,
    hhi: result.hhi,
    hhiUpper: result.hhiUpper,
    hhiBand: result.hhiBand,
    top3Share: result.top3Share,
    years: result.years,
  };
}
