// What an admin reads about imports: the batches of a draft, and one batch's report (counts per kind, complete,
// then each problem with file, line, column and message, in file order, a page at a time). Both sweep dead staging
// batches first, so what the admin reads is never a "staging" batch whose process is gone.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { NotFoundError } from '../errors.ts';
import { PageInfo, PageInput, skipTake } from '../queries/pagination.ts';
import { sweepDeadStaging } from './staging-heartbeat.ts';

export const ImportStatus = z.enum(['staging', 'validated', 'applied', 'discarded', 'failed']);

export const ImportSummary = z.object({
  id: z.string(),
  versionId: z.string(),
  fileName: z.string(),
  format: z.string(),
  bytes: z.int(),
  contentHash: z.string(),
  /**
   * "staging" while the upload is still being read and checked: not appliable yet; "failed" when that stopped
   * (the server stopped or restarted): it can only be discarded.
   */
  status: ImportStatus,
  /** Validated against a draft that has changed since (another import, an edit): validate it again. */
  stale: z.boolean(),
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
  draftGeneration: true,
  version: { select: { draftGeneration: true } },
} as const;

type SummaryRow = {
  draftGeneration: number | null;
  version: { draftGeneration: number };
  status: z.infer<typeof ImportStatus>;
};

/** The summary the API shows: whether a validated batch still agrees with its draft, not the generations. */
function summaryOf<T extends SummaryRow>({ draftGeneration, version, ...batch }: T) {
  return { ...batch, stale: batch.status === 'validated' && draftGeneration !== version.draftGeneration };
}

/** Problems of each kind: all that were found, and how many the report lists (it keeps the first MAX_STORED_ISSUES of each). */
const KindCounts = z.object({ error: z.int(), warning: z.int() });

export async function importsOf(db: Db, versionId: string) {
  await sweepDeadStaging(db);
  const batches = await db.importBatch.findMany({
    where: { versionId },
    orderBy: { createdAt: 'desc' },
    select: summarySelect,
  });
  return batches.map(summaryOf);
}

export async function importReport(db: Db, input: z.infer<typeof ReportInput>) {
  await sweepDeadStaging(db);
  const found = await db.importBatch.findUnique({
    where: { id: input.batchId },
    select: { ...summarySelect, errors: true },
  });
  if (!found) throw new NotFoundError('No such import.');
  const { errors, ...row } = found;
  const batch = summaryOf(row);
  const where = { batchId: batch.id, ...(input.severity ? { severity: input.severity } : {}) };
  const [listed, issues] = await Promise.all([
    db.importIssue.groupBy({ by: ['severity'], where: { batchId: batch.id }, _count: { _all: true } }),
    db.importIssue.findMany({
      where,
      // Line order, as the admin reads the file: by file, line (problems of the whole file first), column (a
      // problem of the whole row after its fields'); problems found later (the draft checks run after the file is
      // read) still land beside their line. Then seq and id, so pages never overlap.
      orderBy: [
        { file: 'asc' },
        { line: { sort: 'asc', nulls: 'first' } },
        { column: { sort: 'asc', nulls: 'last' } },
        { seq: 'asc' },
        { id: 'asc' },
      ],
      select: { severity: true, file: true, line: true, column: true, message: true },
      ...skipTake(input),
    }),
  ]);
  const listedOf = (severity: string) => listed.find((g) => g.severity === severity)?._count._all ?? 0;
  const counts = { error: listedOf('error'), warning: listedOf('warning') };
  return {
    batch,
    // Batches staged before errors were counted have 0 there: what is listed is then the best count there is.
    counts: { error: Math.max(errors, counts.error), warning: Math.max(batch.warnings, counts.warning) },
    listed: counts,
    issues: issues.map((i) => ({
      ...i,
      severity: i.severity === 'warning' ? ('warning' as const) : ('error' as const),
    })),
    pageInfo: {
      page: input.page,
      pageSize: input.pageSize,
      total: input.severity ? counts[input.severity] : counts.error + counts.warning,
    },
  };
}

export const ImportReport = z.object({
  batch: ImportSummary,
  /** Every problem found, by kind, whatever page or filter was asked for. */
  counts: KindCounts,
  /** How many of them the report lists (and pages through), by kind. */
  listed: KindCounts,
  issues: z.array(ImportIssueOut),
  pageInfo: PageInfo,
});
