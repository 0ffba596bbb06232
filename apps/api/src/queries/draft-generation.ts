// A draft's generation: a counter on its dataset_version row that every change to the draft's rows moves on (an
// applied import, an edit, a deletion). An import batch records the generation it was validated against; an
// apply refuses a batch whose generation is not the draft's any more, because its checks (rows it replaces,
// shares over 100 %, unknown references) were made against rows that have changed since.
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export const STALE_BATCH_MESSAGE =
  'The draft changed after this file was validated (another import or an edit was applied). Validate it again.';

export interface LockedDraft {
  id: string;
  label: string;
  draftGeneration: number;
}

/**
 * Locks a draft's version row until the transaction ends (FOR UPDATE), so changes to one draft take turns: the
 * second of two concurrent applies waits, then reads the generation the first one left. Refuses a published one.
 */
export async function lockDraft(tx: Tx, versionId: string, publishedMessage: string): Promise<LockedDraft> {
  const [version] = await tx.$queryRaw<(LockedDraft & { status: string })[]>`
    SELECT "id", "label", "status"::text AS status, "draftGeneration" FROM "dataset_version"
    WHERE "id" = ${versionId} FOR UPDATE`;
  if (!version) throw new NotFoundError('No such dataset version.');
  if (version.status !== 'draft') throw new ConflictError(publishedMessage.replace('{label}', version.label));
  return { id: version.id, label: version.label, draftGeneration: version.draftGeneration };
}

/** Moves a locked draft's generation on (its rows just changed); returns the new one. */
export async function bumpDraftGeneration(tx: Tx, versionId: string): Promise<number> {
  const updated = await tx.datasetVersion.update({
    where: { id: versionId },
    data: { draftGeneration: { increment: 1 } },
    select: { draftGeneration: true },
  });
  return updated.draftGeneration;
}

/** The generation a draft is at now (no lock: staging only records what it validated against). */
export async function draftGenerationOf(db: Db, versionId: string): Promise<number> {
  const version = await db.datasetVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { draftGeneration: true },
  });
  return version.draftGeneration;
}
