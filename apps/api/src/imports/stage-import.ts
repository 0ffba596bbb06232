// Validates an upload into an import batch: each row through the domain schemas, then what a row alone cannot
// show (duplicate keys, references to sources and countries, shares over 100 %, rows that replace draft rows).
// Accepted rows are staged in import_row, problems in import_issue; the draft itself is not touched here.
import {
  COUNTRY_COLUMNS,
  checkHeader,
  ENTITY_FILES,
  type EntityName,
  echo,
  echoList,
  keyOf,
  rowFromCells,
} from '@ree/domain';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { recordAudit } from '../queries/audit.ts';
import { ENTITY_TABLE, keyMatchesJson } from '../queries/dataset-versions.ts';
import type { Actor } from '../queries/user-admin.ts';
import { readUpload } from './read-upload.ts';
import { fileError, type Problem, type RecordSink } from './upload-sink.ts';

/** Staged rows are written this many at a time. */
const FLUSH_ROWS = 1000;
/** A report keeps this many problems in full; beyond it only the counts grow. */
export const MAX_STORED_ISSUES = 5000;

interface StagedRow {
  entity: EntityName;
  key: string;
  file: string;
  line: number;
  data: Record<string, unknown>;
}

/** The sink that validates rows and stages them, a few hundred at a time. */
class Stager implements RecordSink {
  private rows: StagedRow[] = [];
  private issues: Problem[] = [];
  private seq = 0;
  rejected = 0;
  warnings = 0;
  fileErrors = 0;
  readonly unreadableFiles = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly batchId: string,
    private readonly thisYear = new Date().getUTCFullYear(),
  ) {}

  async header(file: string, entity: EntityName, names: readonly string[]): Promise<boolean> {
    const { missing, unknown } = checkHeader(entity, names);
    if (unknown.length) {
      await this.problem({
        file,
        line: 1,
        column: null,
        severity: 'warning',
        message: `ignored column(s) that ${ENTITY_FILES[entity].file} does not have: ${echoList(unknown)}`,
      });
    }
    if (missing.length) {
      await this.problem(
        fileError(
          file,
          `missing column(s) ${missing.join(', ')}; ${ENTITY_FILES[entity].file} needs ${ENTITY_FILES[entity].columns.map((c) => c.header).join(', ')}`,
          1,
        ),
      );
      return false;
    }
    return true;
  }

  async record(file: string, entity: EntityName, line: number, cell: (h: string) => string): Promise<void> {
    const result = rowFromCells(entity, cell);
    if (!result.ok) {
      await this.problem({ file, line, column: result.column, severity: 'error', message: result.message });
      return;
    }
    const row = result.row as Record<string, unknown>;
    if (entity === 'production' && Number(row.year) > this.thisYear && row.projection !== true) {
      await this.problem({
        file,
        line,
        column: 'year',
        severity: 'warning',
        message: `${String(row.year)} is in the future but the row is not marked as a projection`,
      });
    }
    this.rows.push({ entity, key: keyOf(entity, row), file, line, data: row });
    if (this.rows.length >= FLUSH_ROWS) await this.flush();
  }

  async problem(problem: Problem): Promise<void> {
    if (problem.severity === 'warning') this.warnings++;
    else if (problem.fileLevel) {
      this.fileErrors++;
      for (const file of [problem.file, ...(problem.voids ?? [])]) this.unreadableFiles.add(file);
    } else if (problem.line !== null) this.rejected++;
    this.issues.push(problem);
    if (this.issues.length >= FLUSH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    this.rows = [];
    if (rows.length) {
      const inserted = await this.db.$queryRawUnsafe<{ entity: string; file: string; line: number }[]>(
        `INSERT INTO "import_row" ("batchId", "entity", "key", "file", "line", "data")
         SELECT $1, x.entity, x.key, x.file, x.line, x.data
         FROM jsonb_to_recordset($2::jsonb) AS x(entity text, key text, file text, line int, data jsonb)
         ON CONFLICT DO NOTHING RETURNING "entity", "file", "line"`,
        this.batchId,
        JSON.stringify(rows),
      );
      const id = (r: { entity: string; file: string; line: number }) => `${r.entity}\0${r.file}\0${r.line}`;
      const landed = new Set(inserted.map(id));
      for (const row of rows) {
        if (landed.has(id(row))) continue;
        const first = await this.db.importRow.findUnique({
          where: { batchId_entity_key: { batchId: this.batchId, entity: row.entity, key: row.key } },
          select: { line: true, file: true },
        });
        await this.problem({
          file: row.file,
          line: row.line,
          column: null,
          severity: 'error',
          message: `duplicate of line ${first?.line ?? '?'}${first && first.file !== row.file ? ` of ${first.file}` : ''}: same ${ENTITY_FILES[row.entity].key.join(', ')} (${echo(row.key)})`,
        });
      }
    }
    const issues = this.issues;
    this.issues = [];
    const room = Math.max(0, MAX_STORED_ISSUES - this.seq);
    if (issues.length && room) {
      await this.db.importIssue.createMany({
        data: issues.slice(0, room).map((p) => ({
          batchId: this.batchId,
          severity: p.severity,
          file: p.file,
          line: p.line,
          column: p.column,
          message: p.message,
          seq: this.seq++,
        })),
      });
    }
    this.seq += Math.max(0, issues.length - room);
  }
}

