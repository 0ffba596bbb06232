// The checks that need the whole upload and the draft together — what a row alone cannot show: references to
// sources and countries neither has, shares over 100 %, rows that replace draft rows. They read the draft as it
// is at the time, so their answer holds for the draft generation staging recorded (see draft-generation.ts).
import { COUNTRY_COLUMNS, ENTITY_FILES, type EntityName, echo } from '@ree/domain';
import type { Db } from '../db/client.ts';
import { ENTITY_TABLE, keyMatchesJson } from '../queries/dataset-versions.ts';
import type { Problem } from './upload-sink.ts';

/** Where the checks report; an error on a row also counts it as rejected. */
export interface ProblemSink {
  problem(problem: Problem): Promise<void>;
}

/** Runs every draft check on a batch's staged rows; rows with unknown references leave the batch. */
export async function checkAgainstDraft(db: Db, batchId: string, versionId: string, sink: ProblemSink) {
  await rejectUnknownReferences(db, batchId, versionId, sink);
  await warnSharesOver100(db, batchId, versionId, sink);
  await warnReplacedRows(db, batchId, versionId, sink);
}

/** Which columns refer to which table, by entity. */
interface Reference {
  key: string;
  header: string;
  to: 'sources' | 'countries';
  /** A list column (several countries in one cell). */
  list: boolean;
}
function referencesOf(entity: EntityName): Reference[] {
  const columns: readonly { header: string; key: string; type: string }[] = ENTITY_FILES[entity].columns;
  return columns.flatMap((col): Reference[] => {
    if (col.header === 'source_id') return [{ key: col.key, header: col.header, to: 'sources', list: false }];
    if ((COUNTRY_COLUMNS as readonly string[]).includes(col.header)) {
      return [{ key: col.key, header: col.header, to: 'countries', list: col.type === 'list' }];
    }
    return [];
  });
}

/**
 * Staged rows a draft check reads per statement. On PGlite the database runs in the API's process, so one
 * statement over a whole upload (60,000 rows: seconds) stalls every other request; a chunk of this many takes
 * tens of milliseconds, and the event loop gets a turn between chunks (`nextTurn`).
 */
export const CHECK_CHUNK_ROWS = 2000;

/** Lets the event loop run what waited (a health check, a page) before the next chunk. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Rows naming a source or country that neither the draft nor this upload has: they could never be stored. Each
 * reference column walks the staged rows in file order, CHECK_CHUNK_ROWS at a time (keyset on file, line): one
 * statement per chunk picks the chunk, finds its rows' unknown values by look-ups (NOT EXISTS on the referenced
 * table's key and the staged rows' key, never a join of the whole upload that a plan made before the upload
 * landed could turn quadratic) and deletes those rows. Statements grow with the rows over the chunk size, never
 * one per bad row. A row is reported once, for the first column that rejects it: the later columns no longer see it.
 */
async function rejectUnknownReferences(db: Db, batchId: string, versionId: string, sink: ProblemSink) {
  for (const entity of Object.keys(ENTITY_FILES) as EntityName[]) {
    for (const ref of referencesOf(entity)) {
      const table = ENTITY_TABLE[ref.to];
      const keyColumn = ref.to === 'sources' ? 'id' : 'iso3';
      const unknown = (value: string) =>
        `NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t."versionId" = $6 AND t."${keyColumn}" = ${value})
         AND NOT EXISTS (SELECT 1 FROM "import_row" i WHERE i."batchId" = $1 AND i."entity" = $7 AND i."key" = ${value})`;
      // A list column (supplier_countries) names several: each element is checked, the first unknown reported.
      const firstUnknown = ref.list
        ? `(SELECT v.value FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(c."data"->'${ref.key}') = 'array'
             THEN c."data"->'${ref.key}' ELSE '[]'::jsonb END) WITH ORDINALITY AS v(value, n)
           WHERE ${unknown('v.value')} ORDER BY v.n LIMIT 1)`
        : `CASE WHEN c."data"->>'${ref.key}' IS NOT NULL AND ${unknown(`(c."data"->>'${ref.key}')`)}
           THEN c."data"->>'${ref.key}' END`;
      let after = { file: '', line: -1 };
      for (;;) {
        // The chunk's rejected rows in file order, then one row for the chunk's last line and size: the cursor.
        const rows = await db.$queryRawUnsafe<
          { file: string; line: number; value: string | null; size: number | null }[]
        >(
          `WITH chunk AS (
             SELECT r.ctid, r."file", r."line", r."data" FROM "import_row" r
             WHERE r."batchId" = $1 AND r."entity" = $2 AND (r."file", r."line") > ($3, $4)
             ORDER BY r."file", r."line" LIMIT $5),
           bad AS (SELECT * FROM (SELECT c.ctid, c."file", c."line", ${firstUnknown} AS value FROM chunk c) b
             WHERE b.value IS NOT NULL),
           -- By row address, not a join: a plan made while the table looked empty could scan it once per bad row.
           gone AS (DELETE FROM "import_row" r WHERE r.ctid = ANY(ARRAY(SELECT b.ctid FROM bad b)))
           SELECT * FROM (
             SELECT b."file", b."line", b.value, NULL::int AS size FROM bad b
             UNION ALL
             (SELECT c."file", c."line", NULL, (SELECT count(*)::int FROM chunk) FROM chunk c
              ORDER BY c."file" DESC, c."line" DESC LIMIT 1)) u
           ORDER BY u.size NULLS FIRST, u."file", u."line"`,
          batchId,
          entity,
          after.file,
          after.line,
          CHECK_CHUNK_ROWS,
          versionId,
          ref.to,
        );
        const last = rows.at(-1);
        for (const row of rows) {
          if (row.size !== null || row.value === null) continue;
          await sink.problem({
            file: row.file,
            line: row.line,
            column: ref.header,
            severity: 'error',
            message:
              ref.to === 'countries'
                ? `country "${echo(row.value)}" is unknown to this dataset: add it to ${ENTITY_FILES.countries.file} first (or in the same ZIP)`
                : `source "${echo(row.value)}" is unknown to this dataset: add it to ${ENTITY_FILES.sources.file} first (or in the same ZIP)`,
          });
        }
        if (!last || last.size === null || last.size < CHECK_CHUNK_ROWS) break;
        after = { file: last.file, line: last.line };
        await nextTurn();
      }
    }
  }
}

