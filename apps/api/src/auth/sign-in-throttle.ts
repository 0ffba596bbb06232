// Failed sign-ins per account (ASVS 6.3.1): the per-address rate limit alone lets a botnet try one password per
// address against one account for ever. Kept in the database so every API instance shares the count, and keyed by
// the e-mail as typed (lower-cased) whether or not an account has it, so a lock-out reveals nothing.
//
// A try is counted when it is let through, before its password is checked, by one statement that also decides
// whether it may go on: checking first and counting after the answer let 20 guesses sent at once all be checked.
// A success resets the count. Times come from the database's clock, the one every instance shares.
import type { Db } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';

/** Tries allowed before the first wait. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 60_000;
/** The longest wait: it also bounds how long someone guessing can keep the real owner out. */
export const MAX_WAIT_MS = 30 * 60_000;
/** Failures older than this are forgotten. */
const MEMORY_MS = 24 * 60 * 60_000;

export const throttleKey = (email: string) => email.trim().toLowerCase();

const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`; // timestamps are stored as UTC without a zone
const ms = (n: number) => Prisma.sql`(${n}::float8 * interval '1 millisecond')`;

/**
 * Until when the n-th consecutive try locks the account, as SQL: no lock before FREE_FAILURES, then 1, 2, 4 …
 * minutes, capped at MAX_WAIT_MS. The lock is set when the try is let through, so the tries racing it wait.
 */
const lockAfter = (n: Prisma.Sql) => Prisma.sql`CASE WHEN ${n} < ${FREE_FAILURES}::int THEN NULL
  ELSE ${NOW} + LEAST(${FIRST_WAIT_MS}::float8 * power(2, LEAST(${n} - ${FREE_FAILURES}::int, 20)),
    ${MAX_WAIT_MS}::float8) * interval '1 millisecond' END`;

/**
 * Reserves a sign-in try for `email`: 0 when it may go on (it is counted already), otherwise the milliseconds the
 * account must still wait (the try is refused unheard and not counted).
 */
export async function reserveSignIn(db: Db, email: string): Promise<number> {
  const key = throttleKey(email);
  // Forget failures nobody has added to for a day, so the table does not grow with every address ever typed.
  await db.$executeRaw`DELETE FROM "sign_in_throttle" WHERE "lastFailureAt" < ${NOW} - ${ms(MEMORY_MS)}`;
  // A day-old count starts again; otherwise this try adds one. ON CONFLICT … DO UPDATE locks the row, so tries at
  // the same moment, on any instance, are decided one after the other; a locked row is left alone (no row back).
  const next = Prisma.sql`(CASE WHEN t."lastFailureAt" < ${NOW} - ${ms(MEMORY_MS)} THEN 1 ELSE t."failures" + 1 END)`;
  const reserved = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "sign_in_throttle" AS t ("email", "failures", "lastFailureAt", "lockedUntil")
    VALUES (${key}, 1, ${NOW}, ${lockAfter(Prisma.sql`1`)})
    ON CONFLICT ("email") DO UPDATE
      SET "failures" = ${next}, "lastFailureAt" = ${NOW}, "lockedUntil" = ${lockAfter(next)}
      WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= ${NOW}
    RETURNING t."failures"`;
  if (reserved.length) return 0;
  // Refused: how long is left, only for the answer's Retry-After (the decision above is already made).
  const [lock] = await db.$queryRaw<{ wait: number | null }[]>`
    SELECT (EXTRACT(EPOCH FROM ("lockedUntil" - ${NOW})) * 1000)::float8 AS "wait"
    FROM "sign_in_throttle" WHERE "email" = ${key}`;
  return Math.max(1_000, Math.ceil(lock?.wait ?? 0));
}

/** After a successful sign-in: the account starts again with its free tries. */
export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email: throttleKey(email) } });
}
