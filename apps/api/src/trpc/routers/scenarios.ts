import { ScenarioInput, ScenarioResult } from '@ree/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { Baseline, BaselineInput, baselineFor } from '../../queries/scenario-baseline.ts';
import {
  CreateScenario,
  createScenario,
  deleteScenario,
  duplicateScenario,
  getScenario,
  listScenarios,
  RenameScenario,
  renameScenario,
  ScenarioId,
  ShareScenario,
  shareScenario,
  UpdateScenario,
  updateScenario,
} from '../../queries/scenarios.ts';
import { SourceRef, VersionRef } from '../../queries/versioned.ts';
import { protectedProcedure } from '../init.ts';

const Summary = z.object({
  id: z.string(),
  name: z.string(),
  notes: z.string().nullable(),
  shared: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  datasetVersion: VersionRef,
});
const Ok = z.object({ ok: z.literal(true) });

export const scenariosRouter = {
  /**
   * A starting point filled from the current dataset (or the `asOf` one): suppliers, spare capacity, demand,
   * stockpile, governance, with the version, base year and sources it was read from.
   */
  baseline: protectedProcedure
    .input(BaselineInput)
    .output(Baseline)
    .query(({ ctx, input }) => baselineFor(ctx.db, ctx.user.id, input)),

  /** The signed-in user's own scenarios, newest first. */
  list: protectedProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(Summary))
    .query(({ ctx }) => listScenarios(ctx.db, ctx.user.id)),

  /** One scenario with its inputs and server result; read-only unless the user owns it. */
  get: protectedProcedure
    .input(ScenarioId)
    .output(
      Summary.extend({
        input: ScenarioInput,
        result: ScenarioResult,
        /** The sources behind its baseline, in the version it was saved on. */
        sources: z.array(SourceRef),
        /** The base year its baseline was read for. */
        year: z.int().nullable(),
        readOnly: z.boolean(),
        newerDatasetVersion: VersionRef.nullable(),
      }),
    )
    .query(({ ctx, input }) => getScenario(ctx.db, ctx.simulations, ctx.user.id, input.id)),

  /**
   * Saves a scenario; the server runs it with the same domain code (in a simulation worker, within the user's
   * quota: TOO_MANY_REQUESTS beyond it) and keeps the result. `update` and `duplicate` run it again the same way.
   */
  create: protectedProcedure
    .input(CreateScenario)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => createScenario(ctx.db, ctx.simulations, ctx.user.id, input)),

  update: protectedProcedure
    .input(UpdateScenario)
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      await updateScenario(ctx.db, ctx.simulations, ctx.user.id, input);
      return { ok: true as const };
    }),

  rename: protectedProcedure
    .input(RenameScenario)
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      await renameScenario(ctx.db, ctx.user.id, input);
      return { ok: true as const };
    }),

  duplicate: protectedProcedure
    .input(ScenarioId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => duplicateScenario(ctx.db, ctx.simulations, ctx.user.id, input.id)),

  delete: protectedProcedure
    .input(ScenarioId)
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      await deleteScenario(ctx.db, ctx.user.id, input.id);
      return { ok: true as const };
    }),

  /** Lets other signed-in users open it read-only by its link (or stops that). */
  share: protectedProcedure
    .input(ShareScenario)
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      await shareScenario(ctx.db, ctx.user.id, input);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
