import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { MAX_WATCHES_PER_USER, Notification, Watch, WatchParams } from '../../alerts/schemas.ts';
import { NotFoundError } from '../../errors.ts';
import {
  createWatch,
  deleteWatch,
  emailDigestOn,
  listNotifications,
  listWatches,
  MarkReadInput,
  markRead,
  NotificationsInput,
  setEmailDigest,
  unreadCount,
  WatchId,
} from '../../queries/watches.ts';
import { protectedProcedure, publicProcedure } from '../init.ts';

const Settings = z.object({
  /** Whether this user gets e-mail digests (off after following an unsubscribe link). */
  emailDigest: z.boolean(),
  /** Whether the server can send e-mail at all (SMTP_URL set); without it alerts stay in the portal. */
  emailAvailable: z.boolean(),
  maxWatches: z.int(),
});

export const watchesRouter = {
  /** The signed-in user's own watches, newest first. */
  list: protectedProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(Watch))
    .query(({ ctx }) => listWatches(ctx.db, ctx.user.id)),

  /** A new watch: a score below, an HHI above, or a new export control covering an element. */
  create: protectedProcedure
    .input(WatchParams)
    .output(Watch)
    .mutation(({ ctx, input }) => createWatch(ctx.db, ctx.user.id, input)),

  /** Deletes one of the user's watches with its alerts (another user's is "not found"). */
  delete: protectedProcedure
    .input(WatchId)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteWatch(ctx.db, ctx.user.id, input.id)),

  /** The user's alerts, newest first. */
  notifications: protectedProcedure
    .input(NotificationsInput)
    .output(z.array(Notification))
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input)),

  /** How many of the user's alerts are unread, for the header's badge. */
  unreadCount: protectedProcedure
    .input(z.strictObject({}).optional())
    .output(z.object({ unread: z.int() }))
    .query(({ ctx }) => unreadCount(ctx.db, ctx.user.id)),

  /** Marks some (or all) of the user's alerts read. */
  markRead: protectedProcedure
    .input(MarkReadInput)
    .output(z.object({ marked: z.int() }))
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.user.id, input)),

  settings: protectedProcedure
    .input(z.strictObject({}).optional())
    .output(Settings)
    .query(async ({ ctx }) => ({
      emailDigest: await emailDigestOn(ctx.db, ctx.user.id),
      emailAvailable: ctx.alerts.emailEnabled,
      maxWatches: MAX_WATCHES_PER_USER,
    })),

  /** Turns the user's e-mail digests on or off. */
  setEmailDigest: protectedProcedure
    .input(z.strictObject({ on: z.boolean() }))
    .output(z.object({ emailDigest: z.boolean() }))
    .mutation(async ({ ctx, input }) => ({
      emailDigest: await setEmailDigest(ctx.db, ctx.user.id, input.on),
    })),

  /** The unsubscribe link of an alert e-mail, without signing in: turns that user's e-mail digests off. */
  unsubscribe: publicProcedure
    .input(z.strictObject({ token: z.string().min(10).max(500) }))
    .output(z.object({ emailDigest: z.literal(false) }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.alerts.unsubscribeUser(input.token);
      if (!userId) throw new NotFoundError('This unsubscribe link is not valid (or no longer is).');
      const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { id: true } });
      if (!user) throw new NotFoundError('This unsubscribe link is not valid (or no longer is).');
      await setEmailDigest(ctx.db, userId, false);
      return { emailDigest: false as const };
    }),
} satisfies TRPCRouterRecord;
