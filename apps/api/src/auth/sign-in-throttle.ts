// Failed sign-ins per account (ASVS 6.3.1): the per-address rate limit alone lets a botnet try one password per
// address against one account for ever. Kept in the database so every API instance shares the count, and keyed by
// the e-mail as typed (lower-cased) whether or not an account has it, so a lock-out reveals nothing.
import type { Db } from '../db/client.ts';

/** Failures allowed before the first wait. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 60_000;
/** The longest wait: it also bounds how long someone guessing can keep the real owner out. */
export const MAX_WAIT_MS = 30 * 60_000;
/** Failures older than this are forgotten. */
const MEMORY_MS = 24 * 60 * 60_000;

export const throttleKey = (email: string) => email.trim().toLowerCase();

/** How long the n-th consecutive failure locks the account: none, then 1, 2, 4 … minutes, capped. */
export function waitAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** Math.min(failures - FREE_FAILURES, 20), MAX_WAIT_MS);
}

/** Milliseconds the address must still wait before trying again (0: it may try now). */
export async function signInWait(db: Db, email: string, now = new Date()): Promise<number> {
  const row = await db.signInThrottle.findUnique({ where: { email: throttleKey(email) } });
  return row?.lockedUntil ? Math.max(0, row.lockedUntil.getTime() - now.getTime()) : 0;
}

export async function recordFailedSignIn(db: Db, email: string, now = new Date()): Promise<void> {
  const key = throttleKey(email);
  // Forget failures nobody has added to for a day (this address's too, so its count starts again).
  await db.signInThrottle.deleteMany({
    where: { lastFailureAt: { lt: new Date(now.getTime() - MEMORY_MS) } },
  });
  // One atomic upsert (ON CONFLICT … DO UPDATE), so concurrent failures on several instances all count.
  const row = await db.signInThrottle.upsert({
    where: { email: key },
    create: { email: key, failures: 1, lastFailureAt: now },
    update: { failures: { increment: 1 }, lastFailureAt: now },
  });
  const wait = waitAfter(row.failures);
  if (wait > 0) {
    // Keyed on the count just written: if another failure raced in, its own (longer) lock stands.
    await db.signInThrottle.updateMany({
      where: { email: key, failures: row.failures },
      data: { lockedUntil: new Date(now.getTime() + wait) },
    });
  }
}

export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { email: throttleKey(email) } });
}
