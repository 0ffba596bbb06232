// What admins may do to accounts. Every change is audited in the same transaction as the change itself.
import { z } from 'zod';
import { changedHere, notifyChange } from '../db/change-feed.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { recordAudit } from './audit.ts';

export interface Actor {
  id: string;
  email: string;
  ip: string | null;
}

export const SetRoleInput = z.strictObject({ id: z.string().min(1), role: z.enum(['user', 'admin']) });
export const ForcePasswordResetInput = z.strictObject({ id: z.string().min(1) });
export const SetDisabledInput = z.strictObject({ id: z.string().min(1), disabled: z.boolean() });

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

async function enabledAdmins(tx: Tx): Promise<number> {
  return tx.user.count({ where: { role: 'admin', disabled: false } });
}

async function target(tx: Tx, id: string) {
  const user = await tx.user.findUnique({
    where: { id },
    select: { id: true, email: true, role: true, disabled: true },
  });
  if (!user) throw new NotFoundError('No such user.');
  return user;
}

export async function setRole(db: Db, actor: Actor, input: z.infer<typeof SetRoleInput>) {
  const done = await db.$transaction(async (tx) => {
    const user = await target(tx, input.id);
    if (user.role === input.role) return { id: user.id, role: user.role };
    if (user.id === actor.id && input.role !== 'admin') {
      throw new ConflictError('You cannot remove your own admin role; ask another admin.');
    }
    if (user.role === 'admin' && !user.disabled && (await enabledAdmins(tx)) <= 1) {
      throw new ConflictError('This is the last admin: make someone else an admin first.');
    }
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    // Cached sessions of this user are dropped on every instance when this commits.
    await notifyChange(tx, { kind: 'user', id: user.id });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'user.role',
      target: user.id,
      before: { email: user.email, role: user.role },
      after: { email: user.email, role: input.role },
      ip: actor.ip,
    });
    return { id: user.id, role: input.role };
  });
  changedHere(db, { kind: 'user', id: done.id });
  return done;
}

/** Disabling ends the user's sessions at once (ASVS 7.4.2); re-enabling lets them sign in again. */
export async function setDisabled(db: Db, actor: Actor, input: z.infer<typeof SetDisabledInput>) {
  const done = await db.$transaction(async (tx) => {
    const user = await target(tx, input.id);
    if (user.disabled === input.disabled) return { id: user.id, disabled: user.disabled, sessionsEnded: 0 };
    if (input.disabled && user.role === 'admin' && (await enabledAdmins(tx)) <= 1) {
      throw new ConflictError(
        user.id === actor.id
          ? 'You are the last admin: you cannot disable yourself.'
          : 'This is the last admin.',
      );
    }
    await tx.user.update({ where: { id: user.id }, data: { disabled: input.disabled } });
    const ended = input.disabled ? (await tx.session.deleteMany({ where: { userId: user.id } })).count : 0;
    await notifyChange(tx, { kind: 'user', id: user.id });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: input.disabled ? 'user.disable' : 'user.enable',
      target: user.id,
      before: { email: user.email, disabled: user.disabled },
      after: { email: user.email, disabled: input.disabled, sessionsEnded: ended },
      ip: actor.ip,
    });
    return { id: user.id, disabled: input.disabled, sessionsEnded: ended };
  });
  changedHere(db, { kind: 'user', id: done.id });
  return done;
}

/**
 * Forces a password reset: the user's sessions end at once, and after signing in again they can do nothing but
 * choose a new password. (No e-mail leaves this system, so the reset happens at their next sign-in.)
 */
export async function forcePasswordReset(
  db: Db,
  actor: Actor,
  input: z.infer<typeof ForcePasswordResetInput>,
) {
  const done = await db.$transaction(async (tx) => {
    const user = await target(tx, input.id);
    await tx.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
    const ended = (await tx.session.deleteMany({ where: { userId: user.id } })).count;
    await notifyChange(tx, { kind: 'user', id: user.id });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'user.force-password-reset',
      target: user.id,
      after: { email: user.email, sessionsEnded: ended },
      ip: actor.ip,
    });
    return { id: user.id, sessionsEnded: ended };
  });
  changedHere(db, { kind: 'user', id: done.id });
  return done;
}
