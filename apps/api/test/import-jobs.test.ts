// Uploads validated as background jobs: queued at once, progress written as rows are read, cancel undoes what was
// staged, a job whose worker died is run again (or failed after too many tries). On PGlite, and on PostgreSQL with
// DATABASE_URL (import-jobs-once.test.ts adds two workers racing for one queue).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJob, JOB_DIED_MESSAGE, MAX_ATTEMPTS, requestCancel } from '../src/imports/jobs/queue.ts';
import { draftWorker, productionCsv, queueUpload } from './import-jobs-support.ts';
import { type AdminDraft, openAdminDraft } from './import-support.ts';
import { callerFor } from './support.ts';

let draft: AdminDraft;
beforeAll(async () => {
  draft = await openAdminDraft('Jobs');
}, 60_000);
afterAll(async () => {
  await draft.database.close();
});

const jobOf = (jobId: string) => callerFor(draft.database, draft.admin).imports.job({ jobId });
const draftRows = () => draft.database.db.productionRecord.count({ where: { versionId: draft.draftId } });

describe('import jobs', () => {
  it('queues the upload without validating it; the worker then makes the usual report', async () => {
    const jobId = await queueUpload(
      draft,
      `${productionCsv(3)}AUS,mining,REE,twenty,1,t,REO,false,usgs-mcs-2025,verified\n`,
    );
    const queued = await jobOf(jobId);
    expect(queued).toMatchObject({
      state: 'queued',
      batchId: null,
      rowsRead: 0,
      totalBytes: expect.any(Number),
    });
    expect(await draft.database.db.importBatch.count({ where: { versionId: draft.draftId } })).toBe(0);

    expect(await draftWorker(draft).runOnce()).toBe(true);
    const done = await jobOf(jobId);
    expect(done).toMatchObject({ state: 'succeeded', duplicate: false, rowsRead: 4, rowsValidated: 3 });
    expect(done.bytesRead).toBe(done.totalBytes);
    const report = await callerFor(draft.database, draft.admin).imports.report({
      batchId: done.batchId ?? '',
    });
    expect(report.batch).toMatchObject({ status: 'validated', accepted: 3, rejected: 1 });
    expect(report.issues).toEqual([expect.objectContaining({ severity: 'error', line: 5, column: 'year' })]);
    // The stored upload is gone once validated.
    expect(await draft.database.db.importJobChunk.count({ where: { jobId } })).toBe(0);
  }, 60_000);

  it('writes progress while it reads: rows read and validated grow, flush by flush', async () => {
    const jobId = await queueUpload(draft, productionCsv(3500));
    const seen: { rowsRead: number; stored: number }[] = [];
    await draftWorker(draft, async (_context, p) => {
      const row = await draft.database.db.importJob.findUniqueOrThrow({ where: { id: jobId } });
      if (p.rowsRead) seen.push({ rowsRead: p.rowsRead, stored: row.rowsRead });
    }).runOnce();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const s of seen) expect(s.stored).toBe(s.rowsRead);
    const counts = seen.map((s) => s.rowsRead);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBeLessThan(3500);
    expect(await jobOf(jobId)).toMatchObject({ state: 'succeeded', rowsRead: 3500, rowsValidated: 3500 });
  }, 60_000);

  it('cancelled while running: stops at the next flush, nothing staged stays, the draft is unchanged', async () => {
    const before = await draftRows();
    const jobId = await queueUpload(draft, productionCsv(5000));
    let asked = false;
    await draftWorker(draft, async (_context, p) => {
      if (!asked && (p.rowsRead ?? 0) > 0) {
        asked = true;
        expect(await callerFor(draft.database, draft.admin).imports.cancel({ jobId })).toEqual({
          cancelled: true,
        });
      }
    }).runOnce();
    const job = await jobOf(jobId);
    expect(job).toMatchObject({ state: 'cancelled', batchId: null, cancelRequested: true });
    expect(job.rowsRead).toBeLessThan(5000);
    expect(
      await draft.database.db.importBatch.count({ where: { versionId: draft.draftId, status: 'staging' } }),
    ).toBe(0);
    expect(await draftRows()).toBe(before);
    const audit = await callerFor(draft.database, draft.admin).audit.list({
      action: 'dataset.import-cancel',
    });
    expect(audit.items.map((e) => e.after)).toContainEqual(expect.objectContaining({ jobId }));
    // A finished job cannot be cancelled again.
    expect(await callerFor(draft.database, draft.admin).imports.cancel({ jobId })).toEqual({
      cancelled: false,
    });
  }, 60_000);

  it('cancelled while queued: never runs', async () => {
    const jobId = await queueUpload(draft, productionCsv(2));
    expect(await requestCancel(draft.database.db, jobId)).toBe(true);
    expect(await draftWorker(draft).runOnce()).toBe(false);
    expect(await jobOf(jobId)).toMatchObject({ state: 'cancelled', rowsRead: 0 });
  }, 60_000);

  it('a job whose worker died (lease lapsed) is run again from scratch, its half-staged batch removed', async () => {
    const jobId = await queueUpload(draft, productionCsv(2500));
    // The dead worker got as far as a staging batch with some rows, then stopped for good.
    let stalled: string | null = null;
    const dead = draftWorker(draft, async (context, p) => {
      if ((p.rowsRead ?? 0) > 1000) {
        stalled = (await draft.database.db.importJob.findUniqueOrThrow({ where: { id: context.job.id } }))
          .batchId;
        await new Promise(() => {}); // never returns: the process "died" here
      }
    });
    void dead.runOnce();
    for (let i = 0; i < 200 && !stalled; i++) await new Promise((r) => setTimeout(r, 25));
    expect(stalled).not.toBeNull();
    expect(await draft.database.db.importRow.count({ where: { batchId: stalled ?? '' } })).toBeGreaterThan(0);
    await draft.database.db
      .$executeRaw`UPDATE "import_job" SET "leaseUntil" = now() - interval '1 minute' WHERE "id" = ${jobId}`;

    expect(await draftWorker(draft).runOnce()).toBe(true);
    const job = await jobOf(jobId);
    expect(job).toMatchObject({ state: 'succeeded', attempts: 2, rowsValidated: 2500 });
    expect(job.batchId).not.toBe(stalled);
    expect(await draft.database.db.importBatch.count({ where: { id: stalled ?? '' } })).toBe(0);
    expect(await draft.database.db.importRow.count({ where: { batchId: job.batchId ?? '' } })).toBe(2500);
  }, 60_000);

  it('a worker that stops mid-job gives it back to the queue, undone; the next run does it whole', async () => {
    const jobId = await queueUpload(draft, productionCsv(3000));
    let stopped: Promise<void> | null = null;
    const stopping = draftWorker(draft, async (_context, p) => {
      if (!stopped && (p.rowsRead ?? 0) > 1000) stopped = stopping.stop();
    });
    expect(await stopping.runOnce()).toBe(true);
    await stopped;
    const back = await jobOf(jobId);
    expect(back).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await draft.database.db.importBatch.count({ where: { id: back.batchId ?? '' } })).toBe(0);
    await draftWorker(draft).runOnce();
    expect(await jobOf(jobId)).toMatchObject({ state: 'succeeded', attempts: 1, rowsValidated: 3000 });
  }, 60_000);

  it(`fails a job cleanly once its worker died ${MAX_ATTEMPTS} times`, async () => {
    const jobId = await queueUpload(draft, productionCsv(2));
    await draft.database.db
      .$executeRaw`UPDATE "import_job" SET "attempts" = ${MAX_ATTEMPTS - 1} WHERE "id" = ${jobId}`;
    expect(await claimJob(draft.database.db, 'doomed', { versionId: draft.draftId })).toMatchObject({
      id: jobId,
    });
    await draft.database.db
      .$executeRaw`UPDATE "import_job" SET "leaseUntil" = now() - interval '1 minute' WHERE "id" = ${jobId}`;
    expect(await draftWorker(draft).runOnce()).toBe(false);
    expect(await jobOf(jobId)).toMatchObject({ state: 'failed', error: JOB_DIED_MESSAGE });
  }, 60_000);

  it('a job for a draft published meanwhile fails with the reason', async () => {
    const other = await callerFor(draft.database, draft.admin).datasets.createDraft({
      label: `Gone ${Date.now()}`,
    });
    const jobId = await queueUpload({ ...draft, draftId: other.id }, productionCsv(2));
    await callerFor(draft.database, draft.admin).datasets.deleteDraft({ versionId: other.id });
    await draftWorker({ ...draft, draftId: other.id }).runOnce();
    expect(await jobOf(jobId)).toMatchObject({ state: 'failed', error: 'No such dataset version.' });
  }, 60_000);
});
