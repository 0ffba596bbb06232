// The audit log: every admin action and admin sign-in, with who, when, what, where, and before/after for edits.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { targetNames } from './audit-targets.ts';
import { PageInfo, PageInput, skipTake } from './pagination.ts';

export interface AuditRecord {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  target?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

type Writer = Pick<Db, 'auditEvent'>;

const json = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Appends one event. Pass the transaction client to make it part of the change it records. */
export async function recordAudit(db: Writer, event: AuditRecord): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: event.actorId,
      actorEmail: event.actorEmail,
      action: event.action,
      target: event.target ?? null,
      before: json(event.before),
      after: json(event.after),
      ip: event.ip ?? null,
    },
  });
}

export const AuditListInput = PageInput.extend({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(200).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
});

export const AuditEventOut = z.object({
  id: z.string(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  /** What the target is called: a version's label or a user's e-mail; null when it is neither. */
  targetName: z.object({ kind: z.enum(['version', 'user']), label: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export const AuditPage = z.object({ items: z.array(AuditEventOut), pageInfo: PageInfo });

export async function listAudit(db: Db, input: z.infer<typeof AuditListInput>) {
  const where: Prisma.AuditEventWhereInput = {
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.actor ? { actorEmail: { contains: input.actor, mode: 'insensitive' } } : {}),
    ...(input.from || input.to
      ? { at: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } }
      : {}),
  };
  const [total, items] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], ...skipTake(input) }),
  ]);
  const names = await targetNames(db, items);
  return {
    items: items.map((e) => ({ ...e, targetName: (e.target && names.get(e.target)) || null })),
    pageInfo: { page: input.page, pageSize: input.pageSize, total },
  };
}

/** What a sign-in attempt's audit entry is called: signed in, refused for its password, or refused unheard. */
const signInAction = (event: { ok: boolean; throttled: boolean }) =>
  event.ok ? 'auth.sign-in' : event.throttled ? 'auth.sign-in-throttled' : 'auth.sign-in-failed';

/**
 * Sign-ins to admin accounts go into the audit log — successful, failed, and refused because the account is locked
 * after failed ones (someone is still guessing) — with the address; the password never does.
 */
export async function auditAdminSignIn(
  db: Db,
  event: { email: string; ok: boolean; throttled: boolean; ip: string | null },
): Promise<void> {
  const user = await db.user.findUnique({
    where: { email: event.email.toLowerCase() },
    select: { id: true, role: true },
  });
  if (user?.role !== 'admin') return;
  await recordAudit(db, {
    actorId: event.ok ? user.id : null,
    actorEmail: event.email.toLowerCase(),
    action: signInAction(event),
    target: user.id,
    ip: event.ip,
  });
}
