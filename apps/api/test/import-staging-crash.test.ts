// Issue 12, a restart never leaves a half state: an API process that dies while it stages an upload (kill -9, a
// crash) leaves its batch in "staging" with some rows. Once that batch's heartbeat is older than
// STAGING_HEARTBEAT_TIMEOUT_MS it is swept to "failed" with a file problem and its staged rows go; discard works on
// it, apply is a conflict. A batch that another instance is staging right now keeps beating and is left alone.
// Runs on PGlite and PostgreSQL (where two sweeps at once really overlap).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.ts';
import { type StageInput, stageImport } from '../src/imports/stage-import.ts';
import { STAGING_STOPPED_MESSAGE, sweepDeadStaging } from '../src/imports/staging-heartbeat.ts';
import type { SessionUser } from '../src/trpc/context.ts';
import { openAdminDraft } from './import-support.ts';
import { callerFor, outcomeOf } from './support.ts';

let database: Database;
let admin: SessionUser;
let draftId: string;

beforeAll(async () => {
  ({ database, admin, draftId } = await openAdminDraft('Crash'));
});
afterAll(async () => {
  await database?.close();
});

const HEADER = 'country,stage,material,year,quantity,unit,basis,projection,source_id,status';
const row = (year: number, quantity = '7') =>
  `AUS,mining,REE,${year},${quantity},t,REO,false,usgs-mcs-2025,verified`;
const bytes = (text: string) => new TextEncoder().encode(text);

/** What a process killed mid-staging leaves behind: a "staging" batch with some rows and issues, last beat `ago`. */
async function deadBatch(name: string, ago: string) {
  const batch = await database.db.importBatch.create({
    data: {
      status: 'staging',
      versionId: draftId,
      fileName: name,
      format: 'csv',
      contentHash: '',
      bytes: 0,
      createdById: admin.id,
      createdByEmail: admin.email,
      rows: {
        create: [1, 2, 3].map((line) => ({
          entity: 'production',
          key: `AUS | mining | REE | ${1990 + line}`,
          file: name,
          line: line + 1,
          data: {},
        })),
      },
      issues: { create: [{ severity: 'warning', file: name, line: 1, message: 'ignored column', seq: 0 }] },
    },
    select: { id: true },
  });
  await database.db.$executeRawUnsafe(
    `UPDATE "import_batch" SET "heartbeatAt" = (now() AT TIME ZONE 'UTC') - $2::interval WHERE "id" = $1`,
    batch.id,
    ago,
  );
  return batch.id;
}

const stagedRows = (batchId: string) => database.db.importRow.count({ where: { batchId } });

