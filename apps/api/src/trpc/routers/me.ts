import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { protectedProcedure } from '../init.ts';

export const meRouter = {
  /** The signed-in user, as the portal shows it. */
  get: protectedProcedure
    .output(
      z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(['user', 'admin']) }),
    )
    .query(({ ctx }) => ctx.user),
} satisfies TRPCRouterRecord;
