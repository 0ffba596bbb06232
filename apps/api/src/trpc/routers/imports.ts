import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { applyImport, BatchInput, discardImport } from '../../imports/apply-import.ts';
import {
  ImportReport,
  ImportSummary,
  importReport,
  importsOf,
  ReportInput,
} from '../../imports/import-report.ts';
import { enqueueApplyJob } from '../../imports/jobs/apply-job.ts';
import { ImportJobOut, importJobOf, JobInput } from '../../imports/jobs/job-status.ts';
import { cancelJob } from '../../imports/jobs/queue.ts';
import { adminProcedure } from '../init.ts';
import { actorOf } from './actor.ts';

// Uploads arrive over plain HTTP (POST /files/import, streamed) and are validated by a background job; these
// procedures follow that job, and read and act on what it staged.
export const importsRouter = {
  /** Admins: the imports into one version, newest first, and the largest upload the server takes. */
  list: adminProcedure
    .input(z.strictObject({ versionId: z.uuid() }))
    .output(z.object({ maxBytes: z.int(), items: z.array(ImportSummary) }))
    .query(async ({ ctx, input }) => ({
      maxBytes: ctx.maxImportBytes,
      items: await importsOf(ctx.db, input.versionId),
    })),

  /** Admins: one import's validation report: counts, then each problem (paged), errors and warnings. */
  report: adminProcedure
    .input(ReportInput)
    .output(ImportReport)
    .query(({ ctx, input }) => importReport(ctx.db, input)),

  /** Admins: write every accepted row of a validated import into its draft, in one transaction. Audited. */
  applyRows: adminProcedure
    .input(BatchInput)
    .output(z.object({ batchId: z.string(), versionId: z.string(), rows: z.record(z.string(), z.int()) }))
    .mutation(({ ctx, input }) => applyImport(ctx.db, actorOf(ctx), input.batchId)),

  /** Admins: the same apply, run as a background job (its progress is imports.job). */
  queueApply: adminProcedure
    .input(BatchInput)
    .output(z.object({ jobId: z.string() }))
    .mutation(({ ctx, input }) => enqueueApplyJob(ctx.db, actorOf(ctx), input.batchId)),

  /** Admins: drop a validated import without touching the draft. Audited. */
  discard: adminProcedure
    .input(BatchInput)
    .output(z.object({ batchId: z.string() }))
    .mutation(({ ctx, input }) => discardImport(ctx.db, actorOf(ctx), input.batchId)),

  /** Admins: one import job's progress (rows read, validated, bytes), then how it ended and its batch. */
  job: adminProcedure
    .input(JobInput)
    .output(ImportJobOut)
    .query(({ ctx, input }) => importJobOf(ctx.db, input.jobId)),

  /** Admins: stop a queued or running import job; what it staged is removed and the draft is untouched. Audited. */
  cancel: adminProcedure
    .input(JobInput)
    .output(z.object({ cancelled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await importJobOf(ctx.db, input.jobId); // NOT_FOUND for an unknown id
      return { cancelled: await cancelJob(ctx.db, actorOf(ctx), input.jobId) };
    }),
} satisfies TRPCRouterRecord;
