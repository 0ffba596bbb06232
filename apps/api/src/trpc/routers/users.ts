import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  ForcePasswordResetInput,
  forcePasswordReset,
  SetDisabledInput,
  SetRoleInput,
  setDisabled,
  setRole,
} from '../../queries/user-admin.ts';
import { ListUsersInput, listUsers, UserSummary } from '../../queries/users.ts';
import { adminProcedure } from '../init.ts';
import { actorOf } from './actor.ts';

export const usersRouter = {
  /** Admins: every account, searchable by email or name, cursor-paginated. */
  list: adminProcedure
    .input(ListUsersInput)
    .output(z.object({ items: z.array(UserSummary), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listUsers(ctx.db, input)),

  /** Admins: make a user an admin or take it away. Not your own role; never the last admin's. Audited. */
  setRole: adminProcedure
    .input(SetRoleInput)
    .output(z.object({ id: z.string(), role: z.enum(['user', 'admin']) }))
    .mutation(({ ctx, input }) => setRole(ctx.db, actorOf(ctx), input)),

  /** Admins: disable (ending every session at once) or re-enable an account. Never the last admin. Audited. */
  setDisabled: adminProcedure
    .input(SetDisabledInput)
    .output(z.object({ id: z.string(), disabled: z.boolean(), sessionsEnded: z.int() }))
    .mutation(({ ctx, input }) => setDisabled(ctx.db, actorOf(ctx), input)),

  /** Admins: end a user's sessions and make them choose a new password at their next sign-in. Audited. */
  forcePasswordReset: adminProcedure
    .input(ForcePasswordResetInput)
    .output(z.object({ id: z.string(), sessionsEnded: z.int() }))
    .mutation(({ ctx, input }) => forcePasswordReset(ctx.db, actorOf(ctx), input)),
} satisfies TRPCRouterRecord;
