import type { TRPCRouterRecord } from '@trpc/server';
import { explainScore, ScoreExplained, ScoreInput, ScoreTrend, scoreTrendOf } from '../../queries/score.ts';
import { protectedProcedure } from '../init.ts';

export const scoreRouter = {
  /** A consumer's resilience score for one material × stage × year, component by component, with its sources. */
  explain: protectedProcedure
    .input(ScoreInput)
    .output(ScoreExplained)
    .query(async ({ ctx, input }) => {
      const { input: _scoreInput, ...explained } = await explainScore(ctx.db, input);
      return explained;
    }),

  /** The score for every year with import data: the trend of one consumer × material × stage. */
  trend: protectedProcedure
    .input(ScoreInput.omit({ year: true, date: true }))
    .output(ScoreTrend)
    .query(({ ctx, input }) => scoreTrendOf(ctx.db, input)),
} satisfies TRPCRouterRecord;
