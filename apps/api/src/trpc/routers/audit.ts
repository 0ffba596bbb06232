import type { TRPCRouterRecord } from '@trpc/server';
import { AuditListInput, AuditPage, listAudit } from '../../queries/audit.ts';
import { adminProcedure } from '../init.ts';

// Read-only by design: the API has no procedure that edits or deletes audit events, and the database refuses both.
export const auditRouter = {
  /** Admins: the audit log, newest first, filtered by action prefix, actor and time. */
  list: adminProcedure
    .input(AuditListInput)
    .output(AuditPage)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
} satisfies TRPCRouterRecord;
