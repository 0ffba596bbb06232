// What an admin reads about imports: the batches of a draft, and one batch's report (counts, then each problem
// with file, line, column and message, in file order).
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { PageInfo, PageInput, skipTake } from '../queries/pagination.ts';

export const ImportSummary = z.object({
  id: z.string(),
  versionId: z.string(),
  fileName: z.string(),
  format: z.string(),
  bytes: z.int(),
  contentHash: z.string(),
  status: z.enum(['validated', 'applied', 'discarded']),
  accepted: z.int(),
  rejected: z.int(),
  warnings: z.int(),
  fileErrors: z.int(),
  createdByEmail: z.string(),
  createdAt: z.date(),
  appliedAt: z.date().nullable(),
});

export const ImportIssueOut = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: z.int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const ReportInput = PageInput.extend({
  batchId: z.uuid(),
  severity: z.enum(['error', 'warning']).optional(),
});

const summarySelect = {
  id: true,
  versionId: true,
  fileName: true,
  format: true,
  bytes: true,
  contentHash: true,
  status: true,
  accepted: true,
  rejected: true,
  warnings: true,
  fileErrors: true,
  createdByEmail: true,
  createdAt: true,
  appliedAt: true,
} as const;

export async function importsOf(db: Db, versionId: string) {
  return db.importBatch.findMany({
    where: { versionId },
    orderBy: { createdAt: 'desc' },
    select: summarySelect,
  });
}

export async function importReport(db: Db, input: z.infer<typeof ReportInput>) {
  const batch = await db.importBatch.findUnique({ where: { id: input.batchId }, select: summarySelect });
  if (!batch) throw new NotFoundError('No such import.');
  const where = { batchId: batch.id, ...(input.severity ? { severity: input.severity } : {}) };
  const [total, issues] = await Promise.all([
    db.importIssue.count({ where }),
    db.importIssue.findMany({
      where,
      orderBy: [{ seq: 'asc' }],
      select: { severity: true, file: true, line: true, column: true, message: true },
      ...skipTake(input),
    }),
  ]);
  return {
    batch,
    issues: issues.map((i) => ({
      ...i,
      severity: i.severity === 'warning' ? ('warning' as const) : ('error' as const),
    })),
    pageInfo: { page: input.page, pageSize: input.pageSize, total },
  };
}

export const ImportReport = z.object({
  batch: ImportSummary,
  issues: z.array(ImportIssueOut),
  pageInfo: PageInfo,
});
