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

  /** The score for every year with import data: the trend of one consumer × material × stage. */
  trend: protectedProcedure
    .input(ScoreInput.omit({ year: true }))
    .output(
      z.object({
        datasetVersion: VersionRef,
        points: z.array(z.object({ year: z.int(), score: z.number().nullable(), coverage: z.number() })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const latest = await explainScore(ctx.db, input);
      const points = [];
      for (const year of latest.years) {
        const { result } =
          year === latest.input.year ? latest : await explainScore(ctx.db, { ...input, year });
        points.push({ year, score: result.score, coverage: result.coverage });
      }
      return { datasetVersion: latest.datasetVersion, points };
    }),
} satisfies TRPCRouterRecord;
