import type { TRPCRouterRecord } from '@trpc/server';
import { Concentration, ConcentrationInput, concentration } from '../../queries/concentration.ts';
import { SupplyRisk, SupplyRiskInput, supplyRisk } from '../../queries/supply-risk.ts';
import { protectedProcedure } from '../init.ts';

export const productionRouter = {
  /** Each country's production and share for one material × stage × year, with HHI, its band and the top-3 share. */
  concentration: protectedProcedure
    .input(ConcentrationInput)
    .output(Concentration)
    .query(({ ctx, input }) => concentration(ctx.db, input)),

  /** The EU supply-risk indicator (eu-crm-2017) for extraction and processing, the bottleneck, and its inputs. */
  supplyRisk: protectedProcedure
    .input(SupplyRiskInput)
    .output(SupplyRisk)
    .query(({ ctx, input }) => supplyRisk(ctx.db, input)),
} satisfies TRPCRouterRecord;
