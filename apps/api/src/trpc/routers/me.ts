import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { signedInProcedure } from '../init.ts';

export const meRouter = {
  /** The signed-in user, as the portal shows it; answers even while a forced password change is pending. */
  get: signedInProcedure
    .output(
      z.object({
        id: z.string(),
        email: z.string(),
        name: z.string(),
        role: z.enum(['user', 'admin']),
        mustChangePassword: z.boolean(),
      }),
    )
    .query(({ ctx }) => ({ ...ctx.user, mustChangePassword: ctx.user.mustChangePassword === true })),
} satisfies TRPCRouterRecord;
