import type { TRPCRouterRecord } from '@trpc/server';
import {
  ElementChain,
  ElementChainInput,
  EntityInput,
  elementChain,
  FacilityPage,
  facilityPage,
  OperatorInput,
  OperatorPage,
  operatorPage,
  PartnershipPage,
  PolicyPage,
  partnershipPage,
  policyPage,
} from '../../queries/entity-pages.ts';
import { protectedProcedure } from '../init.ts';

/** One entity with what it links to; NOT_FOUND names an id the version does not have. */
export const entitiesRouter = {
  facility: protectedProcedure
    .input(EntityInput)
    .output(FacilityPage)
    .query(({ ctx, input }) => facilityPage(ctx.db, input)),
  operator: protectedProcedure
    .input(OperatorInput)
    .output(OperatorPage)
    .query(({ ctx, input }) => operatorPage(ctx.db, input)),
  policy: protectedProcedure
    .input(EntityInput)
    .output(PolicyPage)
    .query(({ ctx, input }) => policyPage(ctx.db, input)),
  partnership: protectedProcedure
    .input(EntityInput)
    .output(PartnershipPage)
    .query(({ ctx, input }) => partnershipPage(ctx.db, input)),
  /** From an element: the facilities that make it, their operators, agreements securing it, policies on it. */
  elementChain: protectedProcedure
    .input(ElementChainInput)
    .output(ElementChain)
    .query(({ ctx, input }) => elementChain(ctx.db, input)),
} satisfies TRPCRouterRecord;
