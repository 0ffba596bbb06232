// Validates an upload into an import batch: each row through the domain schemas, duplicate keys, then the checks
// against the draft (draft-checks.ts). Accepted rows are staged in import_row, problems in import_issue; the draft
// itself is not touched here. The batch is "staging" until all of that is done: only then can it be applied. While
// staging it beats (staging-heartbeat.ts), so a batch whose process died is swept to "failed", never left half-done.
import { checkHeader, ENTITY_FILES, type EntityName, echo, echoList, keyOf, rowFromCells } from '@ree/domain';
import type { Db } from '../db/client.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { recordAudit } from '../queries/audit.ts';
import { draftGenerationOf } from '../queries/draft-generation.ts';
import type { Actor } from '../queries/user-admin.ts';
import { checkAgainstDraft, nextTurn } from './draft-checks.ts';
import { readUpload } from './read-upload.ts';
import { firstOccurrences } from './staged-duplicates.ts';
import { beat, keepAlive, STAGING_TIMED_OUT_MESSAGE } from './staging-heartbeat.ts';
import { fileError, type Problem, type RecordSink } from './upload-sink.ts';

/** Staged rows are written this many at a time. */
const FLUSH_ROWS = 1000;
/**
 * A report keeps this many problems of each severity in full; beyond it only the counts grow. Each severity has
 * its own cap, so thousands of bad rows cannot push out the warnings the draft checks find last; file-level errors
 * (a file that gives no rows) are always kept.
 */
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
  /** Problems kept for the report, by severity (file-level errors not counted: they are always kept). */
  private readonly stored = { error: 0, warning: 0 };
  rejected = 0;
  /** Records read from the file, and those of them that passed the row checks (progress for the job page). */
  rowsRead = 0;
  rowsValidated = 0;
  /** Every error problem, also those past MAX_STORED_ISSUES. */
  errors = 0;
  warnings = 0;
  fileErrors = 0;
  readonly unreadableFiles = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly batchId: string,
    private readonly onProgress: StageHooks['onProgress'],
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
    this.rowsRead++;
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
    this.rowsValidated++;
    this.rows.push({ entity, key: keyOf(entity, row), file, line, data: row });
    if (this.rows.length >= FLUSH_ROWS) await this.flush();
  }

  async problem(problem: Problem): Promise<void> {
    if (problem.severity === 'warning') this.warnings++;
    else {
      this.errors++;
      if (problem.fileLevel) {
        this.fileErrors++;
        for (const file of [problem.file, ...(problem.voids ?? [])]) this.unreadableFiles.add(file);
      } else if (problem.line !== null) this.rejected++;
    }
    // Past the cap only the counts grow: a problem nobody will read costs neither memory nor a database call.
    if (!problem.fileLevel) {
      if (this.stored[problem.severity] >= MAX_STORED_ISSUES) return;
      this.stored[problem.severity]++;
    }
    this.issues.push(problem);
    if (this.issues.length >= FLUSH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    // Progress is a sign of life; a batch swept meanwhile gets no more rows.
    if (!(await beat(this.db, this.batchId))) throw new ConflictError(STAGING_TIMED_OUT_MESSAGE);
    // The job's progress, and its chance to stop (a cancel throws here, and the batch is undone below).
    await this.onProgress?.({ rowsRead: this.rowsRead, rowsValidated: this.rowsValidated });
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
      const duplicates = rows.filter((row) => !landed.has(id(row)));
      // One look-up for all of them, not one per duplicate: a file of repeated keys must not cost a call a row.
      const firsts = await firstOccurrences(this.db, this.batchId, duplicates);
      for (const row of duplicates) {
        const first = firsts.get(`${row.entity}\0${row.key}`);
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
    if (issues.length) {
      await this.db.importIssue.createMany({
        data: issues.map((p) => ({
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
    // Reading, validating and writing resolve as microtasks, which never let the event loop run: without a turn
    // here a whole upload would hold it (on PGlite, every other request) from its first byte to its last.
    await nextTurn();
  }
}

export interface StageInput {
  versionId: string;
  fileName: string;
  entity?: EntityName | undefined;
  maxBytes: number;
}

/** How a background job follows staging (imports/jobs/validate-job.ts). */
export interface StageHooks {
  /** The batch exists (called once, before any row is read). */
  onBatch?: (batchId: string) => Promise<void>;
  /** Called at each flush; what it throws stops staging, and the batch is removed. */
  onProgress?: (p: { rowsRead: number; rowsValidated: number }) => Promise<void>;
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
  hooks: StageHooks = {},
): Promise<StageResult> {
  const version = await db.datasetVersion.findUnique({ where: { id: input.versionId } });
  if (!version) throw new NotFoundError('No such dataset version.');
  if (version.status !== 'draft') {
    throw new ConflictError(`"${version.label}" is published and cannot change: import into a draft.`);
  }
  const batch = await db.importBatch.create({
    data: {
      status: 'staging',
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
  // The first beat is the database's clock, not this instance's (the create may carry the latter).
  await beat(db, batch.id);
  const stopBeating = keepAlive(db, batch.id);
  try {
    await hooks.onBatch?.(batch.id);
    const stager = new Stager(db, batch.id, hooks.onProgress);
    const upload = await readUpload(source, input, stager);
    await stager.flush();

    // What the draft checks below see; a change to the draft after this makes the batch stale.
    const generation = await draftGenerationOf(db, version.id);
    // The same file again is a no-op only while the draft is still the one that file was checked against (or that
    // its apply made): after another import or an edit it is validated anew, never answered with a stale report.
    const earlier = await db.importBatch.findFirst({
      where: {
        versionId: version.id,
        contentHash: upload.contentHash,
        status: { in: ['validated', 'applied'] },
        draftGeneration: generation,
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
    await checkAgainstDraft(db, batch.id, version.id, stager);
    await stager.flush();

    const accepted = await db.importRow.count({ where: { batchId: batch.id } });
    const summary = {
      accepted,
      rejected: stager.rejected,
      errors: stager.errors,
      warnings: stager.warnings,
      fileErrors: stager.fileErrors,
    };
    // Only a batch still staging becomes appliable: one swept while this process was stalled stays failed.
    const done = await db.importBatch.updateMany({
      where: { id: batch.id, status: 'staging' },
      data: {
        ...summary,
        status: 'validated',
        draftGeneration: generation,
        format: upload.format,
        bytes: upload.bytes,
        contentHash: upload.contentHash,
      },
    });
    if (done.count !== 1) throw new ConflictError(STAGING_TIMED_OUT_MESSAGE);
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
    // Nothing half-written: the batch, its staged rows and issues go (rows and issues by cascade). A batch swept
    // meanwhile stays, failed, so its report says why; only rows staged after the sweep are left to delete.
    await db.importBatch.deleteMany({ where: { id: batch.id, status: 'staging' } }).catch(() => {});
    await db.importRow.deleteMany({ where: { batchId: batch.id } }).catch(() => {});
    throw error;
  } finally {
    stopBeating();
  }
}
