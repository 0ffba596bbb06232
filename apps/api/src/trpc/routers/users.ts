import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { ListUsersInput, listUsers, UserSummary } from '../../queries/users.ts';
import { adminProcedure } from '../init.ts';

export const usersRouter = {
  /** Admins: every account, searchable by email or name, cursor-paginated. */
  list: adminProcedure
    .input(ListUsersInput)
    .output(z.object({ items: z.array(UserSummary), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listUsers(ctx.db, input)),
} satisfies TRPCRouterRecord;
