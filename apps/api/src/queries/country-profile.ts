// One country's place in the chain: production and reserves over time, governance, and its share by stage.
import { Basis, Iso3, newestEditions, onePerCell, Source } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { sourcesFor } from './sources.ts';
import { versioned } from './versioned.ts';
import { resolveVersion } from './versions.ts';

export const CountryProfileInput = z.strictObject({ iso3: Iso3, asOf: z.uuid().optional() });

const Status = z.enum(['verified', 'estimated', 'unverified']);

export const CountryProfile = versioned({
  iso3: z.string(),
  name: z.string(),
  region: z.string(),
  governance: z.array(z.object({ year: z.int(), wgi: z.number(), sourceId: z.string() })),
  production: z.array(
    z.object({
      stage: z.string(),
      material: z.string(),
      year: z.int(),
      quantity: z.number(),
      unit: z.string(),
      basis: Basis,
      projection: z.boolean(),
      sourceId: z.string(),
      status: Status,
      /** What other publications give for the same cell (USGS's yearbook beside its summaries). */
      alsoReported: z.array(z.object({ quantity: z.number(), sourceId: z.string() })),
    }),
  ),
  reserves: z.array(z.object({ year: z.int(), quantity: z.number(), sourceId: z.string(), status: Status })),
  /** Stages where the country has output or facilities: its role in the chain. */
  stages: z.array(z.string()),
});

export async function countryProfile(db: Db, input: z.infer<typeof CountryProfileInput>) {
  const version = await resolveVersion(db, input.asOf);
  const versionId = version.id;
  const country = await db.country.findUnique({ where: { versionId_iso3: { versionId, iso3: input.iso3 } } });
  if (!country)
    throw new NotFoundError(`Unknown country code "${input.iso3}": it is not in this dataset version.`);
  const [governance, allProduction, allReserves, facilities, sourceRows] = await Promise.all([
    db.governanceScore.findMany({ where: { versionId, country: input.iso3 }, orderBy: { year: 'asc' } }),
    db.productionRecord.findMany({
      where: { versionId, country: input.iso3 },
      orderBy: [{ stage: 'asc' }, { material: 'asc' }, { year: 'asc' }],
    }),
    db.reserveEstimate.findMany({ where: { versionId, country: input.iso3 }, orderBy: { year: 'asc' } }),
    db.facility.findMany({ where: { versionId, country: input.iso3 }, select: { stage: true } }),
    db.source.findMany({
      where: { versionId },
      select: { id: true, citation: true, publishedOn: true, series: true },
    }),
  ]);
  // Of a series (USGS MCS) only the newest edition's figure for a year; older editions stay readable by edition.
  const sources = new Map(
    sourceRows.map((s) => [
      s.id,
      Source.parse({
        id: s.id,
        citation: s.citation,
        publishedOn: s.publishedOn ?? undefined,
        series: s.series ?? undefined,
      }),
    ]),
  );
  const cellOf = (p: (typeof allProduction)[number]) =>
    `${p.stage}|${p.material}|${p.year}|${p.unit}|${p.projection}`;
  const production = onePerCell(newestEditions(allProduction, sources, cellOf), sources, cellOf);
  const reserves = newestEditions(allReserves, sources, () => 'reserves');
  const stages = [...new Set([...production.map((p) => p.row.stage), ...facilities.map((f) => f.stage)])];
  return {
    datasetVersion: version,
    sources: await sourcesFor(
      db,
      versionId,
      [...governance, ...production.flatMap((p) => [p.row, ...p.others]), ...reserves].map((r) => r.sourceId),
    ),
    iso3: country.iso3,
    name: country.name,
    region: country.region,
    governance: governance.map((g) => ({ year: g.year, wgi: g.wgi, sourceId: g.sourceId })),
    production: production.map(({ row: p, others }) => ({
      stage: p.stage,
      material: p.material,
      year: p.year,
      quantity: p.quantity,
      unit: p.unit,
      basis: Basis.parse(p.basis),
      projection: p.projection,
      sourceId: p.sourceId,
      status: p.status,
      alsoReported: others.map((o) => ({ quantity: o.quantity, sourceId: o.sourceId })),
    })),
    reserves: reserves.map((r) => ({
      year: r.year,
      quantity: r.quantity,
      sourceId: r.sourceId,
      status: r.status,
    })),
    stages,
  };
}
