// An "apply" job: a validated batch written into its draft by the worker (apply-import.ts: one transaction, all or
// nothing), so a large apply neither holds a request open nor dies with it. Queued only for a validated batch, and
// at most once at a time per batch. Cancel is seen before the transaction starts; once it runs it commits or
// rolls back whole, so a worker that dies mid-apply leaves the draft as it was, and the re-run applies it then.
import type { Db } from '../../db/client.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { Actor } from '../../queries/user-admin.ts';
import { applyImport } from '../apply-import.ts';
import type { JobContext } from './worker.ts';

/** Queues the apply of a validated batch; an apply of it already waiting or running is returned instead. */
export async function enqueueApplyJob(db: Db, actor: Actor, batchId: string): Promise<{ jobId: string }> {
  const batch = await db.importBatch.findUnique({
    where: { id: batchId },
    select: { id: true, versionId: true, fileName: true, status: true },
  });
  if (!batch) throw new NotFoundError('No such import.');
  if (batch.status !== 'validated') throw new ConflictError(`This import was already ${batch.status}.`);
  const pending = await db.importJob.findFirst({
    where: { batchId, kind: 'apply', state: { in: ['queued', 'running'] } },
    select: { id: true },
  });
  if (pending) return { jobId: pending.id };
  const job = await db.importJob.create({
    data: {
      kind: 'apply',
      versionId: batch.versionId,
      batchId: batch.id,
      fileName: batch.fileName,
      createdById: actor.id,
      createdByEmail: actor.email,
      createdByIp: actor.ip,
    },
    select: { id: true },
  });
  return { jobId: job.id };
}

export async function runApplyJob(db: Db, { job, progress }: JobContext) {
  if (!job.batchId) throw new NotFoundError('No such import.');
  // A run after a worker that died once its transaction had committed: the apply is done, not to be refused.
  const batch = await db.importBatch.findUnique({ where: { id: job.batchId }, select: { status: true } });
  if (batch?.status === 'applied' && job.attempts > 1) return { batchId: job.batchId };
  await progress({}); // a cancel asked for while it waited stops it here
  const applied = await applyImport(
    db,
    { id: job.createdById, email: job.createdByEmail, ip: job.createdByIp },
    job.batchId,
  );
  await progress({ rowsApplied: Object.values(applied.rows).reduce((a, b) => a + b, 0) });
  return { batchId: job.batchId };
}
