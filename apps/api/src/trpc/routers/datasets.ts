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
    .mutation(({ ctx, input }) => publishDraft(ctx.db, actorOf(ctx), input)),

  /** Admins: make an earlier published version current again. Audited. */
  rollback: adminProcedure
    .input(RollbackInput)
    .output(Ref)
    .mutation(({ ctx, input }) => rollbackTo(ctx.db, actorOf(ctx), input)),
} satisfies TRPCRouterRecord;
