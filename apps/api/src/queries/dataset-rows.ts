// A dataset version's rows as @ree/domain reads them: every entity, each row checked by its schema. The method
// (shares, scores, supply risk) runs on these in the domain; this module only loads them.
import { type DatasetRows, ENTITY_FILES, ENTITY_NAMES, type EntityName, type RowsOf } from '@ree/domain';
import type { Db } from '../db/client.ts';
import { ENTITY_TABLE } from './dataset-versions.ts';
import { cachedForVersion } from './version-cache.ts';
import type { VersionRef } from './versions.ts';

/** One entity's rows of a version, with only the entity's own fields, parsed by its schema. */
async function entityRows<K extends EntityName>(db: Db, versionId: string, entity: K): Promise<RowsOf<K>[]> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT * FROM "${ENTITY_TABLE[entity]}" WHERE "versionId" = $1`,
    versionId,
  );
  const { schema } = ENTITY_FILES[entity];
  const columns: readonly { key: string }[] = ENTITY_FILES[entity].columns;
  return rows.map((row) => {
    // A null column is an absent optional field; the schema fills defaults as a CSV load would.
    const fields = Object.fromEntries(
      columns.flatMap((c) => (row[c.key] === null || row[c.key] === undefined ? [] : [[c.key, row[c.key]]])),
    );
    return schema.parse(fields) as RowsOf<K>;
  });
}

async function loadRows(db: Db, versionId: string): Promise<DatasetRows> {
  const entries = await Promise.all(
    ENTITY_NAMES.map(async (entity) => [entity, await entityRows(db, versionId, entity)] as const),
  );
  return Object.fromEntries(entries) as DatasetRows;
}

/**
 * Every row of a version. A published version never changes, so its rows are loaded once and kept (the domain
 * keeps its index on the same object); a draft's are read afresh.
 */
export function datasetRows(
  db: Db,
  version: Pick<VersionRef, 'id' | 'label'> & { published?: boolean },
): Promise<DatasetRows> {
  return version.published === false
    ? loadRows(db, version.id)
    : cachedForVersion(version.id, 'dataset-rows', () => loadRows(db, version.id));
}
