// An analyst's watches, alerts and alert e-mail setting. Everything is the owner's alone: another user's watch
// or alert is "not found", never "forbidden", so ids of others cannot be probed.
import { z } from 'zod';
import { AlertMessage, MAX_WATCHES_PER_USER, type Watch, WatchParams } from '../alerts/schemas.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { assertCountry } from './reference.ts';
import { resolveVersion } from './versions.ts';

export const WatchId = z.strictObject({ id: z.uuid() });
export const NotificationsInput = z.strictObject({
  unreadOnly: z.boolean().default(false),
  limit: z.int().min(1).max(200).default(50),
});
export const MarkReadInput = z.union([
  z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

function toWatch(row: { id: string; kind: string; params: unknown; createdAt: Date }): Watch {
  return {
    id: row.id,
    createdAt: row.createdAt,
    params: WatchParams.parse({ ...(row.params as object), kind: row.kind }),
  };
}

export async function listWatches(db: Db, ownerId: string): Promise<Watch[]> {
  const rows = await db.watch.findMany({ where: { ownerId }, orderBy: { createdAt: 'desc' } });
  return rows.map(toWatch);
}

/** A new watch; refused past the per-user cap (checked under the user's row lock, so two tabs cannot pass it). */
export async function createWatch(db: Db, ownerId: string, params: WatchParams): Promise<Watch> {
  if (params.kind === 'score_below') {
    // An unknown consumer is a clear error now, not a watch that silently never fires.
    await assertCountry(db, (await resolveVersion(db)).id, params.consumer);
  }
  const { kind, ...rest } = params;
  const row = await db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "user" WHERE "id" = $1 FOR UPDATE`, ownerId);
    const count = await tx.watch.count({ where: { ownerId } });
    if (count >= MAX_WATCHES_PER_USER) {
      throw new ConflictError(
        `You have ${MAX_WATCHES_PER_USER} watches, the most one account may keep: delete one first.`,
      );
    }
    return tx.watch.create({ data: { ownerId, kind, params: rest } });
  });
  return toWatch(row);
}

export async function deleteWatch(db: Db, ownerId: string, id: string): Promise<{ id: string }> {
  const { count } = await db.watch.deleteMany({ where: { id, ownerId } });
  if (count === 0) throw new NotFoundError('No such watch.');
  return { id };
}

export async function listNotifications(db: Db, userId: string, input: z.infer<typeof NotificationsInput>) {
  const rows = await db.watchNotification.findMany({
    where: { userId, ...(input.unreadOnly ? { readAt: null } : {}) },
    orderBy: { createdAt: 'desc' },
    take: input.limit,
    include: { version: { select: { id: true, label: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    watchId: r.watchId,
    version: r.version,
    message: AlertMessage.parse(r.message),
    createdAt: r.createdAt,
    readAt: r.readAt,
    emailedAt: r.emailedAt,
  }));
}

export async function unreadCount(db: Db, userId: string): Promise<{ unread: number }> {
  return { unread: await db.watchNotification.count({ where: { userId, readAt: null } }) };
}

export async function markRead(db: Db, userId: string, input: z.infer<typeof MarkReadInput>) {
  const { count } = await db.watchNotification.updateMany({
    where: { userId, readAt: null, ...('ids' in input ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}

export async function emailDigestOn(db: Db, userId: string): Promise<boolean> {
  const row = await db.alertSettings.findUnique({ where: { userId } });
  return row?.emailDigest ?? true;
}

export async function setEmailDigest(db: Db, userId: string, on: boolean): Promise<boolean> {
  await db.alertSettings.upsert({
    where: { userId },
    create: { userId, emailDigest: on },
    update: { emailDigest: on },
  });
  return on;
}
