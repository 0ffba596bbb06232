import type { TRPCRouterRecord } from '@trpc/server';
import {
  ProductionByCountry,
  ProductionByCountryInput,
  productionByCountry,
} from '../../queries/production.ts';
import { protectedProcedure } from '../init.ts';

export const productionRouter = {
  /** Each country's production and share of the world for one stage, material and year. */
  byCountry: protectedProcedure
    .input(ProductionByCountryInput)
    .output(ProductionByCountry)
    .query(({ ctx, input }) => productionByCountry(ctx.db, input)),
} satisfies TRPCRouterRecord;