/**
 * Shares (unit "share") of one year that would add up to more than 100 % once the upload is applied: the draft's
 * rows that the upload does not replace, plus the upload's. Only groups the upload touches are reported.
 */
async function warnSharesOver100(db: Db, batchId: string, versionId: string, sink: ProblemSink) {
  const checks = [
    {
      entity: 'production',
      table: 'production_record',
      fields: {
        country: 'text',
        stage: 'text',
        material: 'text',
        year: 'int',
        basis: 'text',
        projection: 'boolean',
      },
      group: ['stage', 'material', 'year', 'basis', 'projection'],
      describe: (g: Record<string, unknown>) =>
        `${String(g.material)} ${String(g.stage)} shares in ${String(g.year)}${g.projection ? ' (projection)' : ''}`,
    },
    {
      entity: 'trade',
      table: 'trade_flow',
      fields: { importer: 'text', exporter: 'text', material: 'text', stage: 'text', year: 'int' },
      group: ['importer', 'material', 'stage', 'year'],
      describe: (g: Record<string, unknown>) =>
        `${String(g.importer)}'s ${String(g.material)} ${String(g.stage)} import shares in ${String(g.year)}`,
    },
  ] as const;
  for (const check of checks) {
    const fields = Object.entries(check.fields);
    const incoming = fields.map(([f, type]) => `(r."data"->>'${f}')::${type} AS "${f}"`).join(', ');
    const kept = fields.map(([f]) => `t."${f}"`).join(', ');
    const same = fields.map(([f]) => `i."${f}" = t."${f}"`).join(' AND ');
    const group = check.group.map((g) => `"${g}"`).join(', ');
    const over = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `WITH incoming AS (
         SELECT ${incoming}, (r."data"->>'quantity')::float8 AS quantity FROM "import_row" r
         WHERE r."batchId" = $1 AND r."entity" = $2 AND r."data"->>'unit' = 'share'),
       kept AS (
         SELECT ${kept}, t."quantity" FROM "${check.table}" t
         WHERE t."versionId" = $3 AND t."unit" = 'share' AND NOT EXISTS (SELECT 1 FROM incoming i WHERE ${same}))
       SELECT ${group}, sum(quantity) AS total FROM (
         SELECT *, true AS mine FROM incoming UNION ALL SELECT *, false AS mine FROM kept) a
       GROUP BY ${group} HAVING sum(quantity) > 1.000001 AND bool_or(mine)
       ORDER BY ${group}`,
      batchId,
      check.entity,
      versionId,
    );
    for (const g of over) {
      await sink.problem({
        file: ENTITY_FILES[check.entity].file,
        line: null,
        column: 'quantity',
        severity: 'warning',
        message: `${check.describe(g)} would add up to ${(Number(g.total) * 100).toFixed(1)} %, more than 100 %`,
      });
    }
  }
}

/**
 * Rows whose key the draft already has: applying overwrites them. One line per table. Counted a chunk of staged
 * rows at a time (keyset on the primary key), so no statement joins the whole upload to the draft.
 */
async function warnReplacedRows(db: Db, batchId: string, versionId: string, sink: ProblemSink) {
  for (const entity of Object.keys(ENTITY_FILES) as EntityName[]) {
    const table = ENTITY_TABLE[entity];
    const match = keyMatchesJson(entity, 'c."data"');
    let replaced = 0;
    let after = '';
    for (;;) {
      const [chunk] = await db.$queryRawUnsafe<{ n: number; size: number; last: string | null }[]>(
        `WITH chunk AS (
           SELECT r."key", r."data" FROM "import_row" r
           WHERE r."batchId" = $1 AND r."entity" = $3 AND r."key" > $4 ORDER BY r."key" LIMIT $5)
         SELECT (SELECT count(*)::int FROM chunk c WHERE EXISTS (
                   SELECT 1 FROM "${table}" t WHERE t."versionId" = $2 AND ${match})) AS n,
                (SELECT count(*)::int FROM chunk) AS size, (SELECT max(c."key") FROM chunk c) AS last`,
        batchId,
        versionId,
        entity,
        after,
        CHECK_CHUNK_ROWS,
      );
      replaced += chunk?.n ?? 0;
      if (!chunk?.last || chunk.size < CHECK_CHUNK_ROWS) break;
      after = chunk.last;
      await nextTurn();
    }
    if (replaced > 0) {
      await sink.problem({
        file: ENTITY_FILES[entity].file,
        line: null,
        column: null,
        severity: 'warning',
        message: `${replaced} row(s) have the key of a row already in the draft: applying replaces those rows`,
      });
    }
  }
}
