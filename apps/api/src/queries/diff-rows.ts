// One entity's differences between two versions, worked out by the database: the counts by one FULL OUTER JOIN
// of the two versions' rows on the entity's key, the rows themselves a page at a time in key order (keyset: a
// page costs the same wherever it starts). Nothing here holds more than one page of an entity's rows.
//
// Aliases: `f` is a row of the version compared from, `t` one of the version compared to; $1 and $2 are their ids.
// Table and column names come from ENTITY_TABLE and ENTITY_FILES only, never from input.
import { ENTITY_FILES, type EntityName, keyOf } from '@ree/domain';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { ENTITY_TABLE } from './dataset-versions.ts';
import type { KeyValue } from './diff-cursor.ts';

export const DIFF_KINDS = ['added', 'removed', 'changed'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/** A field's value as the diff shows it. */
export const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
type Plain = z.infer<typeof Value>;
type Row = Record<string, Plain>;
export const DiffCounts = z.object({
  added: z.int(),
  removed: z.int(),
  changed: z.int(),
  unchanged: z.int(),
});
export type DiffCounts = z.infer<typeof DiffCounts>;

const fieldsOf = (entity: EntityName): string[] => ENTITY_FILES[entity].columns.map((c) => c.key);
const keyOfEntity = (entity: EntityName): readonly string[] => ENTITY_FILES[entity].key;
const list = (alias: string, columns: readonly string[]) => columns.map((c) => `${alias}."${c}"`).join(', ');

/** The same natural key on both sides. Key columns are NOT NULL (a test checks), so `=` is exact and indexed. */
const sameKey = (entity: EntityName) =>
  keyOfEntity(entity)
    .map((k) => `f."${k}" = t."${k}"`)
    .join(' AND ');

/** Any of the entity's own fields differs: NULL-safe, and list columns compare element by element. */
const differs = (entity: EntityName) => fieldsOf(entity).map((c) => `f."${c}" IS DISTINCT FROM t."${c}"`);

/** Added, removed, changed and unchanged rows of an entity, in one set-based query. */
export async function diffCounts(db: Db, entity: EntityName, from: string, to: string): Promise<DiffCounts> {
  const table = ENTITY_TABLE[entity];
  const both = `f."versionId" IS NOT NULL AND t."versionId" IS NOT NULL`;
  const changed = `(${differs(entity).join(' OR ')})`;
  const [counts] = await db.$queryRawUnsafe<DiffCounts[]>(
    `SELECT count(*) FILTER (WHERE f."versionId" IS NULL)::int AS "added",
            count(*) FILTER (WHERE t."versionId" IS NULL)::int AS "removed",
            count(*) FILTER (WHERE ${both} AND ${changed})::int AS "changed",
            count(*) FILTER (WHERE ${both} AND NOT ${changed})::int AS "unchanged"
       FROM (SELECT * FROM "${table}" WHERE "versionId" = $1) f
       FULL OUTER JOIN (SELECT * FROM "${table}" WHERE "versionId" = $2) t ON ${sameKey(entity)}`,
    from,
    to,
  );
  return counts ?? { added: 0, removed: 0, changed: 0, unchanged: 0 };
}

const CAST = { string: '', int: '::int', number: '::float8', boolean: '::boolean', list: '' } as const;

const keyTypes = (entity: EntityName) =>
  keyOfEntity(entity).map((k) => ENTITY_FILES[entity].columns.find((c) => c.key === k)?.type ?? 'string');

/**
 * Rows whose key comes after the cursor held in $3 (a JSON array), in the order ORDER BY gives them. Its values
 * were checked against these columns' types (diff-cursor.ts), so the casts cannot fail.
 */
function keyAfter(entity: EntityName, alias: string): string {
  const types = keyTypes(entity);
  const values = types.map((type, i) => `(($3::jsonb)->>${i})${CAST[type]}`);
  return `(${list(alias, keyOfEntity(entity))}) > (${values.join(', ')})`;
}

/** The SQL of one page of a list; `limit` rows at most, and the query says so. */
function pageSql(entity: EntityName, kind: DiffKind, limit: number, after: boolean): string {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new RangeError(`page size ${limit}`);
  const table = ENTITY_TABLE[entity];
  const fields = fieldsOf(entity);
  // Added rows are the "to" version's, removed ones the "from" version's; changed ones are ordered by "to".
  const side = kind === 'removed' ? 'f' : 't';
  const tail = `${after ? ` AND ${keyAfter(entity, side)}` : ''} ORDER BY ${list(side, keyOfEntity(entity))} LIMIT ${limit}`;
  if (kind === 'changed') {
    const columns = fields.map((c) => `f."${c}" AS "from:${c}", t."${c}" AS "to:${c}"`);
    const which = fields.map((c) => `CASE WHEN f."${c}" IS DISTINCT FROM t."${c}" THEN '${c}' END`);
    return `SELECT ${columns.join(', ')}, array_remove(ARRAY[${which.join(', ')}], NULL) AS "diff:fields"
      FROM "${table}" t JOIN "${table}" f ON f."versionId" = $1 AND ${sameKey(entity)}
      WHERE t."versionId" = $2 AND (${differs(entity).join(' OR ')})${tail}`;
  }
  const other = side === 't' ? 'f' : 't';
  return `SELECT ${list(side, fields)} FROM "${table}" ${side}
    WHERE ${side}."versionId" = ${side === 'f' ? '$1' : '$2'}
      AND NOT EXISTS (SELECT 1 FROM "${table}" ${other} WHERE ${other}."versionId" = ${other === 'f' ? '$1' : '$2'} AND ${sameKey(entity)})${tail}`;
}

const pick = (raw: Record<string, unknown>, fields: string[], prefix = ''): Row =>
  Object.fromEntries(fields.map((f) => [f, (raw[`${prefix}${f}`] ?? null) as Plain]));

/** Which two versions, which list, and where the page starts (after these key values; null: from the start). */
export interface PageOf {
  entity: EntityName;
  from: string;
  to: string;
  after: KeyValue[] | null;
  limit: number;
}

async function pageQuery(db: Db, kind: DiffKind, page: PageOf) {
  const sql = pageSql(page.entity, kind, page.limit, page.after !== null);
  const versions = [page.from, page.to];
  return db.$queryRawUnsafe<Record<string, unknown>[]>(
    sql,
    ...(page.after === null ? versions : [...versions, JSON.stringify(page.after)]),
  );
}

const keyValuesOf = (entity: EntityName, row: Row) => keyOfEntity(entity).map((k) => row[k] as KeyValue);

/** A page of the rows only one side has: added ones (in "to" only) or removed ones (in "from" only). */
export async function onlyOnePage(db: Db, kind: 'added' | 'removed', page: PageOf) {
  const fields = fieldsOf(page.entity);
  return (await pageQuery(db, kind, page)).map((raw) => {
    const row = pick(raw, fields);
    return { key: keyOf(page.entity, row), keyValues: keyValuesOf(page.entity, row), row };
  });
}

/** A page of the rows both sides have with some field different: both rows, and which fields differ. */
export async function changedPage(db: Db, page: PageOf) {
  const fields = fieldsOf(page.entity);
  return (await pageQuery(db, 'changed', page)).map((raw) => {
    const after = pick(raw, fields, 'to:');
    const changed = raw['diff:fields'];
    return {
      key: keyOf(page.entity, after),
      keyValues: keyValuesOf(page.entity, after),
      before: pick(raw, fields, 'from:'),
      after,
      fields: Array.isArray(changed) ? changed.map(String) : [],
    };
  });
}
