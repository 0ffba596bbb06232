import type { TRPCRouterRecord } from '@trpc/server';
import { CountryProfile, CountryProfileInput, countryProfile } from '../../queries/country-profile.ts';
import { FacilitiesInput, FacilitiesPage, listFacilities } from '../../queries/facilities.ts';
import { FacilityPoints, FacilityPointsInput, facilityPoints } from '../../queries/facility-points.ts';
import { ImportSources, ImportSourcesInput, importSources } from '../../queries/imports.ts';
import { TimelineInput, TimelinePage, timeline } from '../../queries/timeline.ts';
import { protectedProcedure } from '../init.ts';

export const supplyRouter = {
  /** A consumer's imports by exporter over the years (tonnes where known, else shares as published). */
  importSources: protectedProcedure
    .input(ImportSourcesInput)
    .output(ImportSources)
    .query(({ ctx, input }) => importSources(ctx.db, input)),

  /** Mines, plants and factories, filtered, sorted and paginated. */
  facilities: protectedProcedure
    .input(FacilitiesInput)
    .output(FacilitiesPage)
    .query(({ ctx, input }) => listFacilities(ctx.db, input)),

  /** Every facility the same filters select, as map points (not only a page), and how many have no place. */
  facilityPoints: protectedProcedure
    .input(FacilityPointsInput)
    .output(FacilityPoints)
    .query(({ ctx, input }) => facilityPoints(ctx.db, input)),

  /** Partnerships, investments and policy measures (export controls included) in date order. */
  timeline: protectedProcedure
    .input(TimelineInput)
    .output(TimelinePage)
    .query(({ ctx, input }) => timeline(ctx.db, input)),

  /** One country: production and reserves over time, governance, and the stages it takes part in. */
  countryProfile: protectedProcedure
    .input(CountryProfileInput)
    .output(CountryProfile)
    .query(({ ctx, input }) => countryProfile(ctx.db, input)),
} satisfies TRPCRouterRecord;
