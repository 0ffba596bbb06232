import { ArticleClaim, Redistribution } from '@ree/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { NotFoundError } from '../../errors.ts';
import { datasetRows } from '../../queries/dataset-rows.ts';
import { Demand, DemandInput, demandOf } from '../../queries/demand.ts';
import { CountryInput, ElementsInput, listCountries, listElements } from '../../queries/reference.ts';
import { listSources } from '../../queries/sources.ts';
import { AsOfInput, VersionRef } from '../../queries/versioned.ts';
import { listPublishedVersions, resolveVersion } from '../../queries/versions.ts';
import { protectedProcedure } from '../init.ts';

const Status = z.enum(['verified', 'estimated', 'unverified']);
const ElementRow = z.object({
  symbol: z.string(),
  name: z.string(),
  atomicNumber: z.int(),
  group: z.string(),
  uses: z.array(z.string()),
  sourceId: z.string(),
  status: Status,
});
export const CountryRow = z.object({
  iso3: z.string(),
  name: z.string(),
  region: z.string(),
  governance: z.object({ year: z.int(), wgi: z.number(), sourceId: z.string() }).nullable(),
});
export const SourceRow = z.object({
  id: z.string(),
  citation: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedOn: z.string().nullable(),
  accessedOn: z.string().nullable(),
  licence: z.string().nullable(),
  redistribution: Redistribution.nullable(),
  series: z.string().nullable(),
  staleAfterDays: z.int().nullable(),
});

/** A published version as `versions` lists it (also the REST API's item). */
export const PublishedVersion = z.object({
  id: z.string(),
  label: z.string(),
  isCurrent: z.boolean(),
  publishedAt: z.date().nullable(),
  note: z.string().nullable(),
  /** The newest USGS Mineral Commodity Summaries edition (year) among its sources; null when it cites none. */
  usgsEdition: z.int().nullable(),
});

export const referenceRouter = {
  /** The 17 rare earths (or one EU group), with uses and sources. */
  elements: protectedProcedure
    .input(ElementsInput)
    .output(z.object({ datasetVersion: VersionRef, items: z.array(ElementRow) }))
    .query(async ({ ctx, input }) => {
      const version = await resolveVersion(ctx.db, input.asOf);
      return { datasetVersion: version, items: await listElements(ctx.db, version, input.group) };
    }),

  /** One material's uses, their shares of its consumption and the sectors that depend on it, per scope. */
  demand: protectedProcedure
    .input(DemandInput)
    .output(Demand)
    .query(({ ctx, input }) => demandOf(ctx.db, input)),

  /** Every country in the data, with its latest governance score (EU 0–10 scale). */
  countries: protectedProcedure
    .input(AsOfInput)
    .output(z.object({ datasetVersion: VersionRef, items: z.array(CountryRow) }))
    .query(async ({ ctx, input }) => {
      const version = await resolveVersion(ctx.db, input.asOf);
      return { datasetVersion: version, items: await listCountries(ctx.db, version) };
    }),

  /** One country by ISO3 code; NOT_FOUND names the code when the dataset does not have it. */
  country: protectedProcedure
    .input(CountryInput)
    .output(z.object({ datasetVersion: VersionRef, country: CountryRow }))
    .query(async ({ ctx, input }) => {
      const version = await resolveVersion(ctx.db, input.asOf);
      const country = (await listCountries(ctx.db, version)).find((c) => c.iso3 === input.iso3);
      if (!country)
        throw new NotFoundError(`Unknown country code "${input.iso3}": it is not in this dataset version.`);
      return { datasetVersion: version, country };
    }),

  /** Every source of the version: citation, publisher, URL, dates, licence. */
  sources: protectedProcedure
    .input(AsOfInput)
    .output(z.object({ datasetVersion: VersionRef, items: z.array(SourceRow) }))
    .query(async ({ ctx, input }) => {
      const version = await resolveVersion(ctx.db, input.asOf);
      return { datasetVersion: version, items: await listSources(ctx.db, version.id) };
    }),

  /**
   * What a publication claims (the seed article's tables and statements), each beside what the data says. Claims
   * are never counted in any score, share or capacity.
   */
  claims: protectedProcedure
    .input(AsOfInput)
    .output(z.object({ datasetVersion: VersionRef, items: z.array(ArticleClaim) }))
    .query(async ({ ctx, input }) => {
      const version = await resolveVersion(ctx.db, input.asOf);
      const data = await datasetRows(ctx.db, version);
      return { datasetVersion: version, items: data.claims };
    }),

  /** Published versions, newest first: any of them can be passed as `asOf` to reproduce an old chart. */
  versions: protectedProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(PublishedVersion))
    .query(({ ctx }) => listPublishedVersions(ctx.db)),
} satisfies TRPCRouterRecord;
