// Personal API tokens: an analyst's own (list, create, revoke) and every token for admins (list, revoke). The
// secret is returned once, by create; only its SHA-256 is stored. Every create and revoke is audited in the same
// transaction as the change. Someone else's token is NOT_FOUND to its non-owner, so ids reveal nothing.
import { z } from 'zod';
import { newTokenSecret } from '../auth/api-token-secret.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { recordAudit } from './audit.ts';
import type { Actor } from './user-admin.ts';

/** Tokens one account may have that are neither revoked nor expired. */
export const MAX_ACTIVE_TOKENS = 20;
export const TOKEN_NAME_MAX = 80;
/** The longest life a token may be given; without expiresInDays it lasts until revoked. */
export const TOKEN_MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60_000;

// One line of visible text: control characters (tabs, line breaks, escapes) would break lists and the audit CSV.
// NUL and lone surrogates are refused for every input in trpc/init.ts.
const CONTROL = /\p{Cc}/u;
export const TokenName = z
  .string()
  .trim()
  .min(1, 'give the token a name')
  .max(TOKEN_NAME_MAX, `a token name has at most ${TOKEN_NAME_MAX} characters`)
  .refine((name) => !CONTROL.test(name), 'a token name is one line of text, without control characters');

export const CreateTokenInput = z.strictObject({
  name: TokenName,
  expiresInDays: z.int().min(1).max(TOKEN_MAX_DAYS).optional(),
});
export const TokenIdInput = z.strictObject({ id: z.uuid() });
export const ListAllTokensInput = z.strictObject({
  search: z.string().trim().max(200).optional(),
  cursor: z.uuid().optional(),
  limit: z.int().min(1).max(100).default(50),
});

export const TokenStatus = z.enum(['active', 'revoked', 'expired']);
/** A token as lists show it: never its secret nor its hash. */
export const ApiTokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  status: TokenStatus,
});
export const ApiTokenWithOwner = ApiTokenSummary.extend({
  owner: z.object({ id: z.string(), email: z.string() }),
});
export const CreatedToken = z.object({
  token: ApiTokenSummary,
  /** The plaintext secret: shown to its owner now and never again. */
  secret: z.string(),
});

// Selected explicitly, so the hash can never reach an answer by accident.
const summarySelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} satisfies Prisma.ApiTokenSelect;

type TokenRow = Prisma.ApiTokenGetPayload<{ select: typeof summarySelect }>;

export function statusOf(token: Pick<TokenRow, 'revokedAt' | 'expiresAt'>, now = new Date()) {
  if (token.revokedAt) return 'revoked' as const;
  if (token.expiresAt && token.expiresAt <= now) return 'expired' as const;
  return 'active' as const;
}

const summary = (row: TokenRow): z.infer<typeof ApiTokenSummary> => ({ ...row, status: statusOf(row) });

export async function listOwnTokens(db: Db, userId: string) {
  const rows = await db.apiToken.findMany({
    where: { userId },
    select: summarySelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(summary);
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const activeWhere = (now: Date): Prisma.ApiTokenWhereInput => ({
  revokedAt: null,
  OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
});

export async function createToken(db: Db, actor: Actor, input: z.infer<typeof CreateTokenInput>) {
  return db.$transaction(async (tx) => {
    // The owner's row is locked, so two creates at once cannot both pass the limit.
    await tx.$queryRaw`SELECT 1 FROM "user" WHERE "id" = ${actor.id} FOR UPDATE`;
    const now = new Date();
    const active = await tx.apiToken.count({ where: { userId: actor.id, ...activeWhere(now) } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new ConflictError(
        `You already have ${MAX_ACTIVE_TOKENS} active API tokens, the most one account may have: revoke one first.`,
      );
    }
    const { secret, prefix, secretHash } = newTokenSecret();
    const row = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: input.name,
        prefix,
        secretHash,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
      },
      select: summarySelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'token.create',
      target: row.id,
      after: { name: row.name, prefix: row.prefix, owner: actor.email, expiresAt: row.expiresAt },
      ip: actor.ip,
    });
    return { token: summary(row), secret };
  });
}

async function revokeIn(tx: Tx, actor: Actor, where: Prisma.ApiTokenWhereInput, action: string) {
  const found = await tx.apiToken.findFirst({
    where,
    select: { ...summarySelect, user: { select: { email: true } } },
  });
  if (!found) throw new NotFoundError('No such API token.');
  const { user, ...row } = found;
  // Revoking twice changes nothing and records nothing.
  if (row.revokedAt) return summary(row);
  const revoked = await tx.apiToken.update({
    where: { id: row.id },
    data: { revokedAt: new Date() },
    select: summarySelect,
  });
  await recordAudit(tx, {
    actorId: actor.id,
    actorEmail: actor.email,
    action,
    target: row.id,
    before: { name: row.name, prefix: row.prefix, owner: user.email, status: statusOf(row) },
    after: { name: row.name, prefix: row.prefix, owner: user.email, status: 'revoked' },
    ip: actor.ip,
  });
  return summary(revoked);
}

/** The owner revokes one of their tokens; anyone else's is NOT_FOUND. */
export function revokeOwnToken(db: Db, actor: Actor, input: z.infer<typeof TokenIdInput>) {
  return db.$transaction((tx) => revokeIn(tx, actor, { id: input.id, userId: actor.id }, 'token.revoke'));
}

/** Admins: revoke any account's token. */
export function revokeAnyToken(db: Db, actor: Actor, input: z.infer<typeof TokenIdInput>) {
  return db.$transaction((tx) => revokeIn(tx, actor, { id: input.id }, 'token.admin-revoke'));
}

/** Admins: every token, newest first, with its owner's e-mail; searchable by e-mail, name or prefix. */
export async function listAllTokens(db: Db, input: z.infer<typeof ListAllTokensInput>) {
  const search = input.search;
  const rows = await db.apiToken.findMany({
    where: search
      ? {
          OR: [
            { name: { contains: search, mode: 'insensitive' } },
            { prefix: { startsWith: search } },
            { user: { email: { contains: search, mode: 'insensitive' } } },
          ],
        }
      : {},
    select: { ...summarySelect, user: { select: { id: true, email: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit).map(({ user, ...row }) => ({ ...summary(row), owner: user }));
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
