// What the admin reads about an import job (its progress page polls this), and the handler that runs each kind.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { UploadTooLargeError } from '../upload-sink.ts';
import { runApplyJob } from './apply-job.ts';
import { validateJob } from './validate-job.ts';
import type { JobHandler } from './worker.ts';

export const ImportJobState = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const JobInput = z.strictObject({ jobId: z.uuid() });

export const ImportJobOut = z.object({
  id: z.string(),
  kind: z.enum(['validate', 'apply']),
  versionId: z.string(),
  fileName: z.string(),
  state: ImportJobState,
  /** The batch validated into, once it exists; with `duplicate`, an earlier batch of the same file. */
  batchId: z.string().nullable(),
  duplicate: z.boolean(),
  cancelRequested: z.boolean(),
  totalBytes: z.int(),
  bytesRead: z.int(),
  rowsRead: z.int(),
  rowsValidated: z.int(),
  rowsApplied: z.int(),
  attempts: z.int(),
  /** Why it failed, in words for the admin. */
  error: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export async function importJobOf(db: Db, jobId: string): Promise<z.infer<typeof ImportJobOut>> {
  const job = await db.importJob.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      kind: true,
      versionId: true,
      fileName: true,
      state: true,
      batchId: true,
      duplicate: true,
      cancelRequested: true,
      totalBytes: true,
      bytesRead: true,
      rowsRead: true,
      rowsValidated: true,
      rowsApplied: true,
      attempts: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
    },
  });
  if (!job) throw new NotFoundError('No such import job.');
  return { ...job, kind: job.kind === 'apply' ? 'apply' : 'validate' };
}

/** What a failed job tells the admin: the named errors' own words, never a database's. */
export function jobErrorMessage(error: unknown): string {
  if (
    error instanceof ConflictError ||
    error instanceof NotFoundError ||
    error instanceof UploadTooLargeError
  )
    return error.message;
  return 'The import stopped because of a server error; nothing was changed. Try again.';
}

/** Runs each kind of job; `maxBytes` is the upload limit. */
export function importJobHandler(maxBytes: number): JobHandler {
  const validate = validateJob(maxBytes);
  return (db, context) => {
    if (context.job.kind === 'validate') return validate(db, context);
    if (context.job.kind === 'apply') return runApplyJob(db, context);
    throw new ConflictError(`Unknown kind of import job "${context.job.kind}".`);
  };
}
