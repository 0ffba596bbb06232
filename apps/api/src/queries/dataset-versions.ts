// Dataset versions for admins: list them with row counts, start a draft (a copy of the current version, or
// empty), publish a draft (it becomes immutable and current), roll back (an earlier published version becomes
// current again; nothing is deleted). Every step is audited in the same transaction.
import { ENTITY_FILES, ENTITY_NAMES, type EntityName } from '@ree/domain';
import { z } from 'zod';
import { owesAlertCheck } from '../alerts/pending-checks.ts';
import { changedHere, notifyChange } from '../db/change-feed.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { recordAudit } from './audit.ts';
import type { Actor } from './user-admin.ts';
import { REFERENCE_DATASET, type VersionRef, versionRefOf } from './versions.ts';

/** Each entity's table. */
export const ENTITY_TABLE = {
  sources: 'source',
  countries: 'country',
  elements: 'element',
  governance: 'governance_score',
  production: 'production_record',
  reserves: 'reserve_estimate',
  facilities: 'facility',
  trade: 'trade_flow',
  partnerships: 'partnership',
  investments: 'investment',
  policies: 'policy_measure',
  stockpiles: 'stockpile',
  indicators: 'material_indicator',
  demand: 'end_use_share',
  prices: 'price_point',
  claims: 'article_claim',
} as const satisfies Record<EntityName, string>;

/**
 * SQL matching the row of alias `t` whose natural key is the one held in a JSON expression (a staged row's data,
 * a parameter): `t."country"::text = <json>->>'country' AND …`. Column names come from ENTITY_FILES only.
 */
export function keyMatchesJson(entity: EntityName, json: string): string {
  return ENTITY_FILES[entity].key.map((k) => `t."${k}"::text = ${json}->>'${k}'`).join(' AND ');
}

/** Data tables in copy order (sources and countries first: the others refer to them). */
export const DATA_TABLES = ENTITY_NAMES.map((e) => ENTITY_TABLE[e]);

/** Tables whose primary key is a generated id (a copy needs new ids); the others are keyed by version + natural key. */
export const GENERATED_ID = new Set<string>([
  'production_record',
  'reserve_estimate',
  'trade_flow',
  'stockpile',
  'material_indicator',
  'end_use_share',
  'price_point',
]);

/** A table's columns, in order. Table names come from ENTITY_TABLE only, never from input. */
export async function columnsOf(tx: Pick<Db, '$queryRawUnsafe'>, table: string): Promise<string[]> {
  const columns = await tx.$queryRawUnsafe<{ column_name: string }[]>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    table,
  );
  return columns.map((c) => c.column_name);
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * Makes `versionId` its dataset's only current version, applying `data` to it in the same update (publishing sets
 * the status too). Returns the version that was current before, if any. Every path that changes the current
 * version — the seed, publish, roll back — goes through here; the partial unique index backs it up.
 */
/**
 * Takes the dataset's row lock for the rest of the transaction, so publishes and roll-backs of one dataset run
 * one after another: each then sees the version the previous one made current, and its status.
 */
async function lockDataset(tx: Tx, datasetId: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM "dataset" WHERE "id" = $1 FOR UPDATE`, datasetId);
}

/** The version, read after taking its dataset's lock (so its status is the one every other writer left). */
async function lockedVersion(tx: Tx, versionId: string) {
  const found = await tx.datasetVersion.findUnique({ where: { id: versionId }, select: { datasetId: true } });
  if (!found) throw new NotFoundError('No such dataset version.');
  await lockDataset(tx, found.datasetId);
  return tx.datasetVersion.findUniqueOrThrow({ where: { id: versionId } });
}

export async function makeCurrent(
  tx: Tx,
  datasetId: string,
  versionId: string,
  data: Prisma.DatasetVersionUpdateInput = {},
): Promise<VersionRef | null> {
  await lockDataset(tx, datasetId);
  const previous = await tx.datasetVersion.findFirst({
    where: { datasetId, isCurrent: true },
    select: { id: true, label: true, publishedAt: true },
  });
  await tx.datasetVersion.updateMany({ where: { datasetId, isCurrent: true }, data: { isCurrent: false } });
  await tx.datasetVersion.update({ where: { id: versionId }, data: { ...data, isCurrent: true } });
  // Every instance drops its cached current version when this commits.
  await notifyChange(tx, { kind: 'version' });
  return previous && versionRefOf(previous);
}

export async function rowCounts(
  db: Pick<Db, '$queryRawUnsafe'>,
  versionId: string,
): Promise<Record<string, number>> {
  const parts = DATA_TABLES.map(
    (t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}" WHERE "versionId" = $1`,
  );
  const rows = await db.$queryRawUnsafe<{ t: string; n: number }[]>(parts.join(' UNION ALL '), versionId);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

