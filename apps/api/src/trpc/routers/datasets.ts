import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  CreateDraftInput,
  createDraft,
  listVersions,
  PublishInput,
  publishDraft,
  RollbackInput,
  rollbackTo,
} from '../../queries/dataset-versions.ts';
import { DeleteDraftInput, deleteDraft } from '../../queries/delete-draft.ts';
import {
  DeleteRecordInput,
  deleteRecord,
  ListRecordsInput,
  listRecords,
  RecordsPage,
  UpdateRecordInput,
  updateRecord,
} from '../../queries/draft-records.ts';
import { DiffInput, diffVersions, VersionDiff } from '../../queries/version-diff.ts';
import { adminProcedure } from '../init.ts';
import { actorOf } from './actor.ts';

const VersionRow = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['draft', 'published']),
  isCurrent: z.boolean(),
  note: z.string().nullable(),
  createdAt: z.date(),
  publishedAt: z.date().nullable(),
  publishedBy: z.string().nullable(),
  rows: z.record(z.string(), z.int()),
});
const Ref = z.object({ id: z.string(), label: z.string() });

export const datasetsRouter = {
  /** Admins: every version of the reference dataset, newest first, with status, publisher and row counts. */
  versions: adminProcedure
    .input(z.strictObject({}).optional())
    .output(z.array(VersionRow))
    .query(({ ctx }) => listVersions(ctx.db)),

  /** Admins: a new draft, copied from the current version or empty. Audited. */
  createDraft: adminProcedure
    .input(CreateDraftInput)
    .output(Ref)
    .mutation(({ ctx, input }) => createDraft(ctx.db, actorOf(ctx), input)),

  /** Admins: publish a draft with a note; it becomes immutable and current. Audited. */
  publish: adminProcedure
    .input(PublishInput)
    .output(Ref)
    .mutation(async ({ ctx, input }) => {
      const published = await publishDraft(ctx.db, actorOf(ctx), input);
      // After the commit, in the background: an alert failure is logged and never fails the publish.
      ctx.alerts.versionChanged(published);
      return published;
    }),

  /** Admins: make an earlier published version current again. Audited. */
  rollback: adminProcedure
    .input(RollbackInput)
    .output(Ref)
    .mutation(async ({ ctx, input }) => {
      const current = await rollbackTo(ctx.db, actorOf(ctx), input);
      // A roll-back changes what is current too; watches compare it with the version it replaced.
      if (current.previous) ctx.alerts.versionChanged(current);
      return current;
    }),

  /** Admins: delete a draft with its rows and imports; never a published or the current version. Audited. */
  deleteDraft: adminProcedure
    .input(DeleteDraftInput)
    .output(Ref)
    .mutation(({ ctx, input }) => deleteDraft(ctx.db, actorOf(ctx), input)),

  /** Admins: two versions side by side — rows added, removed, changed per entity, and headline figures moved. */
  diff: adminProcedure
    .input(DiffInput)
    .output(VersionDiff)
    .query(({ ctx, input }) => diffVersions(ctx.db, input)),

  /** Admins: one entity's rows of a version, paged and searchable by key, with each row's rowVersion. */
  records: adminProcedure
    .input(ListRecordsInput)
    .output(RecordsPage)
    .query(({ ctx, input }) => listRecords(ctx.db, input)),

  /** Admins: save a draft row; refused as a conflict if someone saved it since `rowVersion`. Audited. */
  updateRecord: adminProcedure
    .input(UpdateRecordInput)
    .output(z.object({ rowVersion: z.int() }))
    .mutation(({ ctx, input }) => updateRecord(ctx.db, actorOf(ctx), input as UpdateRecordInput)),

  /** Admins: remove a draft row (same conflict rule). Audited. */
  deleteRecord: adminProcedure
    .input(DeleteRecordInput)
    .output(z.object({ deleted: z.boolean() }))
    .mutation(({ ctx, input }) => deleteRecord(ctx.db, actorOf(ctx), input)),
} satisfies TRPCRouterRecord;
