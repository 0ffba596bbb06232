// A "validate" job: the upload's bytes, stored in import_job_chunk when it arrived (so any instance can run it),
// read back in order and staged into a batch (stage-import.ts) with the job's progress written as it goes. A run
// that starts again after a dead worker first removes what the dead run had staged: every run is from scratch.
import { ENTITY_NAMES, type EntityName } from '@ree/domain';
import type { Db } from '../../db/client.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { stageImport } from '../stage-import.ts';
import type { JobContext } from './worker.ts';

/** Stored chunks of the upload are about this big: few rows, and one of them in memory at a time. */
export const CHUNK_BYTES = 1024 * 1024;
/** Progress is written at most this often by default (staging flushes far more often on a large file). */
const PROGRESS_EVERY_MS = 250;

export interface ValidateJobInput {
  versionId: string;
  fileName: string;
  entity?: EntityName | undefined;
  actor: { id: string; email: string; ip?: string | null | undefined };
}

/** Checks the draft, then queues a job with the upload's bytes; the job is claimable only once all are stored. */
export async function enqueueValidateJob(
  db: Db,
  input: ValidateJobInput,
  source: AsyncIterable<Uint8Array>,
): Promise<{ jobId: string }> {
  const version = await db.datasetVersion.findUnique({ where: { id: input.versionId } });
  if (!version) throw new NotFoundError('No such dataset version.');
  if (version.status !== 'draft') {
    throw new ConflictError(`"${version.label}" is published and cannot change: import into a draft.`);
  }
  return db.$transaction(
    async (tx) => {
      const job = await tx.importJob.create({
        data: {
          kind: 'validate',
          versionId: version.id,
          fileName: input.fileName,
          entity: input.entity ?? null,
          createdById: input.actor.id,
          createdByEmail: input.actor.email,
          createdByIp: input.actor.ip ?? null,
        },
        select: { id: true },
      });
      let seq = 0;
      let total = 0;
      for await (const chunk of rechunk(source, CHUNK_BYTES)) {
        await tx.importJobChunk.create({ data: { jobId: job.id, seq: seq++, data: chunk } });
        total += chunk.byteLength;
      }
      await tx.importJob.update({ where: { id: job.id }, data: { totalBytes: total } });
      return { jobId: job.id };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

/** The stream again, in pieces of `size` bytes (the last one shorter). */
async function* rechunk(
  source: AsyncIterable<Uint8Array>,
  size: number,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let buffer = new Uint8Array(size);
  let used = 0;
  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const n = Math.min(size - used, chunk.byteLength - offset);
      buffer.set(chunk.subarray(offset, offset + n), used);
      used += n;
      offset += n;
      if (used === size) {
        yield buffer;
        buffer = new Uint8Array(size);
        used = 0;
      }
    }
  }
  if (used) yield buffer.slice(0, used);
}

/** The stored upload, one chunk from the database at a time, counting the bytes handed out. */
async function* storedChunks(db: Db, jobId: string, read: { bytes: number }): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.importJobChunk.findUnique({ where: { jobId_seq: { jobId, seq } } });
    if (!chunk) return;
    read.bytes += chunk.data.byteLength;
    yield chunk.data;
  }
}

const isEntity = (name: string | null): name is EntityName =>
  name !== null && (ENTITY_NAMES as readonly string[]).includes(name);

/** The handler for validate jobs; `maxBytes` is the upload limit, which also bounds what a ZIP unpacks to. */
export const validateJob =
  (maxBytes: number, progressEveryMs = PROGRESS_EVERY_MS) =>
  (db: Db, context: JobContext) =>
    runValidateJob(db, context, maxBytes, progressEveryMs);

async function runValidateJob(db: Db, { job, progress }: JobContext, maxBytes: number, everyMs: number) {
  // A dead run's batch, if it got as far as one: its half-staged rows and issues go with it (by cascade).
  if (job.batchId) await db.importBatch.deleteMany({ where: { id: job.batchId, status: 'staging' } });
  const read = { bytes: 0 };
  let last = 0;
  const result = await stageImport(
    db,
    { id: job.createdById, email: job.createdByEmail, ip: job.createdByIp },
    {
      versionId: job.versionId,
      fileName: job.fileName,
      entity: isEntity(job.entity) ? job.entity : undefined,
      maxBytes,
    },
    storedChunks(db, job.id, read),
    {
      onBatch: (batchId) => progress({ batchId, rowsRead: 0, rowsValidated: 0, bytesRead: 0 }),
      onProgress: async (p) => {
        if (Date.now() - last < everyMs) return;
        last = Date.now();
        await progress({ ...p, bytesRead: read.bytes });
      },
    },
  );
  const counts = await db.importBatch.findUnique({
    where: { id: result.batchId },
    select: { accepted: true, rejected: true },
  });
  await progress({
    bytesRead: read.bytes,
    rowsRead: (counts?.accepted ?? 0) + (counts?.rejected ?? 0),
    rowsValidated: counts?.accepted ?? 0,
  });
  return { batchId: result.batchId, duplicate: result.duplicate };
}
