// The import job queue, a plain table (import_job) that works the same on PostgreSQL and PGlite. A worker claims
// the oldest queued job with UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1): two workers, on one
// instance or on two sharing a PostgreSQL, never claim the same row. A running job carries a lease (leaseUntil,
// the database's clock) that its worker renews; every write a worker makes is conditional on still holding it, so
// a worker that paused past its lease and lost the job cannot finish it too. A running job whose lease lapsed
// belongs to a process that died: it is queued again (its work is redone from the start) or, after MAX_ATTEMPTS,
// failed with a reason.
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../queries/audit.ts';
import type { Actor } from '../../queries/user-admin.ts';

/** A running job silent for this long is dead: several missed renewals, not one slow query. */
export const LEASE_MS = 30_000;
/** How often a worker renews the lease of the job it runs. */
export const RENEW_EVERY_MS = 5_000;
/** Runs of one job (the first and re-runs after a dead worker) before it is failed. */
export const MAX_ATTEMPTS = 3;

export const JOB_DIED_MESSAGE =
  'The server running this import stopped several times before it finished. Upload the file again.';

const LEASE = `${LEASE_MS} milliseconds`;

export interface ClaimedJob {
  id: string;
  kind: string;
  versionId: string;
  batchId: string | null;
  fileName: string;
  entity: string | null;
  totalBytes: number;
  attempts: number;
  createdById: string;
  createdByEmail: string;
  createdByIp: string | null;
}

/** Queues again (or fails, past MAX_ATTEMPTS) every running job whose lease lapsed; returns how many. */
export async function recoverExpiredJobs(db: Db): Promise<number> {
  // Conditional updates: two instances recovering at once touch each dead job once.
  const failed = await db.$executeRaw`UPDATE "import_job"
    SET "state" = 'failed', "error" = ${JOB_DIED_MESSAGE}, "lockedBy" = NULL, "leaseUntil" = NULL,
      "finishedAt" = now() AT TIME ZONE 'UTC'
    WHERE "state" = 'running' AND "leaseUntil" < now() AT TIME ZONE 'UTC' AND "attempts" >= ${MAX_ATTEMPTS}`;
  const requeued = await db.$executeRaw`UPDATE "import_job"
    SET "state" = 'queued', "lockedBy" = NULL, "leaseUntil" = NULL
    WHERE "state" = 'running' AND "leaseUntil" < now() AT TIME ZONE 'UTC'`;
  return failed + requeued;
}

/** Which jobs a worker takes: by default any; tests narrow it to their own draft or kind. */
export interface ClaimScope {
  versionId?: string;
  kind?: string;
}

/** Claims the oldest queued job (in `scope`) for `workerId`, or null when none is waiting. */
export async function claimJob(db: Db, workerId: string, scope: ClaimScope = {}): Promise<ClaimedJob | null> {
  const versionId = scope.versionId ?? null;
  const kind = scope.kind ?? null;
  const [job] = await db.$queryRaw<ClaimedJob[]>`UPDATE "import_job"
    SET "state" = 'running', "lockedBy" = ${workerId}, "attempts" = "attempts" + 1,
      "leaseUntil" = now() AT TIME ZONE 'UTC' + ${LEASE}::interval,
      "startedAt" = COALESCE("startedAt", now() AT TIME ZONE 'UTC')
    WHERE "state" = 'queued' AND "id" = (
      SELECT "id" FROM "import_job" WHERE "state" = 'queued'
        AND (${versionId}::text IS NULL OR "versionId" = ${versionId}) AND (${kind}::text IS NULL OR "kind" = ${kind})
      ORDER BY "createdAt", "id"
      FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING "id", "kind", "versionId", "batchId", "fileName", "entity", "totalBytes", "attempts",
      "createdById", "createdByEmail", "createdByIp"`;
  return job ?? null;
}

export interface Progress {
  batchId?: string | null;
  bytesRead?: number;
  rowsRead?: number;
  rowsValidated?: number;
  rowsApplied?: number;
}

/** What a worker learns when it writes progress: whether it still holds the job, and whether to stop. */
export interface LeaseState {
  held: boolean;
  cancelRequested: boolean;
}

