// Deleting a draft nobody wants: its rows, its import batches (with their staged rows and report) and the version
// itself go in one transaction, audited as `dataset.delete-draft`. A published version is history and the current
// one is what analysts read, so both are refused; so is a draft a file is still being read into.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { sweepDeadStaging } from '../imports/staging-heartbeat.ts';
import { recordAudit } from './audit.ts';
import { DATA_TABLES, rowCounts } from './dataset-versions.ts';
import type { Actor } from './user-admin.ts';

export const DeleteDraftInput = z.strictObject({
  versionId: z.uuid(),
  /**
   * The row count the admin was shown when asked to confirm. When the draft has another count by the time the
   * delete runs (an import landed in between), nothing is deleted: the admin confirms again with the real figure.
   */
  expectedRows: z.int().min(0).optional(),
});

export async function deleteDraft(db: Db, actor: Actor, input: z.infer<typeof DeleteDraftInput>) {
  // A batch whose server died mid-read is marked failed first, so it does not hold the draft for ever.
  await sweepDeadStaging(db);
  return db.$transaction(
    async (tx) => {
      // Locks in the order an apply takes them — its batches, then the version — so a delete racing an apply
      // waits for it (or it for the delete) instead of deadlocking. An import or an edit starting now (their rows
      // point at the version) waits for this transaction and then finds the draft gone.
      await tx.$queryRawUnsafe(
        `SELECT "id" FROM "import_batch" WHERE "versionId" = $1 ORDER BY "id" FOR UPDATE`,
        input.versionId,
      );
      const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT "id" FROM "dataset_version" WHERE "id" = $1 FOR UPDATE`,
        input.versionId,
      );
      if (!locked.length) throw new NotFoundError('No such dataset version.');
      const version = await tx.datasetVersion.findUniqueOrThrow({ where: { id: input.versionId } });
      if (version.isCurrent)
        throw new ConflictError(`"${version.label}" is the current version: it cannot be deleted.`);
      if (version.status !== 'draft')
        throw new ConflictError(`"${version.label}" is published: published versions are kept for good.`);
      if (await tx.importBatch.count({ where: { versionId: version.id, status: 'staging' } }))
        throw new ConflictError(
          `A file is still being read into "${version.label}": wait until it is validated, then delete the draft.`,
        );
      if (await tx.scenario.count({ where: { datasetVersionId: version.id } }))
        throw new ConflictError(`Saved scenarios were built from "${version.label}": it cannot be deleted.`);
      const rows = await rowCounts(tx, version.id);
      const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
      if (input.expectedRows !== undefined && total !== input.expectedRows)
        throw new ConflictError(
          `"${version.label}" now has ${total.toLocaleString('en')} rows, not the ${input.expectedRows.toLocaleString('en')} you were shown: nothing was deleted. Reload the page and confirm again.`,
        );
      // Children before the tables they refer to (sources and countries come first in DATA_TABLES).
      for (const table of [...DATA_TABLES].reverse())
        await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "versionId" = $1`, version.id);
      const imports = await tx.importBatch.deleteMany({ where: { versionId: version.id } });
      await tx.datasetVersion.delete({ where: { id: version.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: 'dataset.delete-draft',
        target: version.id,
        before: { label: version.label, rows, imports: imports.count },
        ip: actor.ip,
      });
      return { id: version.id, label: version.label };
    },
    { timeout: 60_000 },
  );
}