describe('a batch left in "staging" by a dead process is swept to "failed" (issue 12)', () => {
  it('its report says why, its staged rows are gone, apply is a conflict and discard works', async () => {
    const caller = callerFor(database, admin);
    const batchId = await deadBatch(`dead-${Date.now()}.csv`, '3 minutes');
    expect(await stagedRows(batchId)).toBe(3);

    const report = await caller.imports.report({ batchId });
    expect(report.batch).toMatchObject({ status: 'failed', accepted: 0, fileErrors: 1 });
    expect(report.counts).toEqual({ error: 1, warning: 0 });
    expect(report.issues).toEqual([
      expect.objectContaining({ severity: 'error', line: null, message: STAGING_STOPPED_MESSAGE }),
    ]);
    expect(await stagedRows(batchId)).toBe(0);

    await expect(caller.imports.applyRows({ batchId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: STAGING_STOPPED_MESSAGE,
    });
    await caller.imports.discard({ batchId });
    const listed = (await caller.imports.list({ versionId: draftId })).items.find((b) => b.id === batchId);
    expect(listed?.status).toBe('discarded');
    const audit = await database.db.auditEvent.findMany({
      where: { target: draftId, action: { in: ['dataset.import-failed', 'dataset.import-discard'] } },
      orderBy: { at: 'asc' },
    });
    expect(audit.filter((e) => JSON.stringify(e.after).includes(batchId)).map((e) => e.action)).toEqual([
      'dataset.import-failed',
      'dataset.import-discard',
    ]);
  });

  it('the list sweeps too, and discard sweeps the batch it is asked about', async () => {
    const caller = callerFor(database, admin);
    const listedId = await deadBatch(`dead-list-${Date.now()}.csv`, '10 minutes');
    const listed = (await caller.imports.list({ versionId: draftId })).items.find((b) => b.id === listedId);
    expect(listed?.status).toBe('failed');
    expect(await stagedRows(listedId)).toBe(0);

    const discardedId = await deadBatch(`dead-discard-${Date.now()}.csv`, '10 minutes');
    await caller.imports.discard({ batchId: discardedId });
    expect((await caller.imports.report({ batchId: discardedId })).batch.status).toBe('discarded');
    expect(await stagedRows(discardedId)).toBe(0);
  });

  it('two sweeps at once fail each dead batch once, with one problem', async () => {
    const batchId = await deadBatch(`dead-twice-${Date.now()}.csv`, '5 minutes');
    const swept = await Promise.all([sweepDeadStaging(database.db), sweepDeadStaging(database.db)]);
    expect(swept.flat().filter((id) => id === batchId)).toHaveLength(1);
    const issues = await database.db.importIssue.findMany({ where: { batchId } });
    expect(issues.map((i) => i.message)).toEqual([STAGING_STOPPED_MESSAGE]);
  });
});

describe('a batch that is still being staged is left alone', () => {
  it('a recent heartbeat keeps a batch "staging", with its rows', async () => {
    const caller = callerFor(database, admin);
    const batchId = await deadBatch(`alive-${Date.now()}.csv`, '30 seconds');
    expect(await sweepDeadStaging(database.db)).not.toContain(batchId);
    expect((await caller.imports.report({ batchId })).batch.status).toBe('staging');
    expect(await stagedRows(batchId)).toBe(3);
    expect(await outcomeOf(caller.imports.applyRows({ batchId }))).toBe('CONFLICT');
    expect(await outcomeOf(caller.imports.discard({ batchId }))).toBe('CONFLICT');
    await database.db.importBatch.delete({ where: { id: batchId } });
  });

  it('a live upload beats as it stages, so a sweep meanwhile does not fail it', async () => {
    const caller = callerFor(database, admin);
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let paused = () => {};
    const midway = new Promise<void>((resolve) => {
      paused = resolve;
    });
    const rows = (n: number, quantity?: string) =>
      Array.from({ length: n }, (_, i) => row(2000 + (i % 20), quantity)).join('\n');
    async function* slowUpload(): AsyncGenerator<Uint8Array> {
      yield bytes(`${HEADER}\n${rows(10)}\n`);
      paused();
      await gate;
      // Enough problems for a flush, which beats.
      yield bytes(`${rows(1100, 'x')}\n`);
    }
    const name = `live-${Date.now()}.csv`;
    const input: StageInput = {
      versionId: draftId,
      fileName: name,
      entity: 'production',
      maxBytes: 10_000_000,
    };
    const staging = stageImport(
      database.db,
      { id: admin.id, email: admin.email, ip: '127.0.0.1' },
      input,
      slowUpload(),
    );
    await midway;
    const batch = await database.db.importBatch.findFirstOrThrow({ where: { fileName: name } });
    expect(batch.status).toBe('staging');
    expect(await sweepDeadStaging(database.db)).not.toContain(batch.id);
    // Its last beat a minute ago (within the timeout): the rows still to come beat again.
    await database.db.$executeRawUnsafe(
      `UPDATE "import_batch" SET "heartbeatAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute' WHERE "id" = $1`,
      batch.id,
    );
    const backdated = await database.db.importBatch.findUniqueOrThrow({ where: { id: batch.id } });

    release();
    const staged = await staging;
    expect(staged.batchId).toBe(batch.id);
    const after = await database.db.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(after.status).toBe('validated');
    expect(after.heartbeatAt.getTime() - backdated.heartbeatAt.getTime()).toBeGreaterThan(30_000);
    expect((await caller.imports.report({ batchId: batch.id })).batch).toMatchObject({
      accepted: 10,
      rejected: 1100,
    });
  });
});
