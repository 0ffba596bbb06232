// Reading and editing the rows of a version, one entity at a time. Edits go to drafts only and carry the
// rowVersion the editor read: if someone saved the row in between, the edit is refused as a conflict, never
// silently written over theirs. Every edit is audited with the row before and after.
import { ENTITY_FILES, ENTITY_NAMES, type EntityName } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { ENTITY_TABLE, keyMatchesJson } from './dataset-versions.ts';
import { bumpDraftGeneration, lockDraft } from './draft-generation.ts';
import { PageInfo, PageInput, skipTake } from './pagination.ts';
import type { Actor } from './user-admin.ts';

const Entity = z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]);
/** A row's natural key: the values of the entity's key fields. */
const RowKey = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const ListRecordsInput = PageInput.extend({
  versionId: z.uuid(),
  entity: Entity,
  /** Rows whose key contains this text (any case). */
  search: z.string().trim().max(100).optional(),
});

const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);

export const RecordsPage = z.object({
  editable: z.boolean(),
  columns: z.array(z.object({ header: z.string(), key: z.string(), type: z.string() })),
  keyFields: z.array(z.string()),
  items: z.array(z.object({ key: RowKey, rowVersion: z.int(), values: z.record(z.string(), Value) })),
  pageInfo: PageInfo,
});

async function versionOf(db: Pick<Db, 'datasetVersion'>, versionId: string) {
  const version = await db.datasetVersion.findUnique({ where: { id: versionId } });
  if (!version) throw new NotFoundError('No such dataset version.');
  return version;
}

export async function listRecords(db: Db, input: z.infer<typeof ListRecordsInput>) {
  const version = await versionOf(db, input.versionId);
  const { columns, key } = ENTITY_FILES[input.entity];
  const table = ENTITY_TABLE[input.entity];
  const search = input.search ? `%${input.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = `t."versionId" = $1${search ? ` AND concat_ws(' ', ${key.map((k) => `t."${k}"::text`).join(', ')}) ILIKE $2` : ''}`;
  const params = search ? [version.id, search] : [version.id];
  const { skip, take } = skipTake(input);
  const [count] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "${table}" t WHERE ${where}`,
    ...params,
  );
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM "${table}" t WHERE ${where} ORDER BY ${key.map((k) => `t."${k}"`).join(', ')} LIMIT ${take} OFFSET ${skip}`,
    ...params,
  );
  return {
    editable: version.status === 'draft',
    columns: columns.map((c) => ({ header: c.header, key: c.key, type: c.type })),
    keyFields: [...key],
    items: rows.map((row) => ({
      key: Object.fromEntries(key.map((k) => [k, row[k] as string | number | boolean])),
      rowVersion: Number(row.rowVersion),
      values: Object.fromEntries(columns.map((c) => [c.key, (row[c.key] ?? null) as z.infer<typeof Value>])),
    })),
    pageInfo: { page: input.page, pageSize: input.pageSize, total: count?.n ?? 0 },
  };
}

/** The edit input: which row (its key and the rowVersion read), and its new values checked by the entity's schema. */
export const UpdateRecordInput = z.discriminatedUnion(
  'entity',
  ENTITY_NAMES.map((entity) =>
    z.strictObject({
      versionId: z.uuid(),
      entity: z.literal(entity),
      key: RowKey,
      rowVersion: z.int().min(1),
      values: ENTITY_FILES[entity].schema,
    }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);
export type UpdateRecordInput = {
  versionId: string;
  entity: EntityName;
  key: Record<string, string | number | boolean>;
  rowVersion: number;
  values: Record<string, unknown>;
};

export const DeleteRecordInput = z.strictObject({
  versionId: z.uuid(),
  entity: Entity,
  key: RowKey,
  rowVersion: z.int().min(1),
});

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

async function currentRow(tx: Tx, entity: EntityName, versionId: string, key: Record<string, unknown>) {
  const [row] = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM "${ENTITY_TABLE[entity]}" t WHERE t."versionId" = $1 AND ${keyMatchesJson(entity, '($2::jsonb)')} FOR UPDATE`,
    versionId,
    JSON.stringify(key),
  );
  return row ?? null;
}

