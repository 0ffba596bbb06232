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
 * Rows naming a source or country that neither the draft nor this upload has: they could never be stored. At most
 * two statements per reference column, however many bad rows there are (a call per row held PGlite for minutes):
 * the unknown values, then, if there are any, one DELETE of the rows naming them. Neither joins the staged rows
 * to anything, so a plan made with statistics from before the upload landed cannot turn quadratic (a join did:
 * minutes for 20,000 rows). A row is reported once, for the first column that rejects it: the later columns no
 * longer see it.
 */
async function rejectUnknownReferences(db: Db, batchId: string, versionId: string, sink: ProblemSink) {
  for (const entity of Object.keys(ENTITY_FILES) as EntityName[]) {
    for (const ref of referencesOf(entity)) {
      const table = ENTITY_TABLE[ref.to];
      const keyColumn = ref.to === 'sources' ? 'id' : 'iso3';
      // A list column (supplier_countries) names several: each element is checked, the first unknown reported.
      const elements = `jsonb_array_elements_text(CASE WHEN jsonb_typeof(r."data"->'${ref.key}') = 'array' THEN r."data"->'${ref.key}' ELSE '[]'::jsonb END) WITH ORDINALITY AS v(value, n)`;
      const from = ref.list ? `"import_row" r CROSS JOIN LATERAL ${elements}` : `"import_row" r`;
      const value = ref.list ? 'v.value' : `r."data"->>'${ref.key}'`;
      const unknown = await db.$queryRawUnsafe<{ value: string }[]>(
        `SELECT ${value} AS value FROM ${from}
         WHERE r."batchId" = $1 AND r."entity" = $2 AND ${value} IS NOT NULL
         EXCEPT SELECT t."${keyColumn}" FROM "${table}" t WHERE t."versionId" = $3
         EXCEPT SELECT i."key" FROM "import_row" i WHERE i."batchId" = $1 AND i."entity" = $4`,
        batchId,
        entity,
        versionId,
        ref.to,
      );
      if (!unknown.length) continue;
      // A bound array is planned as the constant it is (unnamed statements get custom plans), so `= ANY` is a hashed
      // look-up per row; a generic plan would compare each row with every element.
      const hit = ref.list
        ? `EXISTS (SELECT 1 FROM ${elements} WHERE v.value = ANY($3::text[]))`
        : `${value} = ANY($3::text[])`;
      const first = ref.list
        ? `(SELECT v.value FROM ${elements} WHERE v.value = ANY($3::text[]) ORDER BY v.n LIMIT 1)`
        : value;
      const rejected = await db.$queryRawUnsafe<{ file: string; line: number; value: string }[]>(
        `WITH gone AS (
           DELETE FROM "import_row" r WHERE r."batchId" = $1 AND r."entity" = $2 AND ${hit}
           RETURNING r."file", r."line", ${first} AS value)
         SELECT "file", "line", value FROM gone ORDER BY "file", "line"`,
        batchId,
        entity,
        unknown.map((u) => u.value),
      );
      for (const row of rejected) {
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

/** Rows whose key the draft already has: applying overwrites them. One line per table. */
async function warnReplacedRows(db: Db, batchId: string, versionId: string, sink: ProblemSink) {
  for (const entity of Object.keys(ENTITY_FILES) as EntityName[]) {
    const table = ENTITY_TABLE[entity];
    const match = keyMatchesJson(entity, 'r."data"');
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "import_row" r JOIN "${table}" t ON t."versionId" = $2 AND ${match}
       WHERE r."batchId" = $1 AND r."entity" = $3`,
      batchId,
      versionId,
      entity,
    );
    if (row && row.n > 0) {
      await sink.problem({
        file: ENTITY_FILES[entity].file,
        line: null,
        column: null,
        severity: 'warning',
        message: `${row.n} row(s) have the key of a row already in the draft: applying replaces those rows`,
      });
    }
  }
}
