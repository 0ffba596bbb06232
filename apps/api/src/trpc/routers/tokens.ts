import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  ApiTokenSummary,
  ApiTokenWithOwner,
  CreatedToken,
  CreateTokenInput,
  createToken,
  ListAllTokensInput,
  listAllTokens,
  listOwnTokens,
  revokeAnyToken,
  revokeOwnToken,
  TokenIdInput,
} from '../../queries/api-tokens.ts';
import { adminProcedure, sessionProcedure } from '../init.ts';
import { actorOf } from './actor.ts';

// Managed only in a browser session: a token can neither see nor mint nor revoke tokens (sessionProcedure).
export const tokensRouter = {
  /** The signed-in user's own tokens, newest first, revoked and expired ones included; never a secret or hash. */
  list: sessionProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(ApiTokenSummary))
    .query(({ ctx }) => listOwnTokens(ctx.db, ctx.user.id)),

  /** A new read-only token; the answer carries its secret, the only time it is ever shown. Audited. */
  create: sessionProcedure
    .input(CreateTokenInput)
    .output(CreatedToken)
    .mutation(({ ctx, input }) => createToken(ctx.db, actorOf(ctx), input)),

  /** Revokes one of the user's own tokens (someone else's is NOT_FOUND); it answers 401 from then on. Audited. */
  revoke: sessionProcedure
    .input(TokenIdInput)
    .output(ApiTokenSummary)
    .mutation(({ ctx, input }) => revokeOwnToken(ctx.db, actorOf(ctx), input)),

  /** Admins: every account's tokens with their owner's e-mail, cursor-paginated. */
  listAll: adminProcedure
    .input(ListAllTokensInput)
    .output(z.object({ items: z.array(ApiTokenWithOwner), nextCursor: z.string().nullable() }))
    .query(({ ctx, input }) => listAllTokens(ctx.db, input)),

  /** Admins: revoke anyone's token. Audited. */
  revokeAny: adminProcedure
    .input(TokenIdInput)
    .output(ApiTokenSummary)
    .mutation(({ ctx, input }) => revokeAnyToken(ctx.db, actorOf(ctx), input)),
} satisfies TRPCRouterRecord;