function fieldsOf(entity: EntityName, row: Record<string, unknown>) {
  return Object.fromEntries(ENTITY_FILES[entity].columns.map((c) => [c.key, row[c.key] ?? null]));
}

/**
 * Locks the draft, then the row, and checks it is the version the editor read; explains the conflict otherwise.
 * The draft's generation moves on with the edit, so an import validated before it must be validated again.
 */
async function lockForEdit(tx: Tx, input: Omit<UpdateRecordInput, 'values'>) {
  await lockDraft(tx, input.versionId, '"{label}" is published and cannot change.');
  await bumpDraftGeneration(tx, input.versionId);
  const row = await currentRow(tx, input.entity, input.versionId, input.key);
  if (!row)
    throw new NotFoundError('This row is no longer in the draft: someone removed it or changed its key.');
  if (Number(row.rowVersion) !== input.rowVersion) {
    throw new ConflictError(
      'Someone else saved this row after you opened it. Reload to see their change, then make yours again.',
    );
  }
  return row;
}

/** Runs an edit; a refusal by the database (duplicate key, references) becomes a conflict the admin can read. */
async function asEdit<T>(edit: () => Promise<T>): Promise<T> {
  try {
    return await edit();
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError) throw error;
    return refusedByDatabase(error);
  }
}

function refusedByDatabase(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (/unique|duplicate key/i.test(message)) {
    throw new ConflictError('Another row of this draft already has that key.');
  }
  if (/foreign key/i.test(message)) {
    throw new ConflictError('Other rows refer to this one (or it refers to a missing country or source).');
  }
  throw error;
}

export async function updateRecord(db: Db, actor: Actor, input: UpdateRecordInput) {
  const table = ENTITY_TABLE[input.entity];
  const columns = ENTITY_FILES[input.entity].columns.map((c) => `"${c.key}"`);
  return asEdit(() =>
    db.$transaction(async (tx) => {
      const before = await lockForEdit(tx, input);
      const [after] = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
        `UPDATE "${table}" t SET (${columns.join(', ')}) =
           (SELECT ${columns.map((c) => `x.${c}`).join(', ')} FROM jsonb_populate_record(NULL::"${table}", $3::jsonb) x),
           "rowVersion" = t."rowVersion" + 1
         WHERE t."versionId" = $1 AND ${keyMatchesJson(input.entity, '($2::jsonb)')} AND t."rowVersion" = $4
         RETURNING *`,
        input.versionId,
        JSON.stringify(input.key),
        JSON.stringify(input.values),
        input.rowVersion,
      );
      if (!after) throw new ConflictError('Someone else saved this row meanwhile. Reload and try again.');
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: 'dataset.edit',
        target: input.versionId,
        before: { entity: input.entity, row: fieldsOf(input.entity, before) },
        after: { entity: input.entity, row: fieldsOf(input.entity, after) },
        ip: actor.ip,
      });
      return { rowVersion: Number(after.rowVersion) };
    }),
  );
}

export async function deleteRecord(db: Db, actor: Actor, input: z.infer<typeof DeleteRecordInput>) {
  return asEdit(() =>
    db.$transaction(async (tx) => {
      const before = await lockForEdit(tx, input);
      await tx.$executeRawUnsafe(
        `DELETE FROM "${ENTITY_TABLE[input.entity]}" t WHERE t."versionId" = $1 AND ${keyMatchesJson(input.entity, '($2::jsonb)')}`,
        input.versionId,
        JSON.stringify(input.key),
      );
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: 'dataset.delete-row',
        target: input.versionId,
        before: { entity: input.entity, row: fieldsOf(input.entity, before) },
        ip: actor.ip,
      });
      return { deleted: true };
    }),
  );
}