export interface StageInput {
  versionId: string;
  fileName: string;
  entity?: EntityName | undefined;
  maxBytes: number;
}

export interface StageResult {
  batchId: string;
  /** True when this exact file was already imported into this draft: that earlier batch is returned, nothing new. */
  duplicate: boolean;
}

/** Reads, validates and stages an upload into a new batch for a draft. Nothing of the draft changes. */
export async function stageImport(
  db: Db,
  actor: Actor,
  input: StageInput,
  source: AsyncIterable<Uint8Array>,
): Promise<StageResult> {
  const version = await db.datasetVersion.findUnique({ where: { id: input.versionId } });
  if (!version) throw new NotFoundError('No such dataset version.');
  if (version.status !== 'draft') {
    throw new ConflictError(`"${version.label}" is published and cannot change: import into a draft.`);
  }
  const batch = await db.importBatch.create({
    data: {
      versionId: version.id,
      fileName: input.fileName,
      format: 'csv',
      contentHash: '',
      bytes: 0,
      createdById: actor.id,
      createdByEmail: actor.email,
    },
    select: { id: true },
  });
  try {
    const stager = new Stager(db, batch.id);
    const upload = await readUpload(source, input, stager);
    await stager.flush();

    const earlier = await db.importBatch.findFirst({
      where: {
        versionId: version.id,
        contentHash: upload.contentHash,
        status: { in: ['validated', 'applied'] },
        id: { not: batch.id },
      },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
    if (earlier) {
      await db.importBatch.delete({ where: { id: batch.id } });
      return { batchId: earlier.id, duplicate: true };
    }

    // A file that could not be read to its end offers nothing to apply: half a file is not an import.
    if (stager.unreadableFiles.size) {
      const dropped = await db.importRow.deleteMany({
        where: { batchId: batch.id, file: { in: [...stager.unreadableFiles] } },
      });
      stager.rejected += dropped.count;
    }
    await rejectUnknownReferences(db, batch.id, version.id, stager);
    await warnSharesOver100(db, batch.id, version.id, stager);
    await warnReplacedRows(db, batch.id, version.id, stager);
    await stager.flush();

    const accepted = await db.importRow.count({ where: { batchId: batch.id } });
    const summary = {
      accepted,
      rejected: stager.rejected,
      warnings: stager.warnings,
      fileErrors: stager.fileErrors,
    };
    await db.importBatch.update({
      where: { id: batch.id },
      data: {
        ...summary,
        status: 'validated',
        format: upload.format,
        bytes: upload.bytes,
        contentHash: upload.contentHash,
      },
    });
    await recordAudit(db, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'dataset.import',
      target: version.id,
      after: {
        batchId: batch.id,
        fileName: input.fileName,
        bytes: upload.bytes,
        contentHash: upload.contentHash,
        ...summary,
      },
      ip: actor.ip,
    });
    return { batchId: batch.id, duplicate: false };
  } catch (error) {
    // Nothing half-written: the batch, its staged rows and issues go (rows and issues by cascade).
    await db.importBatch.delete({ where: { id: batch.id } }).catch(() => {});
    throw error;
  }
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

/** Rows naming a source or country that neither the draft nor this upload has: they could never be stored. */
async function rejectUnknownReferences(db: Db, batchId: string, versionId: string, stager: Stager) {
  for (const entity of Object.keys(ENTITY_FILES) as EntityName[]) {
    for (const ref of referencesOf(entity)) {
      const table = ENTITY_TABLE[ref.to];
      const keyColumn = ref.to === 'sources' ? 'id' : 'iso3';
      // A list column (supplier_countries) names several: each element is checked.
      const from = ref.list
        ? `"import_row" r CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(r."data"->'${ref.key}') = 'array' THEN r."data"->'${ref.key}' ELSE '[]'::jsonb END) AS v(value)`
        : `"import_row" r`;
      const value = ref.list ? 'v.value' : `r."data"->>'${ref.key}'`;
      const bad = await db.$queryRawUnsafe<{ key: string; file: string; line: number; value: string }[]>(
        `SELECT r."key", r."file", r."line", ${value} AS value FROM ${from}
         WHERE r."batchId" = $1 AND r."entity" = $2 AND ${value} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t."versionId" = $3 AND t."${keyColumn}" = ${value})
           AND NOT EXISTS (SELECT 1 FROM "import_row" i WHERE i."batchId" = $1 AND i."entity" = $4 AND i."key" = ${value})
         ORDER BY r."file", r."line"`,
        batchId,
        entity,
        versionId,
        ref.to,
      );
      for (const row of bad) {
        const removed = await db.importRow.deleteMany({ where: { batchId, entity, key: row.key } });
        if (!removed.count) continue; // already rejected for another column
        await stager.problem({
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
async function warnSharesOver100(db: Db, batchId: string, versionId: string, stager: Stager) {
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
      await stager.problem({
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
async function warnReplacedRows(db: Db, batchId: string, versionId: string, stager: Stager) {
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
      await stager.problem({
        file: ENTITY_FILES[entity].file,
        line: null,
        column: null,
        severity: 'warning',
        message: `${row.n} row(s) have the key of a row already in the draft: applying replaces those rows`,
      });
    }
  }
}
