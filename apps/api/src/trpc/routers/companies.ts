import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  CompanyDetail,
  CompanyId,
  CompanyScore,
  CompanyScoreInput,
  CompanySummary,
  CreateCompany,
  CreateCompanyResult,
} from '../../companies/schemas.ts';
import { scoreCompany } from '../../companies/score.ts';
import { createCompany, deleteCompany, getCompany, listCompanies } from '../../companies/store.ts';
import { protectedProcedure } from '../init.ts';
import { actorOf } from './actor.ts';

const Ok = z.object({ ok: z.literal(true) });

/**
 * A company's own import mix: private to the analyst who uploaded it. Every procedure reads only the caller's
 * own mixes; anyone else's (an admin's view too) is NOT_FOUND.
 */
export const companiesRouter = {
  /** The caller's company mixes, newest first. */
  list: protectedProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(CompanySummary))
    .query(({ ctx }) => listCompanies(ctx.db, ctx.user.id)),

  /** One of the caller's mixes with its rows. */
  get: protectedProcedure
    .input(CompanyId)
    .output(CompanyDetail)
    .query(({ ctx, input }) => getCompany(ctx.db, ctx.user.id, input.id)),

  /** Uploads a suppliers CSV: stored whole, or — with any problem — not at all, and the report comes back. */
  create: protectedProcedure
    .input(CreateCompany)
    .output(CreateCompanyResult)
    .mutation(({ ctx, input }) => createCompany(ctx.db, actorOf(ctx), input)),

  /** Deletes one of the caller's mixes and its rows. */
  delete: protectedProcedure
    .input(CompanyId)
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      await deleteCompany(ctx.db, actorOf(ctx), input.id);
      return { ok: true as const };
    }),

  /** The mix's resilience score per material it lists, against a published version, explained like a country's. */
  score: protectedProcedure
    .input(CompanyScoreInput)
    .output(CompanyScore)
    .query(({ ctx, input }) => scoreCompany(ctx.db, ctx.user.id, input)),
} satisfies TRPCRouterRecord;
