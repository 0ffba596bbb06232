import type { TRPCRouterRecord } from '@trpc/server';
import { SearchInput, SearchResult, search } from '../../queries/search.ts';
import { protectedProcedure } from '../init.ts';

export const searchRouter = {
  /** Everything whose name or code holds the query, best match first, over the current (or `asOf`) version. */
  query: protectedProcedure
    .input(SearchInput)
    .output(SearchResult)
    .query(({ ctx, input }) => search(ctx.db, input)),
} satisfies TRPCRouterRecord;
