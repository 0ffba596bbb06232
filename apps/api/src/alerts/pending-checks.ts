// The alert checks versions owe, as rows in the database (a transactional outbox): publishing or rolling back
// writes one in its own transaction, so a process that dies between the commit and the check leaves the row,
// and the next catch-up on any instance runs it. An instance takes a row with a lease, so two instances never
// run one check at once; a lease that runs out (its holder died) lets another take it over.
import type { Db } from '../db/client.ts';
import { type VersionRef, versionRefOf } from '../queries/versions.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** How long a taken check is held before another instance may assume its holder died. */
export const CHECK_LEASE_MS = 5 * 60_000;

/** Inside the transaction that makes `versionId` current: it owes a check against `previousId`. */
export async function owesAlertCheck(tx: Tx, versionId: string, previousId: string | null): Promise<void> {
  await tx.alertCheck.upsert({
    where: { versionId },
    create: { versionId, previousId },
    // Current again before its last check ran: check against what it replaced this time.
    update: { previousId, leaseUntil: null },
  });
}

export interface TakenCheck {
  current: VersionRef;
  previous: VersionRef | null;
}

/**
 * Takes the check `versionId` owes (or, without one, the oldest owed check nobody holds) with a lease; null when
 * there is none free. SKIP LOCKED: two instances asking at once get different rows, never the same one.
 */
export async function takeAlertCheck(db: Db, versionId?: string): Promise<TakenCheck | null> {
  const leaseUntil = new Date(Date.now() + CHECK_LEASE_MS);
  const taken = await db.$queryRawUnsafe<{ versionId: string; previousId: string | null }[]>(
    `UPDATE "alert_check" SET "leaseUntil" = $1
      WHERE "versionId" = (
        SELECT "versionId" FROM "alert_check"
         WHERE ("leaseUntil" IS NULL OR "leaseUntil" < now()) AND ($2::text IS NULL OR "versionId" = $2)
         ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING "versionId", "previousId"`,
    leaseUntil,
    versionId ?? null,
  );
  const row = taken[0];
  if (!row) return null;
  const refs = await db.datasetVersion.findMany({
    where: { id: { in: [row.versionId, ...(row.previousId ? [row.previousId] : [])] } },
    select: { id: true, label: true, publishedAt: true },
  });
  const ref = (id: string | null) => {
    const found = refs.find((r) => r.id === id);
    return found ? versionRefOf(found) : null;
  };
  const current = ref(row.versionId);
  // The version itself is gone (deleted with its dataset): nothing to check.
  if (!current) return null;
  return { current, previous: ref(row.previousId) };
}

/** The check has run: the version owes nothing more. */
export async function alertCheckDone(db: Db, versionId: string): Promise<void> {
  await db.alertCheck.deleteMany({ where: { versionId } });
}

/** A failed check goes back for the next catch-up (not held until its lease runs out). */
export async function releaseAlertCheck(db: Db, versionId: string): Promise<void> {
  await db.alertCheck.updateMany({ where: { versionId }, data: { leaseUntil: null } });
}
