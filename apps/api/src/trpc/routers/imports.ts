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
import { adminProcedure } from '../init.ts';
import { actorOf } from './actor.ts';

// Uploads arrive over plain HTTP (POST /files/import, streamed); these procedures read and act on what they staged.
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

  /** Admins: drop a validated import without touching the draft. Audited. */
  discard: adminProcedure
    .input(BatchInput)
    .output(z.object({ batchId: z.string() }))
    .mutation(({ ctx, input }) => discardImport(ctx.db, actorOf(ctx), input.batchId)),
} satisfies TRPCRouterRecord;