export async function listVersions(db: Db) {
  const versions = await db.datasetVersion.findMany({
    where: { dataset: { slug: REFERENCE_DATASET } },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      label: true,
      status: true,
      isCurrent: true,
      note: true,
      createdAt: true,
      publishedAt: true,
      publishedBy: true,
    },
  });
  return Promise.all(
    versions.map(async (v) => {
      const counts = await rowCounts(db, v.id);
      // Keyed by entity (production, trade…), in load order: the names imports, exports and edits use.
      return { ...v, rows: Object.fromEntries(ENTITY_NAMES.map((e) => [e, counts[ENTITY_TABLE[e]] ?? 0])) };
    }),
  );
}

async function copyRows(tx: Tx, fromVersion: string, toVersion: string): Promise<void> {
  for (const table of DATA_TABLES) {
    const names = (await columnsOf(tx, table)).filter(
      (c) => c !== 'versionId' && !(GENERATED_ID.has(table) && c === 'id'),
    );
    const list = names.map((c) => `"${c}"`).join(', ');
    const idColumn = GENERATED_ID.has(table) ? '"id", ' : '';
    const idValue = GENERATED_ID.has(table) ? 'gen_random_uuid()::text, ' : '';
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${idColumn}"versionId", ${list}) SELECT ${idValue}$1, ${list} FROM "${table}" WHERE "versionId" = $2`,
      toVersion,
      fromVersion,
    );
  }
}

export const CreateDraftInput = z.strictObject({
  label: z.string().trim().min(3).max(100),
  from: z.enum(['current', 'empty']).default('current'),
});

export async function createDraft(db: Db, actor: Actor, input: z.infer<typeof CreateDraftInput>) {
  return db.$transaction(
    async (tx) => {
      const dataset = await tx.dataset.findUnique({ where: { slug: REFERENCE_DATASET } });
      if (!dataset) throw new NotFoundError('No reference dataset yet: run the seed.');
      if (
        await tx.datasetVersion.findUnique({
          where: { datasetId_label: { datasetId: dataset.id, label: input.label } },
        })
      ) {
        throw new ConflictError(`A version labelled "${input.label}" already exists.`);
      }
      const draft = await tx.datasetVersion.create({
        data: { datasetId: dataset.id, label: input.label },
        select: { id: true, label: true },
      });
      let copiedFrom: string | null = null;
      if (input.from === 'current') {
        const current = await tx.datasetVersion.findFirst({
          where: { datasetId: dataset.id, isCurrent: true },
          select: { id: true },
        });
        if (current) {
          await copyRows(tx, current.id, draft.id);
          copiedFrom = current.id;
        }
      }
      await recordAudit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: 'dataset.draft',
        target: draft.id,
        after: { label: draft.label, copiedFrom },
        ip: actor.ip,
      });
      return draft;
    },
    { timeout: 60_000 },
  );
}

export const PublishInput = z.strictObject({
  versionId: z.uuid(),
  note: z.string().trim().min(3, 'say what changed in a note of a few words').max(2000),
});

/** Publishes a draft: immutable from now on, and the current version. Exactly one version stays current. */
export async function publishDraft(db: Db, actor: Actor, input: z.infer<typeof PublishInput>) {
  const published = await db.$transaction(async (tx) => {
    const version = await lockedVersion(tx, input.versionId);
    if (version.status !== 'draft') throw new ConflictError(`"${version.label}" is already published.`);
    const publishedAt = new Date();
    const previous = await makeCurrent(tx, version.datasetId, version.id, {
      status: 'published',
      publishedAt,
      publishedBy: actor.email,
      note: input.note,
    });
    await owesAlertCheck(tx, version.id, previous?.id ?? null);
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'dataset.publish',
      target: version.id,
      before: { current: previous && { id: previous.id, label: previous.label } },
      after: { current: { id: version.id, label: version.label }, note: input.note },
      ip: actor.ip,
    });
    // `previous` lets the caller check watches against what was current, once this has committed.
    return { ...versionRefOf({ ...version, publishedAt }), previous };
  });
  changedHere(db, { kind: 'version' });
  return published;
}

export const RollbackInput = z.strictObject({ versionId: z.uuid() });

/** Makes an earlier published version current again: a new entry in the history, nothing deleted. */
export async function rollbackTo(db: Db, actor: Actor, input: z.infer<typeof RollbackInput>) {
  const current = await db.$transaction(async (tx) => {
    const version = await lockedVersion(tx, input.versionId);
    if (version.status !== 'published')
      throw new ConflictError(`"${version.label}" is a draft: publish it instead.`);
    if (version.isCurrent) return { ...versionRefOf(version), previous: null };
    const previous = await makeCurrent(tx, version.datasetId, version.id);
    if (previous) await owesAlertCheck(tx, version.id, previous.id);
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'dataset.rollback',
      target: version.id,
      before: { current: previous && { id: previous.id, label: previous.label } },
      after: { current: { id: version.id, label: version.label } },
      ip: actor.ip,
    });
    return { ...versionRefOf(version), previous };
  });
  changedHere(db, { kind: 'version' });
  return current;
}
