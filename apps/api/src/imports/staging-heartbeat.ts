// A batch is "staging" only while a live API process is reading and checking it. That process beats (bumps the
// batch's heartbeatAt) every few seconds and at every flush of staged rows; a staging batch whose heartbeat is older
// than STAGING_HEARTBEAT_TIMEOUT_MS belongs to a process that died (kill -9, a crash, a restart) and is swept to
// "failed": its staged rows and partial issues go, one file problem says why. Several API instances may share one
// PostgreSQL, so nobody fails "every staging batch" at start: another instance may be staging one right now. The
// sweep is a conditional UPDATE, so two instances sweeping at once fail each dead batch exactly once. Every time is
// the database's (UTC), never an instance's clock, so instances whose clocks differ agree on what is dead.
import type { Db } from '../db/client.ts';
import { recordAudit } from '../queries/audit.ts';

/** How often a staging process beats while it waits on the upload or on checks. */
export const HEARTBEAT_EVERY_MS = 10_000;
/** A staging batch silent for this long is dead: many missed beats, not one slow query. */
export const STAGING_HEARTBEAT_TIMEOUT_MS = 2 * 60_000;

/** The file problem a swept batch's report shows. */
export const STAGING_STOPPED_MESSAGE =
  'The upload stopped before it was validated (the server stopped or restarted). Upload the file again.';
/** Why a live staging process gives up: its batch was swept while it was paused for too long. */
export const STAGING_TIMED_OUT_MESSAGE =
  'Validating this file paused for too long and was stopped. Upload the file again.';

const TIMEOUT = `${STAGING_HEARTBEAT_TIMEOUT_MS} milliseconds`;

/** Marks a staging batch alive now; false when it is no longer staging (swept meanwhile). */
export async function beat(db: Db, batchId: string): Promise<boolean> {
  const n = await db.$executeRaw`UPDATE "import_batch" SET "heartbeatAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = ${batchId} AND "status" = 'staging'`;
  return n === 1;
}

/** Beats every HEARTBEAT_EVERY_MS until the returned function is called. A failed beat is retried on the next tick. */
export function keepAlive(db: Db, batchId: string): () => void {
  const timer = setInterval(() => {
    beat(db, batchId).catch(() => {});
  }, HEARTBEAT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Fails every dead staging batch (see above); returns the ids this call failed. */
export async function sweepDeadStaging(db: Db): Promise<string[]> {
  // The common case, nothing dead, costs one indexed read and no transaction.
  const [any] = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "import_batch"
    WHERE "status" = 'staging' AND "heartbeatAt" < (now() AT TIME ZONE 'UTC') - ${TIMEOUT}::interval LIMIT 1`;
  if (!any) return [];
  return db.$transaction(async (tx) => {
    // Under concurrent sweeps the second UPDATE waits for the first, re-reads the row, and no longer matches it.
    const swept = await tx.$queryRaw<{ id: string; versionId: string; fileName: string }[]>`
      UPDATE "import_batch" SET "status" = 'failed', "accepted" = 0, "rejected" = 0, "errors" = 1, "warnings" = 0,
        "fileErrors" = 1
      WHERE "status" = 'staging' AND "heartbeatAt" < (now() AT TIME ZONE 'UTC') - ${TIMEOUT}::interval
      RETURNING "id", "versionId", "fileName"`;
    if (!swept.length) return [];
    const ids = swept.map((b) => b.id);
    await tx.importRow.deleteMany({ where: { batchId: { in: ids } } });
    // Problems found in part of a file are not a report of it: only the reason it has none stays.
    await tx.importIssue.deleteMany({ where: { batchId: { in: ids } } });
    await tx.importIssue.createMany({
      data: swept.map((b) => ({
        batchId: b.id,
        severity: 'error',
        file: b.fileName,
        line: null,
        column: null,
        message: STAGING_STOPPED_MESSAGE,
        seq: 0,
      })),
    });
    for (const b of swept) {
      await recordAudit(tx, {
        actorId: null,
        actorEmail: null,
        action: 'dataset.import-failed',
        target: b.versionId,
        after: { batchId: b.id, fileName: b.fileName, reason: 'staging stopped (no heartbeat)' },
      });
    }
    return ids;
  });
}
