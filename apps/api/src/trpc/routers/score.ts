import { ResilienceScore } from '@ree/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { explainScore, ScoreInput } from '../../queries/score.ts';
import { SourceRef, VersionRef } from '../../queries/versioned.ts';
import { protectedProcedure } from '../init.ts';

const Explained = z.object({
  datasetVersion: VersionRef,
  result: ResilienceScore,
  importsMaterial: z.string().nullable(),
  importsUnit: z.enum(['t', 'share']).nullable(),
  sources: z.array(SourceRef),
  years: z.array(z.int()),
});

export const scoreRouter = {
  /** A consumer's resilience score for one material × stage × year, component by component, with its sources. */
  explain: protectedProcedure
    .input(ScoreInput)
    .output(Explained)
    .query(async ({ ctx, input }) => {
      const { input: _scoreInput, ...explained } = await explainScore(ctx.db, input);
      return explained;
    }),
} satisfies TRPCRouterRecord;
