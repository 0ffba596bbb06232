// Applies a validated import batch to its draft — every staged row, in one transaction, or none of them — or
// discards it. Rows whose key the draft already has are replaced (their rowVersion moves on). A batch is applied
// only against the draft it was validated against (see draft-generation.ts). Both sweep dead staging batches first
// (staging-heartbeat.ts): a batch whose staging process died is failed, which discard accepts and apply refuses.
import { ENTITY_FILES, ENTITY_NAMES, type EntityName } from '@ree/domain';
import { z } from 'zod';
import { isDatabaseBusy } from '../db/busy.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { recordAudit } from '../queries/audit.ts';
import { columnsOf, ENTITY_TABLE, GENERATED_ID } from '../queries/dataset-versions.ts';
import { bumpDraftGeneration, lockDraft, STALE_BATCH_MESSAGE } from '../queries/draft-generation.ts';
import type { Actor } from '../queries/user-admin.ts';
import { STAGING_STOPPED_MESSAGE, sweepDeadStaging } from './staging-heartbeat.ts';

export const BatchInput = z.strictObject({ batchId: z.uuid() });

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface ApplyHooks {
  /** Called inside the transaction after each table's rows are written (tests use it to crash mid-apply). */
  afterEntity?: (entity: EntityName, rows: number) => Promise<void>;
}

/**
 * Locks the batch, then its draft (in that order, everywhere): two admins pressing "apply" at once get one apply
 * and one conflict, never two, and an apply after another import or an edit is refused as stale. Only a validated
 * batch passes, and a failed one too when `failedToo` (discard).
 */
async function lockBatch(tx: Tx, batchId: string, failedToo = false) {
  const [batch] = await tx.$queryRaw<
    { id: string; versionId: string; status: string; fileName: string; draftGeneration: number | null }[]
  >`SELECT "id", "versionId", "status"::text AS status, "fileName", "draftGeneration"
    FROM "import_batch" WHERE "id" = ${batchId} FOR UPDATE`;
  if (!batch) throw new NotFoundError('No such import.');
  if (batch.status === 'staging') {
    throw new ConflictError('This file is still being validated: wait for its report, then decide.');
  }
  if (batch.status === 'failed') {
    if (!failedToo) throw new ConflictError(STAGING_STOPPED_MESSAGE);
  } else if (batch.status !== 'validated')
    throw new ConflictError(`This import was already ${batch.status}.`);
  const draft = await lockDraft(
    tx,
    batch.versionId,
    '"{label}" was published meanwhile: import the file into a new draft.',
  );
  return { ...batch, stale: batch.draftGeneration !== draft.draftGeneration };
}

/** Upserts one entity's staged rows into its table; returns how many rows were written. */
async function upsertEntity(tx: Tx, batchId: string, versionId: string, entity: EntityName): Promise<number> {
  const table = ENTITY_TABLE[entity];
  const generated = GENERATED_ID.has(table);
  const columns = (await columnsOf(tx, table)).filter(
    (c) => c !== 'versionId' && c !== 'rowVersion' && !(generated && c === 'id'),
  );
  const key = ENTITY_FILES[entity].key as readonly string[];
  const list = columns.map((c) => `"${c}"`).join(', ');
  const values = columns.map((c) => `x."${c}"`).join(', ');
  const updates = columns
    .filter((c) => !key.includes(c))
    .map((c) => `"${c}" = EXCLUDED."${c}"`)
    .concat(`"rowVersion" = "${table}"."rowVersion" + 1`)
    .join(', ');
  return tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${generated ? '"id", ' : ''}"versionId", ${list})
     SELECT ${generated ? 'gen_random_uuid()::text, ' : ''}$2, ${values}
     FROM "import_row" r CROSS JOIN LATERAL jsonb_populate_record(NULL::"${table}", r."data") x
     WHERE r."batchId" = $1 AND r."entity" = $3
     ON CONFLICT ("versionId", ${key.map((k) => `"${k}"`).join(', ')}) DO UPDATE SET ${updates}`,
    batchId,
    versionId,
    entity,
  );
}

/**
 * Why the database refused, in words fit for the admin: the rule's name when it was a named constraint, never the
 * SQL or the table (ASVS 16.5.1).
 */
function databaseReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const rule = /constraint "([^"]+)"/.exec(message)?.[1];
  if (rule) return `a row breaks the rule "${rule}"`;
  if (/foreign key/i.test(message)) return 'a row refers to a country or source the draft does not have';
  return 'the database refused the rows';
}

export async function applyImport(db: Db, actor: Actor, batchId: string, hooks: ApplyHooks = {}) {
  await sweepDeadStaging(db);
  try {
    return await db.$transaction(
      async (tx) => {
        // A large import's upserts may run for minutes: the request-serving statement time-out is not for them.
        await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
        const batch = await lockBatch(tx, batchId);
        if (batch.stale) throw new ConflictError(STALE_BATCH_MESSAGE);
        const written: Partial<Record<EntityName, number>> = {};
        for (const entity of ENTITY_NAMES) {
          const n = await upsertEntity(tx, batch.id, batch.versionId, entity);
          if (n) written[entity] = n;
          await hooks.afterEntity?.(entity, n);
        }
        await tx.importRow.deleteMany({ where: { batchId: batch.id } });
        const generation = await bumpDraftGeneration(tx, batch.versionId);
        await tx.importBatch.update({
          where: { id: batch.id },
          data: { status: 'applied', appliedAt: new Date(), draftGeneration: generation },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          actorEmail: actor.email,
          action: 'dataset.import-apply',
          target: batch.versionId,
          after: { batchId: batch.id, fileName: batch.fileName, rows: written },
          ip: actor.ip,
        });
        return { batchId: batch.id, versionId: batch.versionId, rows: written };
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ConflictError || isDatabaseBusy(error))
      throw error;
    throw new ConflictError(
      `The import could not be applied and nothing changed: ${databaseReason(error)}.`,
      {
        cause: error,
      },
    );
  }
}

export async function discardImport(db: Db, actor: Actor, batchId: string) {
  await sweepDeadStaging(db);
  return db.$transaction(async (tx) => {
    const batch = await lockBatch(tx, batchId, true);
    await tx.importRow.deleteMany({ where: { batchId: batch.id } });
    await tx.importBatch.update({ where: { id: batch.id }, data: { status: 'discarded' } });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'dataset.import-discard',
      target: batch.versionId,
      after: { batchId: batch.id, fileName: batch.fileName },
      ip: actor.ip,
    });
    return { batchId: batch.id };
  });
}