/** Renews the lease and records progress; `held` false when the job is no longer this worker's. */
export async function reportProgress(
  db: Db,
  jobId: string,
  workerId: string,
  progress: Progress = {},
): Promise<LeaseState> {
  const [row] = await db.$queryRaw<{ cancelRequested: boolean }[]>`UPDATE "import_job" SET
      "leaseUntil" = now() AT TIME ZONE 'UTC' + ${LEASE}::interval,
      "batchId" = CASE WHEN ${progress.batchId !== undefined} THEN ${progress.batchId ?? null}::text ELSE "batchId" END,
      "bytesRead" = COALESCE(${progress.bytesRead ?? null}::int, "bytesRead"),
      "rowsRead" = COALESCE(${progress.rowsRead ?? null}::int, "rowsRead"),
      "rowsValidated" = COALESCE(${progress.rowsValidated ?? null}::int, "rowsValidated"),
      "rowsApplied" = COALESCE(${progress.rowsApplied ?? null}::int, "rowsApplied")
    WHERE "id" = ${jobId} AND "lockedBy" = ${workerId} AND "state" = 'running'
    RETURNING "cancelRequested"`;
  return { held: !!row, cancelRequested: row?.cancelRequested ?? false };
}

export interface Outcome {
  state: 'succeeded' | 'failed' | 'cancelled';
  error?: string | null;
  batchId?: string | null;
  duplicate?: boolean;
}

/** Ends a job this worker holds; false when it no longer held it (its lease lapsed and it was taken back). */
export async function finishJob(db: Db, jobId: string, workerId: string, outcome: Outcome): Promise<boolean> {
  const n = await db.$executeRaw`UPDATE "import_job" SET
      "state" = ${outcome.state}::"ImportJobState", "error" = ${outcome.error ?? null}::text,
      "batchId" = CASE WHEN ${outcome.batchId !== undefined} THEN ${outcome.batchId ?? null}::text ELSE "batchId" END,
      "duplicate" = ${outcome.duplicate ?? false},
      "lockedBy" = NULL, "leaseUntil" = NULL, "finishedAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = ${jobId} AND "lockedBy" = ${workerId} AND "state" = 'running'`;
  // The upload's bytes are only for validating it: once that is over, for good, they go.
  if (n === 1) await db.importJobChunk.deleteMany({ where: { jobId } });
  return n === 1;
}

/** Gives a job this worker holds back to the queue (its process is stopping): another run starts it afresh. */
export async function releaseJob(db: Db, jobId: string, workerId: string): Promise<boolean> {
  const n = await db.$executeRaw`UPDATE "import_job" SET "state" = 'queued', "lockedBy" = NULL,
      "leaseUntil" = NULL, "attempts" = GREATEST("attempts" - 1, 0)
    WHERE "id" = ${jobId} AND "lockedBy" = ${workerId} AND "state" = 'running'`;
  return n === 1;
}

/** An admin's cancel, audited when it took (a job already over is not cancelled). */
export async function cancelJob(db: Db, actor: Actor, jobId: string): Promise<boolean> {
  const cancelled = await requestCancel(db, jobId);
  if (cancelled) {
    const job = await db.importJob.findUnique({ where: { id: jobId } });
    await recordAudit(db, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'dataset.import-cancel',
      target: job?.versionId ?? null,
      after: { jobId, kind: job?.kind, fileName: job?.fileName, batchId: job?.batchId },
      ip: actor.ip,
    });
  }
  return cancelled;
}

/**
 * Asks a job to stop. A queued job is cancelled at once; a running one at its worker's next progress write, which
 * undoes what it did. False when the job has already ended.
 */
export async function requestCancel(db: Db, jobId: string): Promise<boolean> {
  const queued = await db.$executeRaw`UPDATE "import_job" SET "state" = 'cancelled', "cancelRequested" = true,
      "finishedAt" = now() AT TIME ZONE 'UTC' WHERE "id" = ${jobId} AND "state" = 'queued'`;
  if (queued) {
    await db.importJobChunk.deleteMany({ where: { jobId } });
    return true;
  }
  const running = await db.$executeRaw`UPDATE "import_job" SET "cancelRequested" = true
    WHERE "id" = ${jobId} AND "state" = 'running'`;
  return running === 1;
}
